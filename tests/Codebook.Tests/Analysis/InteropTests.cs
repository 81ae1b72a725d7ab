using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Analysis;

/// <summary>
/// Existing stacks checked without migrating: stand-ins written for these tests in the shape of popular SIP and
/// RTSP libraries (their own status and method enums, a response factory, integer status properties).
/// </summary>
public class InteropTests
{
    /// <summary>A SIP library with its own enums (one value wrong, as in the wild) and a response factory.</summary>
    private const string SipStack = @"
using Codebook.Sip;
namespace Acme.Sip
{
    public enum SipResponseCode { Trying = 100, Ringing = 180, Ok = 200, AlternativeService = 304, Unauthorised = 401, MethodNotAllowed = 405, RequestTerminated = 487, Decline = 603 }
    public enum SIPMethodsEnum { NONE = 0, INVITE = 1, ACK = 2, CANCEL = 3, BYE = 4, REGISTER = 5 }
    public sealed class SipRequest { public SIPMethodsEnum Method { get; set; } }
    public sealed class SipResponse
    {
        public SipResponseCode Status { get; set; }
        public string WwwAuthenticate { get; set; } = """";
        public static SipResponse GetResponse(SipRequest request, SipResponseCode code, string reason) => new SipResponse { Status = code };
    }
}
";

    private const string SipInterop = "interop:\n  sip:\n    status-types: [Acme.Sip.SipResponseCode]\n    method-types: [Acme.Sip.SIPMethodsEnum]\n    method-members: [Acme.Sip.SipRequest.Method]\n";

    /// <summary>An RTSP server that assigns integers and compares method strings.</summary>
    private const string RtspServer = @"
namespace Tiny.Rtsp
{
    public sealed class RtspRequest { public string Method { get; set; } = """"; }
    public sealed class RtspResponse { public int StatusCode { get; set; } public void SetHeader(string name, string value) { } }
    public static class Server { public static void Reply(RtspResponse response, int status) { } }
}
";

    private const string RtspInterop = "interop:\n  rtsp:\n    status-members: [Tiny.Rtsp.RtspResponse.StatusCode, Tiny.Rtsp.Server.Reply(status)]\n    method-members: [Tiny.Rtsp.RtspRequest.Method]\n";

    private static (string, string)[] Catalogue(string yaml) => new[] { ("/project/codes.yaml", yaml) };

    [Fact]
    public async Task A_sip_stacks_own_enums_follow_every_rule()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(SipStack + @"
namespace App
{
    using Acme.Sip;

    public static class Handler
    {
        public static SipResponse Handle(SipRequest request)
        {
            if (request.Method == SIPMethodsEnum.CANCEL)
            {
                SipResponse.GetResponse(request, SipResponseCode.Ok, ""OK"");
                return SipResponse.GetResponse(request, {|CB1001:SipResponseCode.RequestTerminated|}, ""Terminated"");
            }
            switch (request.Method)
            {
                case SIPMethodsEnum.ACK:
                    return SipResponse.GetResponse(request, {|CB1003:SipResponseCode.Ok|}, ""OK"");
                case SIPMethodsEnum.INVITE:
                    SipResponse.GetResponse(request, SipResponseCode.RequestTerminated, ""Terminated"");
                    SipResponse.GetResponse(request, {|CB1004:SipResponseCode.AlternativeService|}, ""Alternative"");
                    return SipResponse.GetResponse(request, {|CB1007:(SipResponseCode)180|}, ""Ringing"");
                case SIPMethodsEnum.REGISTER:
                    return SipResponse.GetResponse(request, {|CB1001:SipResponseCode.Ringing|}, ""Ringing"");
            }
            return SipResponse.GetResponse(request, SipResponseCode.RequestTerminated, ""no method known here"");
        }

        public static bool Reads(SipResponse response) => response.Status == SipResponseCode.RequestTerminated || response.Status is SipResponseCode.Ringing;

        [SipRole(SipRole.Proxy)]
        public static SipResponse Challenge(SipRequest request)
        {
            var response = SipResponse.GetResponse(request, {|CB1002:SipResponseCode.Unauthorised|}, ""Unauthorized"");
            response.WwwAuthenticate = ""Digest"";
            return response;
        }
    }
}", Catalogue(SipInterop));
        Assert.Equal("Use SipResponseCode.Ringing instead of the number 180", diagnostics.Single(d => d.Id == "CB1007").GetMessage());
        Assert.Equal("Ringing", diagnostics.Single(d => d.Id == "CB1007").Properties["Replacement"]);
        Assert.StartsWith("304 is not a status code of the SIP catalogue", diagnostics.Single(d => d.Id == "CB1004").GetMessage());
    }

