using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Stacks;

/// <summary>
/// The stacks the embedded catalogue knows, checked with no codes.yaml at all: each stack's real ways of sending
/// codes and of telling the method, what is flagged beside what stays quiet, from a package reference and from
/// vendored source; and the key that turns a stack off.
/// </summary>
public class StackTests
{
    private static readonly Dictionary<string, MetadataReference> s_libraries = new();

    /// <summary>The stand-in compiled as the stack's own assembly, as a package reference gives it.</summary>
    private static MetadataReference Package(string name, string source)
    {
        lock (s_libraries)
        {
            if (!s_libraries.TryGetValue(name, out var library))
            {
                s_libraries[name] = library = SolutionHarness.Library(name, source, catalogue: "use: []\n");
            }
            return library;
        }
    }

    private static MetadataReference SipSorcery => Package("SIPSorcery", StandIns.SipSorcery);

    [Fact]
    public async Task SIPSorcery_is_checked_with_no_configuration()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync("""
            using SIPSorcery.SIP;
            using SIPSorcery.SIP.App;

            public static class Handler
            {
                public static async System.Threading.Tasks.Task OnRequest(SIPTransport transport, SIPRequest sipRequest)
                {
                    switch (sipRequest.Method)
                    {
                        case SIPMethodsEnum.CANCEL:
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.Ok, null));
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, {|CB1001:SIPResponseStatusCodesEnum.RequestTerminated|}, null));
                            break;
                        case SIPMethodsEnum.ACK:
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, {|CB1003:SIPResponseStatusCodesEnum.Ok|}, null));
                            break;
                        case SIPMethodsEnum.REGISTER:
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, {|CB1001:SIPResponseStatusCodesEnum.Ringing|}, null));
                            break;
                        case SIPMethodsEnum.INVITE:
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, {|CB1004:SIPResponseStatusCodesEnum.AlternativeService|}, null));
                            await transport.SendResponseAsync(SIPResponse.GetResponse(sipRequest, {|CB1007:(SIPResponseStatusCodesEnum)180|}, null));
                            break;
                    }
                }
            }
            """, new[] { SipSorcery });
        Assert.Equal("SIP 487 Request Terminated is not sent in reply to CANCEL (RFC 3261 §21.4.25)", diagnostics[0].GetMessage());
        Assert.Equal("304 is not a status code of the SIP catalogue; a receiver treats it as SIP 300 Multiple Choices", diagnostics[3].GetMessage());
        Assert.Equal("Use SIPResponseStatusCodesEnum.Ringing instead of the number 180", diagnostics[4].GetMessage());
    }

    [Fact]
    public async Task SIPSorcery_code_written_as_the_stack_itself_writes_it_stays_quiet()
    {
        // From the stack's own transactions and user agents: the 487 of CancelCall answers the INVITE, a challenge
        // puts WWW-Authenticate in Header.AuthenticationHeaders, GetResponse fills Allow, None is a placeholder.
        // The bare challenge is marked so that CB1006 is checked here at all: the two above stay quiet for a reason.
        await AnalyzerHarness.VerifyAsync("""
            using SIPSorcery.SIP;
            using SIPSorcery.SIP.App;

            public sealed class InviteTransaction : SIPTransaction
            {
                public SIPResponse CancelCall() => SIPResponse.GetResponse(TransactionRequest, SIPResponseStatusCodesEnum.RequestTerminated, null);

                public SIPResponse Challenge(SIPRequest sipRequest)
                {
                    var response = SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.Unauthorised, null);
                    response.Header.AuthenticationHeaders.Add(new SIPAuthenticationHeader(SIPAuthorisationHeadersEnum.WWWAuthenticate, "realm", "nonce"));
                    return response;
                }

                public SIPResponse NotAllowed(SIPRequest sipRequest) => SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.MethodNotAllowed, null);

                public SIPResponse BareChallenge(SIPRequest sipRequest) => SIPResponse.GetResponse(sipRequest, {|CB1006:SIPResponseStatusCodesEnum.Unauthorised|}, null);

                public SIPResponseStatusCodesEnum Last = SIPResponseStatusCodesEnum.None;

                public bool WasTerminated(SIPResponse response) => response.Status == SIPResponseStatusCodesEnum.RequestTerminated;

                public void Busy(SIPServerUserAgent agent) => agent.Reject(SIPResponseStatusCodesEnum.BusyHere, null);
            }
            """, new[] { SipSorcery });
    }

    [Fact]
    public async Task A_stack_in_the_project_s_own_source_is_checked_as_well()
    {
        await AnalyzerHarness.VerifyAsync(StandIns.SipSorcery + """

            namespace App
            {
                using SIPSorcery.SIP;
                public static class Handler
                {
                    public static SIPResponse OnCancel(SIPRequest request) =>
                        request.Method == SIPMethodsEnum.CANCEL ? SIPResponse.GetResponse(request, {|CB1001:SIPResponseStatusCodesEnum.RequestTerminated|}, null) : null;
                }
            }
            """);
    }

    private const string CancelHandler = """
        using SIPSorcery.SIP;
        public static class Handler
        {
            public static SIPResponse OnCancel(SIPRequest request) =>
                request.Method == SIPMethodsEnum.CANCEL ? SIPResponse.GetResponse(request, SIPResponseStatusCodesEnum.RequestTerminated, null) : null;
        }
        """;

    /// <summary>The same handler: flagged with no codes.yaml, quiet with the stack turned off or its protocol left out.</summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("stacks: { sipsorcery: false }\n", false)]
    [InlineData("use: [rtsp]\n", false)]
    public async Task A_stack_is_checked_unless_turned_off_or_its_protocol_left_out(string? yaml, bool flagged)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(CancelHandler,
            yaml is null ? null : new[] { ("/p/codes.yaml", yaml) }, references: new[] { SipSorcery });
        Assert.Equal(flagged ? new[] { "CB1001" } : System.Array.Empty<string>(), diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task A_misspelt_stack_key_is_reported_where_it_is()
    {
        const string Code = CancelHandler;
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Code, new[] { ("/p/codes.yaml", "stacks:\n  sipsorcry: false\n") }, references: new[] { SipSorcery });
        var problem = Assert.Single(diagnostics, d => d.Id == "CB0004");
        Assert.Equal("stacks turns 'sipsorcry' off, which is no stack Codebook knows; known: sipsorcery, net7mma, sharprtsp, lumisoft, aspnetcore", problem.GetMessage());
        Assert.Equal(1, problem.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(2, problem.Location.GetLineSpan().StartLinePosition.Character); // at the key
        Assert.Contains(diagnostics, d => d.Id == "CB1001"); // the misspelt key turned nothing off
    }

    [Fact]
    public async Task A_project_s_interop_adds_to_a_built_in_stack()
    {
        // The project's own response helper takes the code as an int; its mapping adds to SIPSorcery's.
        var yaml = "interop:\n  sip:\n    status-members: [App.Replies.Send(code)]\n";
        await AnalyzerHarness.VerifyAsync("""
            using SIPSorcery.SIP;
            namespace App
            {
                public static class Replies
                {
                    public static void Send(SIPRequest request, int code) { }
                    public static void OnCancel(SIPRequest request)
                    {
                        if (request.Method == SIPMethodsEnum.CANCEL)
                        {
                            Send(request, {|CB1001:487|});
                            SIPResponse.GetResponse(request, {|CB1001:SIPResponseStatusCodesEnum.RequestTerminated|}, null);
                        }
                    }
                }
            }
            """, new[] { SipSorcery }, new[] { ("/p/codes.yaml", yaml) });
    }

    [Fact]
    public async Task Net7mma_switch_on_RtspMethod_is_checked_and_its_405_carries_Allow()
    {
        await AnalyzerHarness.VerifyAsync("""
            using Media.Rtsp;

            public sealed class Server : RtspServer
            {
                public void ProcessRtspRequest(RtspMessage request, ClientSession session)
                {
                    switch (request.RtspMethod)
                    {
                        case RtspMethod.ANNOUNCE:
                            ProcessInvalidRtspRequest(session, RtspStatusCode.MethodNotAllowed);   // the send path adds Allow
                            break;
                        case RtspMethod.DESCRIBE:
                            ProcessSendRtspMessage(session.CreateRtspResponse(request, {|CB1001:RtspStatusCode.InvalidRange|}), session);
                            break;
                        case RtspMethod.PLAY:
                            ProcessSendRtspMessage(session.CreateRtspResponse(request, RtspStatusCode.InvalidRange), session);
                            break;
                        case RtspMethod.UNKNOWN:
                        default:
                            ProcessInvalidRtspRequest(session, RtspStatusCode.NotImplemented);
                            break;
                    }
                }

                public RtspMessage Refuse(ClientSession session) => session.CreateRtspResponse(null, {|CB1006:RtspStatusCode.MethodNotAllowed|});

                public RtspMessage Fresh() => new RtspMessage(RtspMessageType.Response) { RtspStatusCode = RtspStatusCode.Unknown };
            }
            """, new[] { Package("Media", StandIns.Net7mma) });
    }

    private static MetadataReference SharpRtsp => Package("RTSP", StandIns.SharpRtsp);

    [Fact]
    public async Task SharpRTSP_request_classes_and_ReturnCode_are_checked()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync("""
            using Rtsp;
            using Rtsp.Messages;

            public static class Camera
            {
                public static void OnMessage(RtspListener listener, RtspMessage message)
                {
                    if (message is RtspRequestDescribe)
                    {
                        var response = ((RtspRequest)message).CreateResponse();
                        response.ReturnCode = {|CB1001:457|};
                        listener.SendMessage(response);
                    }
                    switch (message)
                    {
                        case RtspRequestPlay play:
                            var played = play.CreateResponse();
                            played.ReturnCode = 457;
                            listener.SendMessage(played);
                            break;
                        case RtspRequest { RequestTyped: RtspRequest.RequestType.SETUP } setup:
                            break;
                    }
                    if (message is RtspRequest request && request.RequestTyped == RtspRequest.RequestType.TEARDOWN)
                    {
                        var torn = request.CreateResponse();
                        torn.ReturnCode = {|CB1001:457|};
                    }
                }

                public static RtspResponse OnSetup(RtspRequestSetup request)
                {
                    var response = request.CreateResponse();
                    response.ReturnCode = {|CB1001:457|};
                    return response;
                }

                public static RtspResponse Challenge(RtspRequest request)
                {
                    var response = request.CreateResponse();
                    response.AddHeader("WWW-Authenticate: Digest realm=\"camera\"");
                    response.ReturnCode = 401;
                    return response;
                }

                public static RtspResponse NotAllowed(RtspRequest request)
                {
                    var response = request.CreateResponse();
                    response.ReturnCode = {|CB1006:405|};
                    return response;
                }
            }
            """, new[] { SharpRtsp });
        Assert.Contains("DESCRIBE", diagnostics[0].GetMessage());
        Assert.Contains("TEARDOWN", diagnostics[1].GetMessage());
        Assert.Contains("SETUP", diagnostics[2].GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.Id == "CB1007"); // SharpRTSP has no name for 457 to offer
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LumiSoft_status_lines_are_codes_from_the_package_and_from_source(bool vendored)
    {
        var code = """
            namespace App
            {
                using LumiSoft.Net.SIP.Stack;
                public sealed class UserAgent
                {
                    private readonly SIP_Stack m_pStack = new SIP_Stack();

                    public void OnRequest(SIP_RequestReceivedEventArgs e)
                    {
                        if (e.Request.RequestLine.Method == SIP_Methods.CANCEL)
                        {
                            e.ServerTransaction.SendResponse(m_pStack.CreateResponse(SIP_ResponseCodes.x200_Ok, e.Request));
                            e.ServerTransaction.SendResponse(m_pStack.CreateResponse({|CB1001:SIP_ResponseCodes.x487_Request_Terminated|}, e.Request));
                            e.ServerTransaction.SendResponse(m_pStack.CreateResponse({|CB1001:"487 Request Terminated"|}, e.Request));
                        }
                        switch (e.Request.RequestLine.Method)
                        {
                            case SIP_Methods.BYE:
                                e.ServerTransaction.SendResponse(m_pStack.CreateResponse(SIP_ResponseCodes.x481_Call_Transaction_Does_Not_Exist, e.Request));
                                break;
                            case SIP_Methods.REGISTER:
                                e.ServerTransaction.SendResponse(m_pStack.CreateResponse({|CB1001:SIP_ResponseCodes.x180_Ringing|}, e.Request));
                                break;
                            default:
                                // Every other method, ACK too: the stack has no transaction for it to answer on.
                                e.ServerTransaction.SendResponse(m_pStack.CreateResponse({|CB1003:SIP_ResponseCodes.x501_Not_Implemented|}, e.Request));
                                e.ServerTransaction.SendResponse(m_pStack.CreateResponse({|CB1004:"499 Odd"|}, e.Request));
                                break;
                        }
                    }

                    public bool IsOk(SIP_Response response) => response.StatusCode_ReasonPhrase == SIP_ResponseCodes.x200_Ok;

                    public string Reason => "Not a status line";
                }
            }
            """;
        if (vendored)
        {
            await AnalyzerHarness.VerifyAsync(StandIns.LumiSoft + "\n" + code);
        }
        else
        {
            await AnalyzerHarness.VerifyAsync(code, new[] { Package("LumiSoft.Net", StandIns.LumiSoft) });
        }
    }

    [Theory]
    [InlineData("487 Request Terminated", 487)]
    [InlineData("487", 487)]
    [InlineData("4870 Too Long", null)]
    [InlineData("487x", null)]
    [InlineData("48 Short", null)]
    [InlineData("\u0664\u0668\u0667 Arabic-Indic digits", null)]
    [InlineData("", null)]
    public void A_status_line_gives_its_code_only_when_it_starts_with_three_digits_and_a_space(string text, int? code) =>
        Assert.Equal(code, Codebook.Analysis.ProtocolSymbols.CodeInText(text));
}
