using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Analysis;

/// <summary>
/// Branches that say which methods a code does not answer: the else of <c>m == X</c>, the then-branch of
/// <c>m != X</c>, a <c>default:</c> section. Such a branch answers every other method, ACK included unless something
/// rules it out; each case beside its quiet counterpart.
/// </summary>
public class ComplementContextTests : AnalyzerTestBase
{
    [Fact]
    public async Task The_else_of_a_test_for_INVITE_also_answers_ACK()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Handle(SipMethod m)
    {
        if (m == SipMethod.Invite) { Wire.Send(SipStatusCode.Ringing); }
        else { Wire.Send({|CB1003:SipStatusCode.Ok|}); }
    }

    public static void Chain(SipMethod m)
    {
        if (m == SipMethod.Invite) { Wire.Send(SipStatusCode.Ringing); }
        else if (m == SipMethod.Bye) { Wire.Send(SipStatusCode.Ok); }
        else { Wire.Send({|CB1003:SipStatusCode.NotImplemented|}); }
    }

    public static void Negated(SipMethod m)
    {
        if (m != SipMethod.Invite) { Wire.Send({|CB1001:{|CB1003:SipStatusCode.Ringing|}|}); }
    }
}");
        Assert.Equal("SIP 200 OK is sent in reply to ACK (this branch answers every method but INVITE), which is never answered (RFC 3261)", diagnostics[0].GetMessage());
        Assert.Equal("SIP 501 Not Implemented is sent in reply to ACK (this branch answers every method but BYE, INVITE), which is never answered (RFC 3261)", diagnostics[1].GetMessage());
        Assert.Equal("SIP 180 Ringing is not sent in reply to BYE, CANCEL, OPTIONS and 9 other methods (this branch answers every method but INVITE) (RFC 3261 §21.1.2)",
            diagnostics.Single(d => d.Id == "CB1001").GetMessage());
    }

    [Fact]
    public async Task A_default_section_answers_every_method_without_a_label()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Handle(SipMethod m)
    {
        switch (m)
        {
            case SipMethod.Invite: Wire.Send(SipStatusCode.Ringing); break;
            default: Wire.Send({|CB1003:SipStatusCode.MethodNotAllowed|}); break;
        }
    }

    public static void AckHasItsCase(SipMethod m)
    {
        switch (m)
        {
            case SipMethod.Ack: break;
            case SipMethod.Invite: Wire.Send(SipStatusCode.Ringing); break;
            default: Wire.Send(SipStatusCode.MethodNotAllowed); break;
        }
    }

    public static SipStatusCode Arms(SipMethod m) => m switch
    {
        SipMethod.Ack => {|CB1003:SipStatusCode.Ok|},
        SipMethod.Invite => SipStatusCode.Ringing,
        _ => SipStatusCode.MethodNotAllowed,
    };
}");
    }

    [Fact]
    public async Task What_rules_ACK_out_before_keeps_the_else_quiet()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Guarded(SipMethod m)
    {
        if (m == SipMethod.Ack) return;
        if (m == SipMethod.Invite) { Wire.Send(SipStatusCode.Ringing); }
        else { Wire.Send(SipStatusCode.Ok); }
    }

    public static void SwitchedOut(SipMethod m)
    {
        switch (m)
        {
            case SipMethod.Ack:
                return;
        }
        if (m == SipMethod.Invite) { Wire.Send(SipStatusCode.Ringing); }
        else { Wire.Send(SipStatusCode.Ok); }
    }

    public static void NotJustTheMethod(SipMethod m, bool ready)
    {
        // The else also gets INVITE when not ready: the test is not on the method alone, so it rules nothing out.
        if (m == SipMethod.Invite && ready) { Wire.Send(SipStatusCode.Ringing); }
        else { Wire.Send(SipStatusCode.Ok); }
    }

    public static void Unreadable(SipMethod m)
    {
        // Some methods leave here, and which is not known: nothing is said about what follows.
        if (IsAck(m)) return;
        if (m == SipMethod.Invite) { Wire.Send(SipStatusCode.Ringing); }
        else { Wire.Send(SipStatusCode.Ok); }
    }

    private static bool IsAck(SipMethod m) => m == SipMethod.Ack;
}");
    }
}

/// <summary>
/// A private or internal handler learns the method from the calls of it (<c>case OPTIONS: ProcessOptions(r);</c>):
/// every call must sit where the method is known, and the method must not be callable from anywhere unseen.
/// </summary>
public class CallerContextTests : AnalyzerTestBase
{
    [Fact]
    public async Task A_handler_called_from_one_case_answers_that_method()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Server
{
    public static void Dispatch(RtspMethod method)
    {
        switch (method)
        {
            case RtspMethod.Options: ProcessOptions(); break;
            case RtspMethod.Describe: ProcessDescribe(); break;
            case RtspMethod.Play: ProcessPlay(); break;
            case RtspMethod.Pause: ProcessPlay(); break;
        }
    }

    private static void ProcessOptions() => Wire.SendRtsp({|CB1001:RtspStatusCode.InvalidRange|});

    internal static void ProcessDescribe() => Describe();

    private static void Describe() => Wire.SendRtsp({|CB1001:RtspStatusCode.InvalidRange|});

    private static void ProcessPlay() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
}");
        Assert.Equal("RTSP 457 Invalid Range is not sent in reply to OPTIONS (ProcessOptions is called only where the method is OPTIONS) (RFC 2326 §11.3.8)", diagnostics[0].GetMessage());
        Assert.Equal("RTSP 457 Invalid Range is not sent in reply to DESCRIBE (Describe is called only where the method is DESCRIBE) (RFC 2326 §11.3.8)", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task A_handler_that_may_be_called_from_elsewhere_says_nothing()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public interface IHandler { void Handle(); }

public class Server : IHandler
{
    public void Dispatch(RtspMethod method, bool direct)
    {
        if (method == RtspMethod.Options) { Public(); Protected(); Virtual(); Handle(); Twice(); }
        if (direct) { Twice(); }                         // a call where nothing is known
        System.Action later = Delegated;                  // handed out: may be called from anywhere
        if (method == RtspMethod.Options) { Delegated(); }
    }

    public void Public() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    protected void Protected() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    protected virtual void Virtual() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    public void Handle() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    private void Twice() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    private void Delegated() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
    private void Never() => Wire.SendRtsp(RtspStatusCode.InvalidRange);
}");
    }
}