    [Fact]
    public async Task An_rtsp_server_assigning_integers_and_comparing_method_strings()
    {
        await AnalyzerHarness.VerifyAsync(RtspServer + @"
namespace App
{
    using Tiny.Rtsp;

    public static class Handler
    {
        public static void Handle(RtspRequest request, RtspResponse response)
        {
            switch (request.Method)
            {
                case ""DESCRIBE"":
                    response.StatusCode = {|CB1001:457|};
                    break;
                case ""PLAY"":
                    response.StatusCode = 457;
                    break;
            }
            if (request.Method == ""SETUP"")
            {
                Server.Reply(response, 453); // no CB1007: the stack has no name for 453 to put here
                Server.Reply(response, {|CB1004:499|});
            }
            var notASink = 457;
            response.StatusCode = notASink;
        }
    }
}", Catalogue(RtspInterop));
    }

    [Fact]
    public async Task Required_headers_with_integer_codes()
    {
        await AnalyzerHarness.VerifyAsync(RtspServer + @"
namespace App
{
    using Tiny.Rtsp;

    public static class Handler
    {
        public static void Refuse(RtspResponse response) => response.StatusCode = {|CB1006:405|};

        public static void RefuseWithAllow(RtspResponse response)
        {
            response.StatusCode = 405;
            response.SetHeader(""Allow"", ""OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN"");
        }
    }
}", Catalogue(RtspInterop));
    }
}

/// <summary>CB1006 on generated types, and the headers a pipeline adds later.</summary>
public class HeaderRuleTests : AnalyzerTestBase
{
    private const string Code = @"
public sealed class Reply
{
    public Reply(SipStatusCode status) { }
    public System.Collections.Generic.Dictionary<string, string> Headers { get; } = new();
    public string MinExpires { get; set; } = """";
}

public static class Handlers
{
    public static Reply NoAllow() => new Reply(MARK405);

    public static Reply WithAllow()
    {
        var reply = new Reply(SipStatusCode.MethodNotAllowed);
        reply.Headers[""Allow""] = ""INVITE, ACK, BYE"";
        return reply;
    }

    public static Reply HeaderLine() { Wire.Log(""Allow: INVITE""); return new Reply(SipStatusCode.MethodNotAllowed); }

    public static Reply ConcatenatedLine() { Wire.Log(""Al"" + ""low"" + "": INVITE""); return new Reply(SipStatusCode.MethodNotAllowed); }

    public static Reply MemberNamedLikeTheHeader() => new Reply(SipStatusCode.IntervalTooBrief) { MinExpires = ""60"" };

    public static Reply Read(SipStatusCode received) => received == SipStatusCode.MethodNotAllowed ? null! : null!;

    public static Reply ConstantInAnotherBranch(bool challenge)
    {
        if (challenge)
        {
            return new Reply(SipStatusCode.Unauthorized);
        }
        Wire.Log(HeaderNames.Challenge);
        return new Reply(SipStatusCode.Ok);
    }
}

public static class HeaderNames
{
    public const string Challenge = ""WWW-Authenticate"";
}";

    [Fact]
    public async Task Flags_a_405_without_allow_and_accepts_every_way_of_setting_it()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync(Prelude + Code.Replace("MARK405", "{|CB1006:SipStatusCode.MethodNotAllowed|}"));
        Assert.Equal("SIP 405 Method Not Allowed requires the Allow header (RFC 3261 §21.4.6); nothing in this method sets it", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Headers_added_elsewhere_are_not_required_here()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + Code.Replace("MARK405", "SipStatusCode.MethodNotAllowed"),
            editorConfig: new Dictionary<string, string> { ["codebook.sip.headers-added-elsewhere"] = "Allow, Date" });
    }
}

/// <summary>Code fixes on an existing stack's enum use that enum's own members, or offer nothing.</summary>
public class InteropCodeFixTests
{
    private const string Stack = @"
namespace Acme.Sip
{
    public enum SipResponseCode { Ok = 200, AlternativeService = 304, BadRequest = 400, Unauthorised = 401, ProxyAuthRequired = 407, RequestTerminated = 487 }
    public static class Wire { public static void Send(SipResponseCode code) { } }
}
namespace App
{
    using Acme.Sip;
    using Codebook.Sip;
    public static class P
    {
        [SipRole(SipRole.Proxy)] public static void Challenge() { Wire.Send(SipResponseCode.Unauthorised); var wwwAuthenticate = 1; }
        public static void Alternative() => Wire.Send(SipResponseCode.AlternativeService);
    }
}";

    [Fact]
    public async Task Replacements_name_the_stacks_own_members()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Stack, new[] { ("/p/codes.yaml", "interop:\n  sip:\n    status-types: [Acme.Sip.SipResponseCode]\n") });
        Assert.Equal("ProxyAuthRequired", diagnostics.Single(d => d.Id == "CB1002").Properties["Replacement"]);
        Assert.False(diagnostics.Single(d => d.Id == "CB1004").Properties.ContainsKey("Replacement")); // the stack has no 300 member

        var fixedSource = await CodeFixHarness.FixAllAsync(Stack, "CB1002", catalogues: new[] { ("/p/codes.yaml", "interop:\n  sip:\n    status-types: [Acme.Sip.SipResponseCode]\n") });
        Assert.Contains("Wire.Send(SipResponseCode.ProxyAuthRequired);", fixedSource);
    }
}
