using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Analysis;

/// <summary>
/// What real stacks showed to be noise, each beside the case that is still reported: numbers outside every class,
/// placeholders set before the real code is known, codes handed to listeners, codes returned to a caller, and
/// numbers on a stack's integer status property.
/// </summary>
public class PrecisionTests : AnalyzerTestBase
{
    [Fact]
    public async Task A_number_outside_every_class_is_said_to_be_no_status_code_at_all()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Numbers
{
    public static void Go()
    {
        Wire.Send({|CB1004:(SipStatusCode)7|});
        Wire.Send({|CB1004:(SipStatusCode)700|});
        Wire.Send({|CB1004:(SipStatusCode)499|});
    }
}");
        Assert.Equal("7 is not a status code of the SIP catalogue; it is outside every class of SIP (100-699), so no receiver reads it as a status code", diagnostics[0].GetMessage());
        Assert.False(diagnostics[0].Properties.ContainsKey("Replacement")); // no class, so no class default to fix it to
        Assert.StartsWith("700 is not a status code of the SIP catalogue; it is outside every class", diagnostics[1].GetMessage());
        Assert.Equal("499 is not a status code of the SIP catalogue; a receiver treats it as SIP 400 Bad Request", diagnostics[2].GetMessage());
    }

    [Fact]
    public async Task In_a_range_past_699_an_undefined_code_has_a_class_and_a_fallback()
    {
        var yaml = new[] { ("/p/codes.yaml", "protocols:\n  wide:\n    prefix: Wide\n    range: [100, 999]\n    codes:\n      200: { reason: Fine }\n      500: { reason: Broken }\n") };
        var diagnostics = await AnalyzerHarness.VerifyAsync("public static class W { public static Codebook.Wide.WideStatusCode Go() => {|CB1004:(Codebook.Wide.WideStatusCode)750|}; }", yaml);
        Assert.Equal("750 is not a status code of the WIDE catalogue; a receiver treats it as WIDE 500 Broken", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Placeholders_before_the_real_code_are_not_sends()
    {
        const string Stack = @"
namespace Acme
{
    public enum Code { None = 0, Unknown = 1, Ok = 200, Unauthorised = 401 }
    public sealed class Message
    {
        public Code Status { get; set; } = Code.None;
        public int StatusCode { get; set; }
        public Message() { StatusCode = 0; Status = Code.Unknown; }
        public Message(int status) : this() { StatusCode = status; }
    }
    public static class Wire { public static void Send(Code code) { } }
}";
        var yaml = new[] { ("/p/codes.yaml", "interop:\n  sip:\n    status-types: [Acme.Code]\n    status-members: [Acme.Message.StatusCode]\n") };
        await AnalyzerHarness.VerifyAsync(Prelude + Stack + @"
public static class Parser
{
    private static SipStatusCode s_last = (SipStatusCode)0;
    public static Acme.Message Parse(string line)
    {
        var parsed = (SipStatusCode)0;
        var message = new Acme.Message();
        message.StatusCode = 0;
        message.Status = Acme.Code.None;
        if (SipStatusCodes.TryParseStatusLine(line, out var code, out _)) { parsed = code; }
        s_last = parsed;
        return message;
    }

    // Still reported: the same values handed on as codes.
    public static void Sends()
    {
        Wire.Send({|CB1004:(SipStatusCode)0|});
        Acme.Wire.Send({|CB1004:Acme.Code.Unknown|});
    }
}", yaml);
    }

    [Fact]
    public async Task A_code_told_to_a_listener_is_not_a_response()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public sealed class Dialog
{
    public event Action<SipStatusCode>? Failed;
    public Func<SipStatusCode, bool>? Filter;

    [SipRespondsTo(SipMethod.Cancel)]
    public void OnCancel()
    {
        Failed?.Invoke(SipStatusCode.RequestTerminated);
        Filter?.Invoke(SipStatusCode.RequestTerminated);
        Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
        throw new NotImplementedException();
    }
}");
    }

    [Fact]
    public async Task A_code_returned_to_the_caller_leaves_the_headers_to_the_caller()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Registrar
{
    public static SipStatusCode Challenge() => SipStatusCode.Unauthorized;
    public static SipStatusCode Refuse(bool busy) { if (busy) { return SipStatusCode.MethodNotAllowed; } return SipStatusCode.Ok; }
    public static void Send() => Wire.Send({|CB1006:SipStatusCode.Unauthorized|});
    // A lambda's return goes to whatever runs it, which sends it: still checked.
    public static Func<SipStatusCode> Handler => () => {|CB1006:SipStatusCode.MethodNotAllowed|};
}");
        Assert.Equal("SIP 401 Unauthorized requires the WWW-Authenticate header (RFC 3261 §21.4.2); nothing in this method sets it", diagnostics[0].GetMessage());
    }
}

