using System.Collections.Generic;
using Codebook.Sip;

namespace SipEdge;

/// <summary>A parsed request: just what the skeleton needs.</summary>
public sealed record SipRequest(SipMethod Method, string RequestUri, int Expires = 3600, bool HasCredentials = false, bool MatchesTransaction = true);

/// <summary>A response about to be sent.</summary>
public sealed class SipResponse
{
    public SipResponse(SipStatusCode status) => Status = status;

    public SipStatusCode Status { get; }

    public Dictionary<string, string> Headers { get; } = new();

    public override string ToString() => $"SIP/2.0 {(int)Status} {Status.GetReasonPhrase()}";
}
