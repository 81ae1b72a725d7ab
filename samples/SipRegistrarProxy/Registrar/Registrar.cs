using Codebook.Sip;

namespace SipEdge.Registrar;

/// <summary>A registrar: answers REGISTER, challenges with 401, and never sends 6xx.</summary>
[SipRole(SipRole.Registrar)]
[SipRespondsTo(SipMethod.Register)]
public sealed class Registrar
{
    private const int MinimumExpires = 60;

    public SipResponse Register(SipRequest request)
    {
        if (!request.HasCredentials)
        {
            var challenge = new SipResponse(SipStatusCode.Unauthorized);
            challenge.Headers["WWW-Authenticate"] = "Digest realm=\"edge\"";
            return challenge;
        }
        if (request.Expires < MinimumExpires)
        {
            var tooBrief = new SipResponse(SipStatusCode.IntervalTooBrief);
            tooBrief.Headers["Min-Expires"] = MinimumExpires.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return tooBrief;
        }
        return request.RequestUri.Length == 0 ? new SipResponse(SipStatusCode.Forbidden) : new SipResponse(SipStatusCode.Ok);
    }
}
