using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Codebook.Catalogue;
using Codebook.Gb28181;
using Codebook.Http;
using Codebook.Rtsp;
using Codebook.Rtsp2;
using Codebook.Sip;
using Xunit;

namespace Codebook.Tests.Runtime;

/// <summary>
/// Calls the API generated into this very assembly from the embedded catalogue (the test project uses the
/// generator as an analyzer, as a user's project does) and checks it against the catalogue model.
/// </summary>
public class GeneratedApiTests
{
    private static readonly CatalogueModel Catalogue = EmbeddedCatalogue.Compose(Array.Empty<CatalogueSource>(), null, new List<CatalogueProblem>());

    private static ProtocolModel Protocol(string key) => Catalogue.Protocols.Single(p => p.Key == key);

    public static IEnumerable<object[]> Protocols => new[] { "sip", "gb28181", "rtsp", "rtsp2", "http" }.Select(k => new object[] { k });

    /// <summary>The generated lookups of one protocol, as functions of the numeric code.</summary>
    private static (Func<int, string> Reason, Func<int, bool> IsDefined, IReadOnlyList<int> All, Func<int, CultureInfo, string> User, Func<int, CultureInfo, string> Engineer, Func<int, IReadOnlyList<string>> Headers) Api(string key) => key switch
    {
        "sip" => (c => ((SipStatusCode)c).GetReasonPhrase(), SipStatusCodes.IsDefined, SipStatusCodes.All.Select(c => (int)c).ToList(),
            (c, k) => ((SipStatusCode)c).ToUserMessage(k), (c, k) => ((SipStatusCode)c).ToEngineerMessage(k), c => ((SipStatusCode)c).GetRequiredHeaders()),
        "gb28181" => (c => ((Gb28181StatusCode)c).GetReasonPhrase(), Gb28181StatusCodes.IsDefined, Gb28181StatusCodes.All.Select(c => (int)c).ToList(),
            (c, k) => ((Gb28181StatusCode)c).ToUserMessage(k), (c, k) => ((Gb28181StatusCode)c).ToEngineerMessage(k), c => ((Gb28181StatusCode)c).GetRequiredHeaders()),
        "rtsp" => (c => ((RtspStatusCode)c).GetReasonPhrase(), RtspStatusCodes.IsDefined, RtspStatusCodes.All.Select(c => (int)c).ToList(),
            (c, k) => ((RtspStatusCode)c).ToUserMessage(k), (c, k) => ((RtspStatusCode)c).ToEngineerMessage(k), c => ((RtspStatusCode)c).GetRequiredHeaders()),
        "rtsp2" => (c => ((Rtsp2StatusCode)c).GetReasonPhrase(), Rtsp2StatusCodes.IsDefined, Rtsp2StatusCodes.All.Select(c => (int)c).ToList(),
            (c, k) => ((Rtsp2StatusCode)c).ToUserMessage(k), (c, k) => ((Rtsp2StatusCode)c).ToEngineerMessage(k), c => ((Rtsp2StatusCode)c).GetRequiredHeaders()),
        "http" => (c => ((HttpStatusCode)c).GetReasonPhrase(), HttpStatusCodes.IsDefined, HttpStatusCodes.All.Select(c => (int)c).ToList(),
            (c, k) => ((HttpStatusCode)c).ToUserMessage(k), (c, k) => ((HttpStatusCode)c).ToEngineerMessage(k), c => ((HttpStatusCode)c).GetRequiredHeaders()),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Every_code_of_the_catalogue_is_generated_with_its_reason_headers_and_messages(string key)
    {
        var protocol = Protocol(key);
        var api = Api(key);
        var english = CultureInfo.GetCultureInfo("en");
        Assert.Equal(protocol.Codes.Select(c => c.Value), api.All);
        foreach (var code in protocol.Codes)
        {
            Assert.True(api.IsDefined(code.Value), $"{key} {code.Value}");
            Assert.Equal(code.Reason, api.Reason(code.Value));
            Assert.Equal(code.Headers, api.Headers(code.Value));
            Assert.Equal(code.User.Single(m => m.Culture == "en").Text, api.User(code.Value, english));
            Assert.Equal(code.Engineer.Single(m => m.Culture == "en").Text, api.Engineer(code.Value, english));
        }
        Assert.False(api.IsDefined(99));
        Assert.Equal("", api.Reason(999));
    }

    [Fact]
    public void Class_predicates_follow_the_first_digit()
    {
        Assert.True(SipStatusCode.Ringing.IsProvisional());
        Assert.False(SipStatusCode.Ringing.IsFinal());
        Assert.True(SipStatusCode.Ok.IsSuccess() && SipStatusCode.Ok.IsFinal());
        Assert.True(SipStatusCode.MovedTemporarily.IsRedirection());
        Assert.True(SipStatusCode.RequestTerminated.IsClientError());
        Assert.True(SipStatusCode.ServiceUnavailable.IsServerError());
        Assert.True(SipStatusCode.Decline.IsGlobalFailure() && SipStatusCode.Decline.IsFinal());
        Assert.False(SipStatusCode.Decline.IsClientError());
        Assert.Equal(StatusClass.GlobalFailure, SipStatusCode.BusyEverywhere.GetStatusClass());
        Assert.Equal(StatusClass.Informational, SipStatusCode.Trying.GetStatusClass());
        Assert.Equal(StatusClass.ClientError, RtspStatusCode.InvalidRange.GetStatusClass());
        Assert.Equal(StatusClass.Unknown, ((HttpStatusCode)650).GetStatusClass());
        Assert.False(((HttpStatusCode)650).IsFinal());
    }

    [Fact]
    public void IsAllowedFor_applies_the_method_rules()
    {
        Assert.False(SipStatusCode.RequestTerminated.IsAllowedFor(SipMethod.Cancel));
        Assert.True(SipStatusCode.RequestTerminated.IsAllowedFor(SipMethod.Invite));
        Assert.False(SipStatusCode.Ringing.IsAllowedFor(SipMethod.Register));
        Assert.True(SipStatusCode.Ringing.IsAllowedFor(SipMethod.Invite));
        Assert.True(SipStatusCode.Ok.IsAllowedFor(SipMethod.Cancel));
        Assert.False(SipStatusCode.Ok.IsAllowedFor(SipMethod.Ack), "no response at all to ACK");
        Assert.False(SipStatusCode.Unauthorized.IsAllowedFor(SipMethod.Cancel));
        Assert.False(SipStatusCode.Accepted.IsAllowedFor(SipMethod.Subscribe));
        Assert.True(RtspStatusCode.InvalidRange.IsAllowedFor(RtspMethod.Play));
        Assert.True(RtspStatusCode.InvalidRange.IsAllowedFor(RtspMethod.Pause));
        Assert.False(RtspStatusCode.InvalidRange.IsAllowedFor(RtspMethod.Describe));
        Assert.True(RtspStatusCode.ParameterIsReadOnly.IsAllowedFor(RtspMethod.SetParameter));
        Assert.False(RtspStatusCode.ParameterIsReadOnly.IsAllowedFor(RtspMethod.Setup));
        Assert.False(Gb28181StatusCode.RequestTerminated.IsAllowedFor(Gb28181Method.Cancel), "gb28181 inherits the SIP rules");
        Assert.False(HttpStatusCode.NotModified.IsAllowedFor(HttpMethod.Post));
    }

    [Fact]
    public void IsAllowedFrom_applies_the_role_and_class_rules()
    {
        Assert.False(SipStatusCode.UseProxy.IsAllowedFrom(SipRole.Proxy));
        Assert.True(SipStatusCode.UseProxy.IsAllowedFrom(SipRole.Uas));
        Assert.False(SipStatusCode.Unauthorized.IsAllowedFrom(SipRole.Proxy));
        Assert.True(SipStatusCode.Unauthorized.IsAllowedFrom(SipRole.Registrar));
        Assert.True(SipStatusCode.ProxyAuthenticationRequired.IsAllowedFrom(SipRole.Proxy));
        Assert.False(SipStatusCode.Decline.IsAllowedFrom(SipRole.Registrar), "a registrar never sends 6xx");
        Assert.False(((SipStatusCode)699).IsAllowedFrom(SipRole.Registrar), "class rules cover codes the catalogue lacks");
        Assert.True(SipStatusCode.Decline.IsAllowedFrom(SipRole.Uas));
        Assert.False(HttpStatusCode.MisdirectedRequest.IsAllowedFrom(HttpRole.Proxy));
    }

    [Fact]
    public void FromValueOrClassDefault_follows_each_protocols_unknown_rule()
    {
        Assert.Equal(SipStatusCode.BadRequest, SipStatusCodes.FromValueOrClassDefault(431));
        Assert.Equal(SipStatusCode.SessionProgress, SipStatusCodes.FromValueOrClassDefault(155));
        Assert.Equal(SipStatusCode.Ringing, SipStatusCodes.FromValueOrClassDefault(180));
        Assert.Equal(SipStatusCode.BusyEverywhere, SipStatusCodes.FromValueOrClassDefault(699));
        Assert.Equal(SipStatusCode.ServerInternalError, SipStatusCodes.FromValueOrClassDefault(42));
        Assert.Equal(Rtsp2StatusCode.Found, Rtsp2StatusCodes.FromValueOrClassDefault(399));
        Assert.Equal(RtspStatusCode.MultipleChoices, RtspStatusCodes.FromValueOrClassDefault(399));
        Assert.Equal(RtspStatusCode.BadRequest, RtspStatusCodes.FromValueOrClassDefault(431));
        Assert.Equal(HttpStatusCode.Ok, HttpStatusCodes.FromValueOrClassDefault(299));
        Assert.Equal(HttpStatusCode.InternalServerError, HttpStatusCodes.FromValueOrClassDefault(600));
        Assert.Equal((Gb28181StatusCode)431, Gb28181StatusCodes.FromValueOrClassDefault(431));
    }

    [Fact]
    public void TryFromValue_accepts_only_defined_codes()
    {
        Assert.True(SipStatusCodes.TryFromValue(487, out var code));
        Assert.Equal(SipStatusCode.RequestTerminated, code);
        Assert.False(SipStatusCodes.TryFromValue(499, out _));
        Assert.True(Gb28181StatusCodes.TryFromValue(499, out var platform));
        Assert.Equal("Routing Server Unknown Exception", platform.GetReasonPhrase());
    }

    [Theory]
    [InlineData("SIP/2.0 487 Request Terminated", 487, "Request Terminated")]
    [InlineData("SIP/2.0 180 ", 180, "")]
    [InlineData("SIP/2.0 180", 180, "")]
    [InlineData("sip/2.0 200 OK\r\n", 200, "OK")]
    [InlineData("SIP/2.0 200 Fine, thanks", 200, "Fine, thanks")]
    [InlineData("SIP/2.0 499 Custom", 499, "Custom")]
    public void TryParseStatusLine_reads_sip_status_lines(string line, int expectedCode, string expectedReason)
    {
        Assert.True(SipStatusCodes.TryParseStatusLine(line, out var code, out var reason));
        Assert.Equal(expectedCode, (int)code);
        Assert.Equal(expectedReason, reason);

        Assert.True(SipStatusCodes.TryParseStatusLine(line.AsSpan(), out var spanCode, out var spanReason));
        Assert.Equal(expectedCode, (int)spanCode);
        Assert.Equal(expectedReason, spanReason.ToString());

        Assert.True(SipStatusCodes.TryParseStatusLine(Encoding.UTF8.GetBytes(line).AsSpan(), out var byteCode, out var byteReason));
        Assert.Equal(expectedCode, (int)byteCode);
        Assert.Equal(expectedReason, Encoding.UTF8.GetString(byteReason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SIP/2.0")]
    [InlineData("SIP/2.0 ")]
    [InlineData("SIP/2.0 48")]
    [InlineData("SIP/2.0 4870 Too long")]
    [InlineData("SIP/2.0  487 Two spaces")]
    [InlineData("SIP/2.0 4x7 Letters")]
    [InlineData("SIP/2.0 099 Too low")]
    [InlineData("SIP/2.0 700 Too high")]
    [InlineData("RTSP/1.0 200 OK")]
    [InlineData("SIP/3.0 200 OK")]
    [InlineData("SIP/2.0 200 O\nK")]
    [InlineData("INVITE sip:bob@example.com SIP/2.0")]
    public void TryParseStatusLine_rejects_malformed_lines(string line)
    {
        Assert.False(SipStatusCodes.TryParseStatusLine(line, out _, out var reason));
        Assert.Equal("", reason);
        Assert.False(SipStatusCodes.TryParseStatusLine(line.AsSpan(), out _, out _));
        Assert.False(SipStatusCodes.TryParseStatusLine(Encoding.UTF8.GetBytes(line).AsSpan(), out _, out _));
    }

    [Fact]
    public void TryParseStatusLine_knows_each_protocols_versions()
    {
        Assert.False(SipStatusCodes.TryParseStatusLine((string)null!, out _, out _));
        Assert.True(RtspStatusCodes.TryParseStatusLine("RTSP/1.0 200 OK", out var rtsp, out var reason));
        Assert.Equal((RtspStatusCode.Ok, "OK"), (rtsp, reason));
        Assert.True(Rtsp2StatusCodes.TryParseStatusLine("RTSP/2.0 464 Data Transport Not Ready Yet", out var rtsp2, out _));
        Assert.Equal(Rtsp2StatusCode.DataTransportNotReadyYet, rtsp2);
        Assert.False(RtspStatusCodes.TryParseStatusLine("RTSP/2.0 200 OK", out _, out _));
        Assert.True(HttpStatusCodes.TryParseStatusLine("HTTP/1.0 404 Not Found", out var http, out _));
        Assert.Equal(HttpStatusCode.NotFound, http);
        Assert.True(Gb28181StatusCodes.TryParseStatusLine("SIP/2.0 434 Platform Message Send Failed", out var gb, out _));
        Assert.Equal(Gb28181StatusCode.PlatformMessageSendFailed, gb);
    }

    [Fact]
    public void Messages_fall_back_from_culture_to_parent_to_language_to_english_to_reason()
    {
        var zhCn = CultureInfo.GetCultureInfo("zh-CN");
        var chinese = SipStatusCode.RequestTimeout.ToUserMessage(zhCn);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
        Assert.Equal(chinese, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("zh")));
        Assert.Equal(chinese, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("zh-Hans")));
        Assert.Equal(chinese, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("zh-TW")));

        var english = SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("en"));
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english);
        Assert.Equal(english, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(english, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(english, SipStatusCode.RequestTimeout.ToUserMessage(CultureInfo.InvariantCulture));
        Assert.Equal(english, SipStatusCode.RequestTimeout.ToUserMessage(null!));

        // RTSP has English only: Chinese readers get English rather than nothing.
        Assert.Equal(RtspStatusCode.NotEnoughBandwidth.ToUserMessage(CultureInfo.GetCultureInfo("en")),
            RtspStatusCode.NotEnoughBandwidth.ToUserMessage(zhCn));

        // A value the catalogue lacks has no message: the reason phrase (empty) is all there is.
        Assert.Equal("", ((SipStatusCode)498).ToUserMessage(zhCn));
    }

    [Fact]
    public void Parameterless_messages_use_the_current_ui_culture()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.Equal(SipStatusCode.BusyHere.ToUserMessage(CultureInfo.GetCultureInfo("zh-CN")), SipStatusCode.BusyHere.ToUserMessage());
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(SipStatusCode.BusyHere.ToEngineerMessage(CultureInfo.GetCultureInfo("en")), SipStatusCode.BusyHere.ToEngineerMessage());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Gb28181_carries_the_platform_table_and_inherits_sip()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal("平台消息发送失败", Gb28181StatusCode.PlatformMessageSendFailed.ToUserMessage(zh));
        Assert.Equal("路由转发查找目的地址失败,请检查平台路由范围配置是否正确;若重启路由后未重启平台,请重启平台",
            Gb28181StatusCode.PlatformMessageSendFailed.ToEngineerMessage(zh));
        Assert.Equal("响应超时", Gb28181StatusCode.RequestTimeout.ToUserMessage(zh));
        Assert.Equal("设备不在线", ((Gb28181StatusCode)301).ToUserMessage(zh));
        Assert.Equal("Device Offline", ((Gb28181StatusCode)301).GetReasonPhrase());
        Assert.Equal("Moved Permanently", ((SipStatusCode)301).GetReasonPhrase());
        Assert.Empty(((Gb28181StatusCode)301).GetRequiredHeaders());
        Assert.Equal("Link Disconnected", ((Gb28181StatusCode)120).GetReasonPhrase());
        // Codes the platform table does not mention keep SIP's messages.
        Assert.Equal(SipStatusCode.Ringing.ToUserMessage(zh), Gb28181StatusCode.Ringing.ToUserMessage(zh));
    }