/// <summary>Catalogue rules real registrars got wrong.</summary>
public class RegistrarRuleTests : AnalyzerTestBase
{
    [Fact]
    public async Task A_registrar_challenges_with_401_never_407()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
[SipRole(SipRole.Registrar)]
public static class Registrar
{
    public static void Challenge() { Wire.Send({|CB1002:SipStatusCode.ProxyAuthenticationRequired|}); var proxyAuthenticate = 1; }
    public static void Right() { Wire.Send(SipStatusCode.Unauthorized); var wwwAuthenticate = 1; }
}
[SipRole(SipRole.Proxy)]
public static class Proxy
{
    public static void Challenge() { Wire.Send(SipStatusCode.ProxyAuthenticationRequired); var proxyAuthenticate = 1; }
}");
        Assert.Equal("SIP 407 Proxy Authentication Required is not sent by a registrar (RFC 3261 §21.4.8, §22.3); send 401 Unauthorized instead", diagnostics.Single().GetMessage());
        Assert.Equal("Unauthorized", diagnostics.Single().Properties["Replacement"]);
    }
}

/// <summary>Method context the way real code writes it: guard clauses that leave on every other method.</summary>
public class GuardClauseTests : AnalyzerTestBase
{
    [Fact]
    public async Task What_follows_a_guard_answers_the_method_it_lets_through()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void OnCancel(SipMethod m)
    {
        if (m != SipMethod.Cancel) { return; }
        Wire.Send(SipStatusCode.Ok);
        Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
    }

    public static void OnInvite(SipMethod m, bool busy)
    {
        if (busy || m != SipMethod.Invite)
            throw new InvalidOperationException();
        Wire.Send(SipStatusCode.RequestTerminated);
    }

    public static void OnAck(SipMethod m)
    {
        if (!(m == SipMethod.Ack)) return;
        Wire.Send({|CB1003:SipStatusCode.Ok|});
    }

    public static void InALoop(SipMethod[] methods)
    {
        foreach (var m in methods)
        {
            if (m != SipMethod.Cancel) continue;
            Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
        }
    }

    // Not guards: the branch falls through, or the test says nothing definite about the method.
    public static void NoGuard(SipMethod m, bool busy)
    {
        if (m != SipMethod.Cancel) { Wire.Log(m); }
        if (m == SipMethod.Invite) return;
        if (busy && m != SipMethod.Cancel) return;
        Wire.Send(SipStatusCode.RequestTerminated);
    }
}");
        Assert.Equal("SIP 487 Request Terminated is not sent in reply to CANCEL (RFC 3261 §21.4.25)", diagnostics[0].GetMessage());
    }
}

/// <summary>Interop mappings that cannot work are said where they are written, never silently ignored.</summary>
public class InteropMistakeTests
{
    [Fact]
    public async Task A_mapping_to_the_wrong_kind_of_member_is_CB0002_at_its_name()
    {
        const string Stack = @"
namespace Stack
{
    public sealed class Response { public System.DateTime StatusLine { get; set; } public int Code { get; set; } public Verb Method { get; set; } public int Sequence { get; set; } }
    public enum Verb { INVITE, CANCEL }
    public enum Status { Ok = 200 }
    public sealed class Request { }
    public static class Wire { public static void Reply(Status status) { } }
    public static class Lines { public const string Ok = ""200 OK""; }
}";
        var yaml = "interop:\n  sip:\n" +
                   "    status-types: [Stack.Status, Stack.Request]\n" +
                   "    status-members: [Stack.Response.Code, Stack.Response.StatusLine, Stack.Wire.Reply(status), Stack.Missing.Member]\n" +
                   "    method-types: [Stack.Verb]\n" +
                   "    method-members: [Stack.Response.Method, Stack.Response.Sequence]\n" +
                   "    status-constants: [Stack.Lines, Stack.Status]\n";
        var diagnostics = (await AnalyzerHarness.AnalyzeAsync(Stack, new[] { ("/p/codes.yaml", yaml) })).Where(d => d.Id == "CB0002").ToList();
        Assert.Equal(
            new[]
            {
                "(2,33): status-types names 'Stack.Request', which is a class, not an enum; list enums here, and integer members under status-members",
                "(3,42): status-members names 'Stack.Response.StatusLine', which holds System.DateTime; status members must hold the code as an integer or as a status line string (\"487 Request Terminated\")",
                "(3,69): status-members names 'Stack.Wire.Reply(status)', which holds Stack.Status; status members must hold the code as an integer or as a status line string (\"487 Request Terminated\") (list the enum Stack.Status under status-types instead)",
                "(5,44): method-members names 'Stack.Response.Sequence', which holds int; method members must hold the method as a string or an enum",
                "(6,36): status-constants names 'Stack.Status', which is an enum; list classes whose constants name codes here, and enums under status-types",
            },
            diagnostics.Select(d => $"({d.Location.GetLineSpan().StartLinePosition.Line},{d.Location.GetLineSpan().StartLinePosition.Character}): {d.GetMessage()}"));
    }

