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

    public static void LoggedOnly(SipMethod m)
    {
        // A switch that returns nowhere rules nothing out: the code below answers an unknown method.
        switch (m) { case SipMethod.Invite: Wire.Log(""invite""); break; }
        Wire.Send(SipStatusCode.Ok);
    }

    public static void LocalFunction(SipMethod m)
    {
        if (m == SipMethod.Invite) { Ring(); return; }
        Wire.Send({|CB1003:SipStatusCode.NotImplemented|}); // every method but INVITE, ACK included
        // Runs where it is called (for INVITE), not where it is written (after the INVITE guard).
        void Ring() => Wire.Send(SipStatusCode.Ringing);
    }

    public static void PickedThenSent(SipMethod m)
    {
        // The ?: only picks a value; the send is guarded on its own.
        var code = m == SipMethod.Invite ? SipStatusCode.Ringing : SipStatusCode.Ok;
        if (m != SipMethod.Ack) { Wire.Send(code); }
    }
}");
    }

    [Fact]
    public async Task A_local_read_in_its_own_initializer_is_no_crash()
    {
        // Invalid code as it is while being typed: the analyzer must not recurse forever on it.
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            public sealed class Request { public string Method { get; set; } = ""; }
            public sealed class Response { public int StatusCode { get; set; } }
            public static class Handler
            {
                public static void Handle(Request request, Response response)
                {
                    string method = method.ToUpperInvariant();
                    switch (method) { case "DESCRIBE": response.StatusCode = 457; break; }
                }
            }
            """, new[] { ("/p/codes.yaml", "interop:\n  rtsp:\n    status-members: [Response.StatusCode]\n    method-members: [Request.Method]\n") }, requireCompiles: false);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CB1001");
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
