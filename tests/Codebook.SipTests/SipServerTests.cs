using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Codebook.SipTests;

/// <summary>
/// samples/SipServer, built only on the generated API, on the wire with sipp: sipp's own uac and uas scenarios,
/// and the scenario files in samples/SipServer/scenarios. Each test asserts sipp's exit code, the calls it counted,
/// and the table of codes the server prints when it is stopped.
/// </summary>
public class SipServerTests
{
    /// <summary>"| 487 | Request Terminated | ClientError | 3 | 0 |": how many times the server sent a code.</summary>
    private static int Sent(string table, int code) =>
        Regex.Match(table, $@"^\| {code} \| [^|]+ \| \w+ \| (\d+) \| \d+ \|", RegexOptions.Multiline) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    [Fact]
    public void Sipps_uac_scenario_completes_every_call()
    {
        using var server = new SipRig.Server(ringMilliseconds: 200);
        var sipp = SipRig.RunSipp($"127.0.0.1:{server.Port}", calls: 10, seconds: 30, "-sn", "uac", "-r", "10");
        var stopped = server.Stop();

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal((10, 0), (sipp.Successful, sipp.Failed));
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(10, Sent(stopped.Output, 100));
        Assert.Equal(10, Sent(stopped.Output, 180));
        Assert.Equal(20, Sent(stopped.Output, 200)); // the INVITE's and the BYE's
    }

    [Fact]
    public void Register_is_challenged_then_bound()
    {
        using var server = new SipRig.Server();
        var sipp = SipRig.RunSipp($"127.0.0.1:{server.Port}", calls: 3, seconds: 20, "-sf", SipRig.Scenario("register.xml"));
        var stopped = server.Stop();

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal((3, 0), (sipp.Successful, sipp.Failed));
        Assert.Equal(3, Sent(stopped.Output, 401));
        Assert.Equal(3, Sent(stopped.Output, 200));
    }

    [Fact]
    public void Cancel_gets_200_and_the_invite_487()
    {
        using var server = new SipRig.Server(ringMilliseconds: 10_000);
        var sipp = SipRig.RunSipp($"127.0.0.1:{server.Port}", calls: 3, seconds: 20, "-sf", SipRig.Scenario("cancel.xml"));
        var stopped = server.Stop();

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal((3, 0), (sipp.Successful, sipp.Failed));
        Assert.Equal(3, Sent(stopped.Output, 487));
        Assert.Equal(3, Sent(stopped.Output, 200)); // to the CANCELs; no INVITE was answered
        Assert.DoesNotContain("200 OK to INVITE", stopped.Output);
    }

    [Fact]
    public void Methods_it_does_not_answer_get_405_with_Allow_or_501()
    {
        using var server = new SipRig.Server();
        var sipp = SipRig.RunSipp($"127.0.0.1:{server.Port}", calls: 2, seconds: 20, "-sf", SipRig.Scenario("unknown-method.xml"));
        var stopped = server.Stop();

        Assert.True(sipp.ExitCode == 0, sipp.ToString()); // the scenario checks the Allow header itself
        Assert.Equal((2, 0), (sipp.Successful, sipp.Failed));
        Assert.Equal(2, Sent(stopped.Output, 405));
        Assert.Equal(2, Sent(stopped.Output, 501));
    }

    [Fact]
    public async Task The_probe_calls_sipps_uas_scenario()
    {
        var port = SipRig.FreePort();
        var uas = Task.Run(() => SipRig.RunSipp("", port, calls: 1, seconds: 25, "-sn", "uas", "-aa"));
        await Task.Delay(1000); // sipp binds its port
        var probe = SipRig.Execute("dotnet", new[] { SipRig.ServerDll, "--probe", $"127.0.0.1:{port}" }, TimeSpan.FromSeconds(40));
        var sipp = await uas;

        Assert.True(probe.ExitCode == 0, probe.ToString());
        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal((1, 0), (sipp.Successful, sipp.Failed));
        Assert.Contains("<- 200 OK to OPTIONS: Success, \"OK\"; en: The request succeeded. zh-CN: 请求已成功。", probe.Output);
        Assert.Contains("<- 180 Ringing to INVITE: Informational, \"Ringing\"", probe.Output);
        Assert.Contains("<- 200 OK to INVITE", probe.Output);
        Assert.Contains("<- 200 OK to BYE", probe.Output);
    }

    [Fact]
    public void The_probe_cancels_a_call_that_keeps_ringing()
    {
        using var server = new SipRig.Server(ringMilliseconds: 10_000);
        var probe = SipRig.Execute("dotnet", new[] { SipRig.ServerDll, "--probe", $"127.0.0.1:{server.Port}", "--cancel-after", "300" }, TimeSpan.FromSeconds(40));
        var stopped = server.Stop();

        Assert.True(probe.ExitCode == 0, probe.ToString());
        Assert.Contains("<- 200 OK to CANCEL", probe.Output);
        Assert.Contains("<- 487 Request Terminated to INVITE: ClientError, \"Request Terminated\"; en: The call was cancelled before it was answered. zh-CN: 呼叫在接通前已被取消。", probe.Output);
        Assert.Equal(1, Sent(stopped.Output, 487));
    }

    [Fact]
    public async Task Malformed_input_is_answered_400_or_dropped_and_the_server_keeps_serving()
    {
        using var server = new SipRig.Server();
        using (var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            var target = new IPEndPoint(IPAddress.Loopback, server.Port);
            void Send(string text) => client.Send(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetByteCount(text), target);
            client.Send(new byte[] { 0xff, 0xfe, 0x00, 0x13, 0x37 }, 5, target); // not text
            Send("hello\r\n\r\n"); // no header at all
            Send("INVITE sip:a@b SIP/2.0\r\nCall-ID: 1\r\n\r\n"); // mandatory headers missing
            Send("SIP/2.0 999 Odd\r\nVia: SIP/2.0/UDP 127.0.0.1:1\r\n\r\n"); // a response outside every class
            Send("INVITE sip:a@b SIP/3.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: 2\r\nCSeq: 1 INVITE\r\n\r\n");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var reply = await client.ReceiveAsync(wait.Token);
            Assert.StartsWith("SIP/2.0 400 Bad Request\r\n", Encoding.UTF8.GetString(reply.Buffer));
        }
        var sipp = SipRig.RunSipp($"127.0.0.1:{server.Port}", calls: 2, seconds: 20, "-sn", "uac");
        var stopped = server.Stop();

        Assert.True(sipp.ExitCode == 0, sipp.ToString());
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(1, Sent(stopped.Output, 400));
        Assert.Contains("dropped a datagram", stopped.Output);
        Assert.Contains("lacks mandatory headers", stopped.Output);
    }
}
