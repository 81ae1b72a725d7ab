using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Analysis;

/// <summary>CB1001: status code not allowed in reply to the method.</summary>
public class MethodRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task Flags_487_sent_in_a_cancel_branch_of_a_switch()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Handle(SipMethod method)
    {
        switch (method)
        {
            case SipMethod.Cancel:
                Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
                break;
            case SipMethod.Invite:
                Wire.Send(SipStatusCode.RequestTerminated);
                break;
        }
    }
}");
        Assert.Equal("SIP 487 Request Terminated is not sent in reply to CANCEL (RFC 3261 §21.4.25)", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_method_in_the_same_call_wins_over_the_enclosing_branch()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Handle(SipMethod method)
    {
        if (method == SipMethod.Cancel)
        {
            Wire.Send(SipStatusCode.Ok);
            Wire.Reply(SipMethod.Invite, SipStatusCode.RequestTerminated);
            Wire.Reply(SipMethod.Cancel, {|CB1001:SipStatusCode.RequestTerminated|});
            Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
        }
    }
}");
    }

    [Fact]
    public async Task Reads_are_never_flagged()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    [SipRespondsTo(SipMethod.Cancel)]
    public static bool Handle(SipStatusCode received)
    {
        Wire.Log(SipStatusCode.RequestTerminated);
        var phrase = SipStatusCode.RequestTerminated.GetReasonPhrase();
        if (received == SipStatusCode.RequestTerminated || received is SipStatusCode.Ringing) return true;
        switch (received) { case SipStatusCode.RequestTerminated: return true; }
        return SipStatusCode.RequestTerminated.IsAllowedFor(SipMethod.Cancel) && received != SipStatusCode.Ringing;
    }
}");
    }

    [Fact]
    public async Task RespondsTo_on_the_method_or_type_gives_the_context()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
[SipRespondsTo(SipMethod.Register)]
public sealed class Registrar
{
    public SipStatusCode Ring() => {|CB1001:SipStatusCode.Ringing|};

    [SipRespondsTo(SipMethod.Invite)]
    public SipStatusCode RingInvite() => SipStatusCode.Ringing;

    public Response Timeout() => new Response(SipStatusCode.IntervalTooBrief);

    [SipRespondsTo(SipMethod.Cancel, SipMethod.Bye)]
    public SipStatusCode Terminate() { return {|CB1001:SipStatusCode.RequestTerminated|}; }
}");
    }

    [Fact]
    public async Task If_conditions_equality_patterns_and_else_branches()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static SipStatusCode Handle(SipMethod m, bool busy)
    {
        if (m is SipMethod.Register or SipMethod.Options) return {|CB1001:SipStatusCode.Ringing|};
        if (SipMethod.Cancel == m && busy) return {|CB1001:SipStatusCode.RequestTerminated|};
        if (m != SipMethod.Invite) { } else { return SipStatusCode.RequestTerminated; }
        if (m is not SipMethod.Cancel) { return SipStatusCode.Ok; } else { return {|CB1001:SipStatusCode.RequestTerminated|}; }
    }
}");
    }

    [Fact]
    public async Task Switch_expression_arms_on_the_method()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static SipStatusCode Handle(SipMethod m) => m switch
    {
        SipMethod.Invite => SipStatusCode.RequestTerminated,
        SipMethod.Cancel => SipStatusCode.Ok,
        SipMethod.Register => {|CB1001:SipStatusCode.Ringing|},
        SipMethod.Bye or SipMethod.Cancel => {|CB1001:SipStatusCode.RequestTerminated|},
        _ => {|CB1003:SipStatusCode.RequestTerminated|}, // every other method, ACK included
    };
}");
    }

    [Fact]
    public async Task Rtsp_457_follows_play_and_not_describe()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class RtspHandler
{
    public static void Handle(RtspMethod m)
    {
        if (m == RtspMethod.Play) Wire.SendRtsp(RtspStatusCode.InvalidRange);
        if (m == RtspMethod.Describe) Wire.SendRtsp({|CB1001:RtspStatusCode.InvalidRange|});
        Wire.SendRtsp(RtspStatusCode.InvalidRange); // no method known here
    }
}");
    }

    [Fact]
    public async Task Instead_suggestion_is_in_the_message_and_the_properties()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Notifier
{
    [SipRespondsTo(SipMethod.Subscribe)]
    public static SipStatusCode Accept() => {|CB1001:{|CB1005:SipStatusCode.Accepted|}|};
}");
        var method = diagnostics.Single(d => d.Id == "CB1001");
        Assert.EndsWith("; send 200 OK instead", method.GetMessage());
        Assert.Equal("Ok", method.Properties["Replacement"]);
    }
}

/// <summary>CB1002: status code not allowed from the role.</summary>
public class RoleRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task Flags_305_from_a_proxy_and_names_the_rule()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
[SipRole(SipRole.Proxy)]
public sealed class Proxy
{
    public void Redirect() => Wire.Send({|CB1002:SipStatusCode.UseProxy|});
    public void Challenge() => Wire.Send({|CB1002:SipStatusCode.Unauthorized|});
    public void ProxyChallenge() => Wire.Send(SipStatusCode.ProxyAuthenticationRequired);

