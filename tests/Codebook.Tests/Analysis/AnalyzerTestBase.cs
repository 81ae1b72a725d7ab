namespace Codebook.Tests.Analysis;

/// <summary>Usings and helpers shared by the analyzer tests' sources.</summary>
public abstract class AnalyzerTestBase
{
    /// <summary>A small SIP stack shape: a response type and a sender, as user code would have them.</summary>
    protected const string Prelude = @"
using System;
using Codebook.Sip;
using Codebook.Rtsp;

public sealed class Response
{
    public SipStatusCode Status { get; set; }
    public Response(SipStatusCode status) { Status = status; }
}

public static class Wire
{
    public static void Send(SipStatusCode code) { }
    public static void Reply(SipMethod method, SipStatusCode code) { }
    public static void Log(object value) { }
    public static void SendRtsp(RtspStatusCode code) { }
}
";
}
