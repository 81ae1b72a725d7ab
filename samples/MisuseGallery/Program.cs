// The misuse gallery: each status-code mistake Codebook's analyzers catch, once. Building this project prints
// one warning per line marked "expect:"; the tests check that exactly those lines are flagged.
using System;
using Codebook.Rtsp;
using Codebook.Sip;

Console.WriteLine("Build this project to see Codebook's diagnostics: dotnet build samples/MisuseGallery");

/// <summary>Sends responses on the wire (a stand-in for a real SIP stack).</summary>
public static class Transport
{
    public static void Send(SipStatusCode code) => Console.WriteLine($"SIP/2.0 {(int)code} {code.GetReasonPhrase()}");

    public static void Send(RtspStatusCode code) => Console.WriteLine($"RTSP/1.0 {(int)code} {code.GetReasonPhrase()}");
}

/// <summary>A user agent server answering requests.</summary>
public static class UserAgent
{
    public static void OnRequest(SipMethod method)
    {
        switch (method)
        {
            case SipMethod.Cancel:
                Transport.Send(SipStatusCode.RequestTerminated); // expect: CB1001 (487 answers the INVITE, never the CANCEL)
                break;
            case SipMethod.Ack:
                Transport.Send(SipStatusCode.Ok); // expect: CB1003 (ACK is never answered)
                break;
            case SipMethod.Subscribe:
                Transport.Send(SipStatusCode.Accepted); // expect: CB1005 CB1001 (202 is deprecated, and never sent to SUBSCRIBE)
                break;
            case SipMethod.Info:
                Transport.Send((SipStatusCode)499); // expect: CB1004 (499 is not a SIP code; receivers see 400)
                break;
            case SipMethod.Bye:
                Transport.Send((SipStatusCode)481); // expect: CB1007 (say CallTransactionDoesNotExist)
                break;
            case SipMethod.Publish:
                Transport.Send(SipStatusCode.MethodNotAllowed); // expect: CB1006 (a 405 must list the allowed methods in Allow)
                break;
        }
    }
}

/// <summary>A registrar: it never sends 6xx.</summary>
[SipRole(SipRole.Registrar)]
public static class Registrar
{
    public static void Refuse() => Transport.Send(SipStatusCode.Decline); // expect: CB1002 (a registrar never sends 6xx)
}

/// <summary>An RTSP server answering DESCRIBE.</summary>
public static class MediaServer
{
    [RtspRespondsTo(RtspMethod.Describe)]
    public static void Describe() => Transport.Send(RtspStatusCode.InvalidRange); // expect: CB1001 (457 answers PLAY and PAUSE)
}