    [Fact]
    public void Required_headers_come_from_the_catalogue()
    {
        Assert.Equal(new[] { "Allow" }, SipStatusCode.MethodNotAllowed.GetRequiredHeaders());
        Assert.Equal(new[] { "WWW-Authenticate" }, SipStatusCode.Unauthorized.GetRequiredHeaders());
        Assert.Equal(new[] { "Min-Expires" }, SipStatusCode.IntervalTooBrief.GetRequiredHeaders());
        Assert.Empty(SipStatusCode.Ok.GetRequiredHeaders());
        Assert.Equal(new[] { "Allow" }, Rtsp2StatusCode.MethodNotValidInThisState.GetRequiredHeaders());
        Assert.Throws<NotSupportedException>(() => ((IList<string>)SipStatusCode.MethodNotAllowed.GetRequiredHeaders()).Add("X"));
    }

    [Fact]
    public void Methods_convert_to_and_from_tokens()
    {
        Assert.True(RtspMethods.TryParse("SET_PARAMETER", out var method));
        Assert.Equal(RtspMethod.SetParameter, method);
        Assert.Equal("SET_PARAMETER", RtspMethod.SetParameter.ToToken());
        Assert.Equal("PLAY_NOTIFY", Rtsp2Method.PlayNotify.ToToken());
        Assert.False(SipMethods.TryParse("invite", out _), "methods are case-sensitive");
        Assert.False(SipMethods.TryParse(null!, out _));
        Assert.Equal("", default(SipMethod).ToToken());
        foreach (var sip in Enum.GetValues<SipMethod>())
        {
            Assert.True(SipMethods.TryParse(sip.ToToken(), out var back));
            Assert.Equal(sip, back);
        }
    }

