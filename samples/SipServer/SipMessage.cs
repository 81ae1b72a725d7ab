using System;
using System.Collections.Generic;
using System.Text;

namespace SipServer;

/// <summary>
/// One SIP message as it arrived in a datagram: the start line, the header fields in order (compact names
/// expanded), and the body. Only what a registrar and a user agent server need; anything it cannot read is null.
/// </summary>
public sealed class SipMessage
{
    private static readonly Dictionary<string, string> CompactNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["v"] = "Via", ["f"] = "From", ["t"] = "To", ["i"] = "Call-ID", ["m"] = "Contact", ["l"] = "Content-Length", ["c"] = "Content-Type",
    };

    private SipMessage(string startLine, List<KeyValuePair<string, string>> headers, string body)
    {
        StartLine = startLine;
        Headers = headers;
        Body = body;
    }

    public string StartLine { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public string Body { get; }

    /// <summary>The first line of a datagram, as bytes in place: what the generated UTF-8 status-line parser reads.</summary>
    public static ReadOnlySpan<byte> FirstLine(byte[] datagram)
    {
        var end = Array.IndexOf(datagram, (byte)'\r');
        return datagram.AsSpan(0, end < 0 ? datagram.Length : end);
    }

    /// <summary>Reads a datagram; null when it has no header section ending in an empty line, or a line without a colon.</summary>
    public static SipMessage? Parse(ReadOnlySpan<byte> datagram)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(datagram);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var separator = 4;
        if (end < 0)
        {
            end = text.IndexOf("\n\n", StringComparison.Ordinal);
            separator = 2;
        }
        if (end <= 0)
        {
            return null;
        }
        var lines = text.Substring(0, end).Replace("\r\n", "\n").Split('\n');
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && (lines[i][0] == ' ' || lines[i][0] == '\t') && headers.Count > 0)
            {
                // A folded line continues the previous header.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + lines[i].Trim());
                continue;
            }
            var colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }
            var name = lines[i].Substring(0, colon).Trim();
            headers.Add(new(CompactNames.TryGetValue(name, out var full) ? full : name, lines[i].Substring(colon + 1).Trim()));
        }
        return new SipMessage(lines[0].Trim(), headers, text.Substring(end + separator));
    }

    /// <summary>The first value of a header, compared without case; null when absent.</summary>
    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    /// <summary>Every value of a header, in order (Via may occur several times).</summary>
    public IEnumerable<string> All(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return header.Value;
            }
        }
    }

    /// <summary>"1 INVITE" -> (1, "INVITE").</summary>
    public (long Number, string Method)? CSeq()
    {
        var parts = Header("CSeq")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 2 } && long.TryParse(parts[0], out var number) ? (number, parts[1]) : null;
    }

    /// <summary>A parameter of a header value: <c>expires=60</c> in <c>&lt;sip:a@b&gt;;expires=60</c>.</summary>
    public static string? Parameter(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }
        var start = value.IndexOf('>') is var close and >= 0 ? close : 0;
        foreach (var part in value.Substring(start).Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && string.Equals(part.Substring(0, equals).Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return part.Substring(equals + 1).Trim().Trim('"');
            }
        }
        return null;
    }
}
