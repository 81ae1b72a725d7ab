using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codebook.Sip;

namespace SipServer;

/// <summary>
/// The client mode: OPTIONS, then an INVITE that is answered (ACK, BYE) or, if it is still ringing after a short
/// while, cancelled (CANCEL, then ACK for the 487). Every response is read with the generated UTF-8 status-line
/// parser and printed with its class, reason and the user message in English and Chinese.
/// </summary>
public sealed class Probe
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _peer;
    private readonly Tally _tally;
    private readonly string _callId = Guid.NewGuid().ToString("N") + "@codebook.probe";
    private readonly string _fromTag = Guid.NewGuid().ToString("N").Substring(0, 8);
    private string Local => _socket.Client.LocalEndPoint!.ToString()!;

    public Probe(IPEndPoint peer, Tally tally)
    {
        _peer = peer;
        _tally = tally;
    }

    /// <summary>True when every request got a final response.</summary>
    public async Task<bool> RunAsync(int cancelAfterMilliseconds)
    {
        var options = Request("OPTIONS", 1, Branch(), "");
        var answered = await Exchange(new() { ["OPTIONS"] = options }, (_, _) => null);
        if (!answered.ContainsKey("OPTIONS"))
        {
            return false;
        }

        var inviteBranch = Branch();
        var sdp = "v=0\r\no=probe 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6002 RTP/AVP 0\r\n";
        var ringing = DateTime.MaxValue;
        var cancelled = false;
        // While the INVITE rings for longer than cancelAfter, cancel it with its own branch and CSeq number (RFC 3261 §9.1).
        var finals = await Exchange(new() { ["INVITE"] = Request("INVITE", 2, inviteBranch, sdp) }, (code, pending) =>
        {
            if (code is { } provisional && !provisional.IsFinal() && ringing == DateTime.MaxValue)
            {
                ringing = DateTime.UtcNow;
            }
            if (!cancelled && pending.ContainsKey("INVITE") && DateTime.UtcNow - ringing > TimeSpan.FromMilliseconds(cancelAfterMilliseconds))
            {
                cancelled = true;
                return ("CANCEL", Request("CANCEL", 2, inviteBranch, ""));
            }
            return null;
        });
        if (!finals.TryGetValue("INVITE", out var final))
        {
            return false;
        }
        var toTag = SipMessage.Parameter(final.Header("To"), "tag");
        if (final.StartLine.StartsWith("SIP/2.0 2", StringComparison.Ordinal))
        {
            Send(Request("ACK", 2, Branch(), "", toTag));
            var bye = await Exchange(new() { ["BYE"] = Request("BYE", 3, Branch(), "", toTag) }, (_, _) => null);
            return bye.ContainsKey("BYE");
        }
        Send(Request("ACK", 2, inviteBranch, "", toTag)); // the ACK of a failure belongs to the INVITE transaction
        return !cancelled || finals.ContainsKey("CANCEL");
    }

    /// <summary>
    /// Runs client transactions on the one socket until each has a final response or 8 s pass: every request is sent
    /// again each 500 ms until it has any response (UDP), every response is read and printed, and after each read
    /// (or quiet 200 ms) <paramref name="next"/> may start another transaction.
    /// </summary>
    private async Task<Dictionary<string, SipMessage>> Exchange(
        Dictionary<string, string> pending,
        Func<SipStatusCode?, Dictionary<string, string>, (string Method, string Request)?> next)
    {
        var finals = new Dictionary<string, SipMessage>();
        var heard = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(8);
        var resend = DateTime.UtcNow;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            if (DateTime.UtcNow >= resend)
            {
                foreach (var (method, request) in pending)
                {
                    if (!heard.Contains(method))
                    {
                        Send(request);
                    }
                }
                resend = DateTime.UtcNow.AddMilliseconds(500);
            }
            SipStatusCode? code = null;
            using (var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            {
                try
                {
                    var datagram = await _socket.ReceiveAsync(wait.Token);
                    if (SipMessage.Parse(datagram.Buffer) is { } message && StatusLine(datagram.Buffer) is var (status, reason)
                        && message.CSeq()?.Method is { } method && pending.ContainsKey(method))
                    {
                        code = status;
                        heard.Add(method);
                        _tally.Received(status);
                        Console.WriteLine($"<- {(int)status} {reason} to {method}: {status.GetStatusClass()}, \"{status.GetReasonPhrase()}\"; " +
                                          $"en: {status.ToUserMessage(English)} zh-CN: {status.ToUserMessage(Chinese)}");
                        if (status.IsFinal())
                        {
                            finals[method] = message;
                            pending.Remove(method);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // quiet for 200 ms: time to resend, or for next to act
                }
            }
            if (next(code, pending) is var (added, text))
            {
                pending[added] = text;
                resend = DateTime.UtcNow;
            }
        }
        foreach (var method in pending.Keys)
        {
            Console.WriteLine($"no final response to {method} within 8 s");
        }
        return finals;
    }

    /// <summary>The status line of a datagram, read in place by the generated UTF-8 parser; null for a request.</summary>
    private static (SipStatusCode Code, string Reason)? StatusLine(byte[] datagram)
    {
        return SipStatusCodes.TryParseStatusLine(SipMessage.FirstLine(datagram), out var code, out var reason) ? (code, Encoding.UTF8.GetString(reason)) : null;
    }

    private string Request(string method, int cseq, string branch, string body, string? toTag = null)
    {
        var target = $"sip:service@{_peer}";
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(target).Append(" SIP/2.0\r\n");
        text.Append("Via: SIP/2.0/UDP ").Append(Local).Append(";branch=").Append(branch).Append(";rport\r\n");
        text.Append("Max-Forwards: 70\r\n");
        text.Append("From: <sip:probe@").Append(Local).Append(">;tag=").Append(_fromTag).Append("\r\n");
        text.Append("To: <").Append(target).Append('>').Append(toTag is null ? "" : ";tag=" + toTag).Append("\r\n");
        text.Append("Call-ID: ").Append(_callId).Append("\r\n");
        text.Append("CSeq: ").Append(cseq).Append(' ').Append(method).Append("\r\n");
        text.Append("Contact: <sip:probe@").Append(Local).Append(">\r\n");
        if (body.Length > 0)
        {
            text.Append("Content-Type: application/sdp\r\n");
        }
        text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return text.ToString();
    }

    private void Send(string request)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        _socket.Send(bytes, bytes.Length, _peer);
        Console.WriteLine($"-> {request.Substring(0, request.IndexOf(' '))} to {_peer}");
    }

    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N").Substring(0, 16);
}
