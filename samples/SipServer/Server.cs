using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codebook.Sip;

namespace SipServer;

/// <summary>
/// A registrar (REGISTER with a digest challenge, then the bindings) and a user agent server (INVITE rings, then
/// answers with SDP; CANCEL ends the ringing with 487; ACK is absorbed; BYE and OPTIONS get 200) on one UDP socket.
/// Everything about codes and methods comes from the generated API: SipMethods.TryParse reads the request line,
/// GetReasonPhrase writes the status line, GetRequiredHeaders says which headers a response must carry.
/// </summary>
[SipRole(SipRole.Uas)]
public sealed class Server
{
    /// <summary>The methods this server answers, for Allow.</summary>
    private static readonly SipMethod[] Supported = { SipMethod.Invite, SipMethod.Ack, SipMethod.Bye, SipMethod.Cancel, SipMethod.Options, SipMethod.Register };

    private const string Realm = "codebook.test";
    private const int MinExpires = 60;

    private readonly UdpClient _socket;
    private readonly int _ringMilliseconds;
    private readonly string _password;
    private readonly Tally _tally;
    private readonly ConcurrentDictionary<string, Call> _calls = new();
    private readonly ConcurrentDictionary<string, string> _bindings = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _nonces = new();

    public Server(IPEndPoint endpoint, int ringMilliseconds, string password, Tally tally)
    {
        _socket = new UdpClient(endpoint);
        _ringMilliseconds = ringMilliseconds;
        _password = password;
        _tally = tally;
        LocalEndPoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>An INVITE transaction: ringing until it is answered or cancelled, then waiting for its ACK.</summary>
    private sealed class Call
    {
        public required SipMessage Invite { get; init; }
        public required IPEndPoint Peer { get; init; }
        public required string ToTag { get; init; }
        public int State; // 0 ringing, 1 answered or terminated (awaiting ACK)
        public string? LastResponse;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        Console.WriteLine($"listening on udp {LocalEndPoint}");
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _socket.ReceiveAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // an ICMP port-unreachable from an earlier send; the socket stays usable
            }
            try
            {
                Handle(datagram.Buffer, datagram.RemoteEndPoint);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                Console.WriteLine($"dropped a message from {datagram.RemoteEndPoint}: {e.Message}");
            }
        }
        _socket.Dispose();
    }

    private void Handle(byte[] buffer, IPEndPoint peer)
    {
        if (SipStatusCodes.TryParseStatusLine(SipMessage.FirstLine(buffer), out var received, out _))
        {
            _tally.Received(received); // a response: this server sends no requests, so it only counts it
            return;
        }
        var request = SipMessage.Parse(buffer);
        if (request is null)
        {
            Console.WriteLine($"dropped a datagram from {peer} that is not a SIP message ({buffer.Length} bytes)");
            return;
        }
        var parts = request.StartLine.Split(' ');
        var cseq = request.CSeq();
        if (request.Header("Via") is null || request.Header("Call-ID") is null || request.Header("From") is null || request.Header("To") is null || cseq is null)
        {
            // Without Via, From, To, Call-ID and CSeq no response can be matched to the request.
            Console.WriteLine($"dropped a request from {peer} that lacks mandatory headers: {request.StartLine}");
            return;
        }
        if (parts.Length != 3 || parts[2] != "SIP/2.0" || parts[0] != cseq.Value.Method)
        {
            Send(request, peer, SipStatusCode.BadRequest);
            return;
        }
        if (!SipMethods.TryParse(parts[0], out var method))
        {
            Send(request, peer, SipStatusCode.NotImplemented); // RFC 3261 §8.2.1: a method it does not know
            return;
        }
        switch (method)
        {
            case SipMethod.Register:
                Register(request, peer);
                break;
            case SipMethod.Invite:
                Invite(request, peer);
                break;
            case SipMethod.Ack:
                Ack(request);
                break;
            case SipMethod.Cancel:
                Cancel(request, peer);
                break;
            case SipMethod.Bye:
                _calls.TryRemove(request.Header("Call-ID")!, out _);
                Send(request, peer, SipStatusCode.Ok);
                break;
            case SipMethod.Options:
                Send(request, peer, SipStatusCode.Ok, extra: new[] { new KeyValuePair<string, string>("Allow", AllowValue), new KeyValuePair<string, string>("Accept", "application/sdp") });
                break;
            default:
                Send(request, peer, SipStatusCode.MethodNotAllowed); // RFC 3261 §8.2.1: known, not supported here
                break;
        }
    }

    /// <summary>A registrar's REGISTER: challenged, then the bindings of the address of record.</summary>
    [SipRole(SipRole.Registrar)]
    [SipRespondsTo(SipMethod.Register)]
    private void Register(SipMessage request, IPEndPoint peer)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !Authorized(authorization, "REGISTER"))
        {
            Send(request, peer, SipStatusCode.Unauthorized);
            return;
        }
        var addressOfRecord = Uri(request.Header("To")!);
        var contact = request.Header("Contact");
        var expires = int.TryParse(SipMessage.Parameter(contact, "expires") ?? request.Header("Expires"), out var e) ? e : 3600;
        if (contact is not null && expires > 0 && expires < MinExpires)
        {
            Send(request, peer, SipStatusCode.IntervalTooBrief);
            return;
        }
        if (contact is not null && expires == 0)
        {
            _bindings.TryRemove(addressOfRecord, out _);
        }
        else if (contact is not null)
        {
            _bindings[addressOfRecord] = $"<{Uri(contact)}>;expires={expires}";
        }
        var bindings = _bindings.TryGetValue(addressOfRecord, out var binding) ? new[] { new KeyValuePair<string, string>("Contact", binding) } : null;
        Send(request, peer, SipStatusCode.Ok, extra: bindings);
    }

    /// <summary>An INVITE: 100 at once, 180 with the dialog's tag, 200 with SDP after the ring time unless cancelled.</summary>
    [SipRespondsTo(SipMethod.Invite)]
    private void Invite(SipMessage request, IPEndPoint peer)
    {
        var callId = request.Header("Call-ID")!;
        if (_calls.TryGetValue(callId, out var known) && known.Invite.Header("CSeq") == request.Header("CSeq"))
        {
            if (known.LastResponse is { } last)
            {
                Resend(last, peer); // a retransmission: the transaction answers again what it last sent
            }
            return;
        }
        var call = new Call { Invite = request, Peer = peer, ToTag = Tag() };
        _calls[callId] = call;
        Send(request, peer, SipStatusCode.Trying);
        call.LastResponse = Send(request, peer, SipStatusCode.Ringing, toTag: call.ToTag);
        _ = Task.Delay(_ringMilliseconds).ContinueWith(_ => Answer(call), TaskScheduler.Default);
    }

    [SipRespondsTo(SipMethod.Invite)]
    private void Answer(Call call)
    {
        if (Interlocked.CompareExchange(ref call.State, 1, 0) != 0)
        {
            return; // cancelled while ringing
        }
        var sdp = $"v=0\r\no=codebook 1 1 IN IP4 {LocalEndPoint.Address}\r\ns=-\r\nc=IN IP4 {LocalEndPoint.Address}\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        call.LastResponse = Send(call.Invite, call.Peer, SipStatusCode.Ok, toTag: call.ToTag, body: sdp,
            extra: new[] { new KeyValuePair<string, string>("Contact", $"<sip:codebook@{LocalEndPoint}>"), new KeyValuePair<string, string>("Content-Type", "application/sdp") });
    }

    /// <summary>A CANCEL: 200 to the CANCEL itself, then 487 to the INVITE it cancels (RFC 3261 §9.2).</summary>
    [SipRespondsTo(SipMethod.Cancel)]
    private void Cancel(SipMessage request, IPEndPoint peer)
    {
        if (!_calls.TryGetValue(request.Header("Call-ID")!, out var call) || call.Invite.CSeq()!.Value.Number != request.CSeq()!.Value.Number)
        {
            Send(request, peer, SipStatusCode.CallTransactionDoesNotExist);
            return;
        }
        Send(request, peer, SipStatusCode.Ok);
        if (Interlocked.CompareExchange(ref call.State, 1, 0) == 0)
        {
            Terminate(call);
        }
    }

    [SipRespondsTo(SipMethod.Invite)]
    private void Terminate(Call call) =>
        call.LastResponse = Send(call.Invite, call.Peer, SipStatusCode.RequestTerminated, toTag: call.ToTag);

    /// <summary>An ACK takes no response (RFC 3261 §17.1.1.3): it ends its INVITE transaction.</summary>
    private void Ack(SipMessage request)
    {
        if (_calls.TryGetValue(request.Header("Call-ID")!, out var call))
        {
            call.LastResponse = null;
        }
    }

    /// <summary>
    /// Writes and sends a response to <paramref name="request"/>: its Via, From, To (with the dialog's tag), Call-ID
    /// and CSeq, the <paramref name="extra"/> headers, and every header the code requires that they lack.
    /// </summary>
    private string Send(SipMessage request, IPEndPoint peer, SipStatusCode code, string? toTag = null, string body = "",
        IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var text = new StringBuilder();
        text.Append("SIP/2.0 ").Append((int)code).Append(' ').Append(code.GetReasonPhrase()).Append("\r\n");
        foreach (var via in request.All("Via"))
        {
            text.Append("Via: ").Append(via).Append("\r\n");
        }
        var to = request.Header("To")!;
        if (code != SipStatusCode.Trying && SipMessage.Parameter(to, "tag") is null)
        {
            to += ";tag=" + (toTag ?? Tag());
        }
        text.Append("From: ").Append(request.Header("From")).Append("\r\n");
        text.Append("To: ").Append(to).Append("\r\n");
        text.Append("Call-ID: ").Append(request.Header("Call-ID")).Append("\r\n");
        text.Append("CSeq: ").Append(request.Header("CSeq")).Append("\r\n");
        var headers = (extra ?? Array.Empty<KeyValuePair<string, string>>()).ToList();
        foreach (var required in code.GetRequiredHeaders())
        {
            if (!headers.Any(h => string.Equals(h.Key, required, StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(new(required, RequiredValue(required)));
            }
        }
        foreach (var header in headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }
        text.Append("Server: Codebook SipServer\r\n");
        text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        var message = text.ToString();
        Resend(message, peer);
        _tally.Sent(code);
        Console.WriteLine($"-> {(int)code} {code.GetReasonPhrase()} to {request.CSeq()!.Value.Method} from {peer} (Call-ID {request.Header("Call-ID")})");
        return message;
    }

    private void Resend(string message, IPEndPoint peer)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        _socket.Send(bytes, bytes.Length, peer);
    }

    /// <summary>The value this server gives a header a code requires (SipStatusCode.GetRequiredHeaders).</summary>
    private string RequiredValue(string header)
    {
        switch (header)
        {
            case "Allow":
                return AllowValue;
            case "WWW-Authenticate":
                var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                _nonces[nonce] = true;
                return $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\"";
            case "Min-Expires":
                return MinExpires.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case "Contact":
                return $"<sip:codebook@{LocalEndPoint}>";
            default:
                throw new InvalidOperationException($"no value for the required header {header}");
        }
    }

    private static string AllowValue => string.Join(", ", Supported.Select(m => m.ToToken()));

    /// <summary>RFC 2617 digest, as RFC 3261 §22.4 uses it: MD5, qop auth or none, a nonce this server issued.</summary>
    private bool Authorized(string authorization, string method)
    {
        if (!authorization.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in SplitParameters(authorization.Substring(7)))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                fields[part.Substring(0, equals).Trim()] = part.Substring(equals + 1).Trim().Trim('"');
            }
        }
        if (!fields.TryGetValue("username", out var user) || !fields.TryGetValue("nonce", out var nonce) || !_nonces.ContainsKey(nonce)
            || !fields.TryGetValue("uri", out var uri) || !fields.TryGetValue("response", out var response))
        {
            return false;
        }
        var ha1 = Md5($"{user}:{Realm}:{_password}");
        var ha2 = Md5($"{method}:{uri}");
        var expected = fields.TryGetValue("qop", out var qop) && qop == "auth"
            ? Md5($"{ha1}:{nonce}:{fields.GetValueOrDefault("nc")}:{fields.GetValueOrDefault("cnonce")}:auth:{ha2}")
            : Md5($"{ha1}:{nonce}:{ha2}");
        return string.Equals(expected, response, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SplitParameters(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }
        yield return text.Substring(start);
    }

    private static string Md5(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string Tag() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    /// <summary>The URI inside a name-addr: <c>"Alice" &lt;sip:alice@host&gt;;tag=1</c> -> <c>sip:alice@host</c>.</summary>
    private static string Uri(string value)
    {
        var open = value.IndexOf('<');
        var close = value.IndexOf('>');
        return open >= 0 && close > open ? value.Substring(open + 1, close - open - 1) : value.Split(';')[0].Trim();
    }
}