    [SipRole(SipRole.Uas)]
    public void AsUas() => Wire.Send(SipStatusCode.UseProxy);
}");
        Assert.Equal("SIP 305 Use Proxy is not sent by a proxy (RFC 3261 §21.3.4)", diagnostics[0].GetMessage());
        Assert.Equal("SIP 401 Unauthorized is not sent by a proxy (RFC 3261 §21.4.2); send 407 Proxy Authentication Required instead", diagnostics[1].GetMessage());
        Assert.Equal("ProxyAuthenticationRequired", diagnostics[1].Properties["Replacement"]);
    }

    [Fact]
    public async Task Class_rules_apply_a_registrar_never_sends_6xx()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public sealed class Registrar
{
    [SipRole(SipRole.Registrar)]
    public Response Reject() => new Response({|CB1002:SipStatusCode.Decline|});

    [SipRole(SipRole.Registrar)]
    public Response Refuse() => new Response(SipStatusCode.Forbidden);
}");
        Assert.Contains("RFC 3261 §10.3", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Assembly_role_and_editorconfig_role()
    {
        await AnalyzerHarness.VerifyAsync(Prelude.Replace("using Codebook.Rtsp;", "using Codebook.Rtsp;\n[assembly: SipRole(SipRole.Proxy)]") + @"
public static class Anywhere { public static void Go() => Wire.Send({|CB1002:SipStatusCode.UseProxy|}); }");

        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Anywhere { public static void Go() => Wire.Send({|CB1002:SipStatusCode.UseProxy|}); }",
            editorConfig: new Dictionary<string, string> { ["codebook.sip.role"] = "proxy" });

        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Anywhere { public static void Go() => Wire.Send(SipStatusCode.UseProxy); }",
            editorConfig: new Dictionary<string, string> { ["codebook.sip.role"] = "uas" });
    }

    [Fact]
    public async Task No_role_known_nothing_flagged()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Anywhere { public static void Go() { Wire.Send(SipStatusCode.UseProxy); Wire.Send(SipStatusCode.Decline); } }");
    }
}

/// <summary>CB1003: a response to a method that takes none.</summary>
public class NoResponseRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task Any_response_to_ack_is_flagged()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void Handle(SipMethod m)
    {
        switch (m)
        {
            case SipMethod.Ack:
                Wire.Send({|CB1003:SipStatusCode.Ok|});
                return;
            case SipMethod.Bye:
                Wire.Send(SipStatusCode.Ok);
                return;
        }
    }

    [SipRespondsTo(SipMethod.Ack)]
    public static void OnAck() { var x = SipStatusCode.Ok == SipStatusCode.Ok; Wire.Send({|CB1003:SipStatusCode.BadRequest|}); }
}");
        Assert.StartsWith("SIP 200 OK is sent in reply to ACK, which is never answered", diagnostics[0].GetMessage());
    }
}

/// <summary>CB1004 and CB1007: numbers cast to status types.</summary>
public class NumericRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task Undefined_and_named_numbers()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Numbers
{
    public static void Go(int dynamic)
    {
        Wire.Send({|CB1004:(SipStatusCode)499|});
        Wire.Send({|CB1007:(SipStatusCode)487|});
        Wire.Send((SipStatusCode)dynamic);
        Wire.Send(SipStatusCode.RequestTerminated);
        var parsed = SipStatusCodes.FromValueOrClassDefault(499);
        var huge = unchecked({|CB1004:(SipStatusCode)5000000000L|});
        SipStatusCode? maybe = {|CB1007:(SipStatusCode?)487|};
        SipStatusCode? unknown = {|CB1004:(SipStatusCode?)499|};
    }
}");
        Assert.Equal("499 is not a status code of the SIP catalogue; a receiver treats it as SIP 400 Bad Request", diagnostics[0].GetMessage());
        Assert.Equal("BadRequest", diagnostics[0].Properties["Replacement"]);
        Assert.Equal("Use SipStatusCode.RequestTerminated instead of the number 487", diagnostics[1].GetMessage());
        Assert.Equal("RequestTerminated", diagnostics[1].Properties["Replacement"]);
        Assert.Equal("Use SipStatusCode.RequestTerminated instead of the number 487", diagnostics[3].GetMessage());
    }

    [Fact]
    public async Task Numbers_follow_the_sending_rules_too()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Numbers
{
    [SipRespondsTo(SipMethod.Cancel)]
    public static SipStatusCode Go() => {|CB1001:{|CB1007:(SipStatusCode)487|}|};
}");
    }
}

/// <summary>CB1005: deprecated codes.</summary>
public class DeprecatedRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task Sending_a_deprecated_code_is_flagged_reading_it_is_not()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Old
{
    public static SipStatusCode Accept() => {|CB1005:SipStatusCode.Accepted|};
    public static bool WasAccepted(SipStatusCode code) => code == SipStatusCode.Accepted;
    public static Codebook.Http.HttpStatusCode Proxy() => {|CB1005:Codebook.Http.HttpStatusCode.UseProxy|};
}");
        Assert.StartsWith("SIP 202 Accepted is deprecated: ", diagnostics[0].GetMessage());
    }
}

/// <summary>Code the user is still typing never makes the analyzer throw.</summary>
public class IncompleteCodeTests : AnalyzerTestBase
{
    [Theory]
    [InlineData("public static class H { public static void M(SipMethod m) { switch (m) { case SipMethod.Cancel: Wire.Send(SipStatusCode.")]
    [InlineData("public static class H { public static void M(SipMethod m) { if (m == ) Wire.Send(SipStatusCode.RequestTerminated")]
    [InlineData("[SipRespondsTo(] public static class H { public static SipStatusCode M() => SipStatusCode.RequestTerminated; }")]
    [InlineData("[SipRole((SipRole)99)] public static class H { public static SipStatusCode M() => (SipStatusCode); }")]
    [InlineData("public static class H { public static object M(SipMethod m) => m switch { SipMethod.Cancel => SipStatusCode.RequestTerminated, SipMethod. => (SipStatusCode)4")]
    public async Task Incomplete_code_is_analysed_without_exceptions(string code)
    {
        await AnalyzerHarness.AnalyzeAsync(Prelude + code, requireCompiles: false);
    }
}
