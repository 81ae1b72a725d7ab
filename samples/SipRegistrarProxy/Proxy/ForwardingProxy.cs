using Codebook.Sip;

namespace SipEdge.Proxy;

/// <summary>
/// A stateful proxy. Its role comes from .editorconfig (codebook.sip.role = proxy): it challenges with 407,
/// never 401, and never sends 305.
/// </summary>
public sealed class ForwardingProxy
{
    /// <returns>The response to send; null for ACK, which a proxy forwards and never answers.</returns>
    public SipResponse? Handle(SipRequest request)
    {
        if (!request.HasCredentials)
        {
            var challenge = new SipResponse(SipStatusCode.ProxyAuthenticationRequired);
            challenge.Headers["Proxy-Authenticate"] = "Digest realm=\"edge\"";
            return challenge;
        }

        switch (request.Method)
        {
            case SipMethod.Cancel:
                // CANCEL is answered with 200 when it matches a transaction, 481 when not; the INVITE gets the 487.
                return new SipResponse(request.MatchesTransaction ? SipStatusCode.Ok : SipStatusCode.CallTransactionDoesNotExist);
            case SipMethod.Invite:
                return new SipResponse(SipStatusCode.Trying);
            case SipMethod.Ack:
                return null;
            default:
                return new SipResponse(SipStatusCode.Ok);
        }
    }

    /// <summary>The final answer sent on an INVITE after a matching CANCEL.</summary>
    [SipRespondsTo(SipMethod.Invite)]
    public SipResponse Cancelled() => new(SipStatusCode.RequestTerminated);
}