    [Fact]
    public void Deprecation_is_visible()
    {
        Assert.True(SipStatusCode.Accepted.IsDeprecated());
        Assert.False(SipStatusCode.Ok.IsDeprecated());
        Assert.True(HttpStatusCode.UseProxy.IsDeprecated());
        Assert.True(Rtsp2StatusCode.SeeOther.IsDeprecated());
    }

    [Fact]
    public void Attributes_describe_roles_and_methods()
    {
        var role = new SipRoleAttribute(SipRole.Proxy);
        Assert.Equal(SipRole.Proxy, role.Role);
        var respondsTo = new SipRespondsToAttribute(SipMethod.Cancel, SipMethod.Bye);
        Assert.Equal(new[] { SipMethod.Cancel, SipMethod.Bye }, respondsTo.Methods);
    }

    [Fact]
    public void Lookups_and_parsing_allocate_nothing()
    {
        var line = Encoding.ASCII.GetBytes("SIP/2.0 487 Request Terminated");
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Exercise(); // first use initialises the static tables

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Exercise();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Exercise()
        {
            var all = SipStatusCodes.All;
            for (var i = 0; i < all.Count; i++) // an indexer, not foreach: the list's enumerator is the caller's allocation
            {
                var code = all[i];
                _ = code.GetReasonPhrase();
                _ = code.ToUserMessage(zh);
                _ = code.ToEngineerMessage(zh);
                _ = code.IsAllowedFor(SipMethod.Invite);
                _ = code.IsAllowedFrom(SipRole.Proxy);
                _ = code.GetRequiredHeaders();
            }
            _ = SipStatusCodes.FromValueOrClassDefault(455);
            _ = SipStatusCodes.TryParseStatusLine(line, out _, out _);
            _ = SipStatusCodes.TryParseStatusLine("SIP/2.0 487 Request Terminated", out _, out _);
            _ = SipStatusCodes.TryParseStatusLine("SIP/2.0 487 Request Terminated".AsSpan(), out _, out _);
        }
    }
}