    [Fact]
    public async Task A_helper_handler_call_attribute_or_request_class_of_the_wrong_kind_is_CB0002_at_its_name()
    {
        const string Stack = @"
namespace Stack
{
    public static class Results { public static int Gone => 410; public static object NoContent() => null; public static event System.Action Done; }
    public static class Routes { public static string MapFetch = """"; public sealed class MapLater { } }
    public sealed class Verb { }
    public sealed class GetAttribute : System.Attribute { }
    public enum PlayRequest { One }
}";
        var yaml = "interop:\n  http:\n" +
                   "    implied-codes: { Stack.Results.Gone: 410, Stack.Results.NoContent: 204, Stack.Results.Done: 200 }\n" +
                   "    handler-calls: { Stack.Routes.MapFetch: GET, Stack.Routes.MapLater: GET }\n" +
                   "    method-attributes: [Stack.Verb, Stack.GetAttribute]\n" +
                   "  rtsp:\n    request-types: { Stack.PlayRequest: PLAY }\n";
        var diagnostics = (await AnalyzerHarness.AnalyzeAsync(Stack, new[] { ("/p/codes.yaml", yaml) })).Where(d => d.Id == "CB0002").ToList();
        Assert.Equal(
            new[]
            {
                "(2,21): implied-codes names 'Stack.Results.Gone', which is a property, not a method; list methods here",
                "(2,76): implied-codes names 'Stack.Results.Done', which is an event, not a method; list methods here",
                "(3,21): handler-calls names 'Stack.Routes.MapFetch', which is a field, not a method; list methods here",
                "(3,49): handler-calls names 'Stack.Routes.MapLater', which is a nested type, not a method; list methods here",
                "(4,24): method-attributes names 'Stack.Verb', which is not an attribute class; list attributes such as Microsoft.AspNetCore.Mvc.HttpGetAttribute here",
                "(6,21): request-types names 'Stack.PlayRequest', which is an enum; list the request classes a stack has per method here",
            },
            diagnostics.Select(d => $"({d.Location.GetLineSpan().StartLinePosition.Line},{d.Location.GetLineSpan().StartLinePosition.Character}): {d.GetMessage()}"));
    }

    /// <summary>A codes.yaml that only writes a stack of its own has its names checked as one with interop does.</summary>
    [Fact]
    public async Task A_stack_of_the_project_s_own_is_checked_too()
    {
        const string Stack = "namespace Stack { public sealed class Request { } }";
        var yaml = "stacks:\n  mine:\n    sip:\n      status-types: [Stack.Request]\n";
        var problem = Assert.Single(await AnalyzerHarness.AnalyzeAsync(Stack, new[] { ("/p/codes.yaml", yaml) }), d => d.Id == "CB0002");
        Assert.Equal("status-types names 'Stack.Request', which is a class, not an enum; list enums here, and integer members under status-members", problem.GetMessage());
        Assert.Equal(3, problem.Location.GetLineSpan().StartLinePosition.Line);
    }
}

/// <summary>Method context from methods kept as strings, compared the ways real RTSP servers compare them.</summary>
public class StringMethodTests
{
    private const string Stack = @"
namespace Tiny.Rtsp
{
    public sealed class RtspRequest { public string Method { get; set; } = """"; }
    public sealed class RtspResponse { public int StatusCode { get; set; } }
}
namespace App
{
    using System;
    using Tiny.Rtsp;
    public static class Handler
    {
        public static void Handle(RtspRequest request, RtspResponse response)
        {
            if (string.Equals(request.Method, ""DESCRIBE"", StringComparison.OrdinalIgnoreCase)) { response.StatusCode = {|CB1001:457|}; }
            if (request.Method.Equals(""DESCRIBE"")) { response.StatusCode = {|CB1001:457|}; }
            if (""DESCRIBE"".Equals(request.Method, StringComparison.Ordinal)) { response.StatusCode = {|CB1001:457|}; }
            if (string.Equals(request.Method, ""PLAY"")) { response.StatusCode = 457; }
            switch (request.Method.ToUpperInvariant())
            {
                case ""DESCRIBE"": response.StatusCode = {|CB1001:457|}; break;
                case ""PLAY"": response.StatusCode = 457; break;
            }
            if (!string.Equals(request.Method, ""DESCRIBE"")) { response.StatusCode = {|CB1001:457|}; } // every method but DESCRIBE: 457 answers PLAY and PAUSE only
        }

        public static void Guarded(RtspRequest request, RtspResponse response)
        {
            if (!request.Method.Equals(""DESCRIBE"", StringComparison.OrdinalIgnoreCase)) return;
            response.StatusCode = {|CB1001:457|};
        }
    }
}";

    /// <summary>Tiny.Rtsp's status and method members, for the tests of how the method is read from strings.</summary>
    private const string TinyRtspInterop = "interop:\n  rtsp:\n    status-members: [Tiny.Rtsp.RtspResponse.StatusCode]\n    method-members: [Tiny.Rtsp.RtspRequest.Method]\n";

    [Fact]
    public async Task A_local_that_holds_the_method_gives_it()
    {
        await AnalyzerHarness.VerifyAsync("""
            namespace Tiny.Rtsp
            {
                public sealed class RtspRequest { public string Method { get; set; } = ""; }
                public sealed class RtspResponse { public int StatusCode { get; set; } }
            }
            namespace App
            {
                using Tiny.Rtsp;
                public static class Handler
                {
                    public static void Handle(RtspRequest request, RtspResponse response)
                    {
                        var method = request.Method.ToUpperInvariant();
                        if (method == "DESCRIBE") { response.StatusCode = {|CB1001:457|}; }
                        switch (method) { case "PLAY": response.StatusCode = 457; break; }
                    }

                    public static void Reassigned(RtspRequest request, RtspResponse response, bool retry)
                    {
                        var method = request.Method;
                        if (retry) { method = "DESCRIBE"; }
                        if (method == "DESCRIBE") { response.StatusCode = 457; } // the request may be any method the retry overwrote: nothing known
                    }
                }
            }
            """, new[] { ("/p/codes.yaml", TinyRtspInterop) });
    }

    [Fact]
    public async Task A_method_local_read_many_times_gives_the_method_each_time()
    {
        await AnalyzerHarness.VerifyAsync("""
            namespace Tiny.Sip
            {
                public sealed class SipRequest { public string Method { get; set; } = ""; }
                public static class Wire { public static void Send(int code) { } }
            }
            namespace App
            {
                using Tiny.Sip;
                public static class Handler
                {
                    public static void Handle(SipRequest request)
                    {
                        var method = request.Method;
                        if (method == "BYE") { Wire.Send({|CB1001:180|}); }
                        if (method == "INVITE") { Wire.Send(180); }
                        if (method == "OPTIONS") { Wire.Send({|CB1001:180|}); }
                    }

                    public static void Callbacks(SipRequest request, System.Action<System.Action> later)
                    {
                        // A callback runs later, for whatever request it is given: the branch says nothing of it.
                        if (request.Method == "BYE") { later(() => Wire.Send(180)); Wire.Send({|CB1001:180|}); }
                    }

                    public static void Guarded(SipRequest request)
                    {
                        var method = request.Method;
                        if (method == "ACK") return;
                        if (method == "BYE") { Wire.Send(200); }
                        else { Wire.Send(200); } // every method but ACK and BYE: nothing here answers ACK
                    }
                }
            }
            """, new[] { ("/p/codes.yaml", "interop:\n  sip:\n    status-members: [Tiny.Sip.Wire.Send(code)]\n    method-members: [Tiny.Sip.SipRequest.Method]\n") });
    }

    [Fact]
    public async Task Equals_calls_and_upper_cased_switches_give_the_method()
    {
        await AnalyzerHarness.VerifyAsync(Stack, new[] { ("/p/codes.yaml", TinyRtspInterop) });
    }
}

/// <summary>CB1006 looks for the header on the code's own path: a header set in another branch does not count.</summary>
public class HeaderPathTests : AnalyzerTestBase
{
    [Fact]
    public async Task A_header_set_in_one_branch_does_not_cover_the_other()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public static class Handler
{
    public static void AddHeader(string name, string value) { }

    public static void Refuse(bool known)
    {
        if (known)
        {
            AddHeader(""Allow"", ""INVITE, BYE"");
            Wire.Send(SipStatusCode.MethodNotAllowed);
        }
        else
        {
            Wire.Send({|CB1006:SipStatusCode.MethodNotAllowed|});
        }
    }

    public static void RefuseByCase(SipMethod m)
    {
        switch (m)
        {
            case SipMethod.Invite: AddHeader(""Allow"", ""INVITE""); Wire.Send(SipStatusCode.MethodNotAllowed); break;
            case SipMethod.Bye: Wire.Send({|CB1006:SipStatusCode.MethodNotAllowed|}); break;
        }
    }

    public static void SetBefore(bool known)
    {
        AddHeader(""Allow"", ""INVITE, BYE"");   // before the branches: on every path
        if (known) { Wire.Send(SipStatusCode.MethodNotAllowed); } else { Wire.Send(SipStatusCode.MethodNotAllowed); }
    }
}");
    }
}
