using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Codebook.Sip;

namespace SipServer;

/// <summary>The status codes sent and received, printed as a table when the program stops.</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<int, int> _sent = new();
    private readonly ConcurrentDictionary<int, int> _received = new();

    public void Sent(SipStatusCode code) => _sent.AddOrUpdate((int)code, 1, (_, n) => n + 1);

    public void Received(SipStatusCode code) => _received.AddOrUpdate((int)code, 1, (_, n) => n + 1);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Code | Reason | Class | Sent | Received |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var value in _sent.Keys.Concat(_received.Keys).Distinct().OrderBy(v => v))
        {
            // A code the catalogue lacks still counts: FromValueOrClassDefault names its class default.
            var reason = SipStatusCodes.TryFromValue(value, out var code) ? code.GetReasonPhrase() : "(not in the catalogue)";
            var statusClass = SipStatusCodes.FromValueOrClassDefault(value).GetStatusClass();
            Console.WriteLine($"| {value} | {reason} | {statusClass} | {_sent.GetValueOrDefault(value)} | {_received.GetValueOrDefault(value)} |");
        }
        Console.WriteLine($"| total | | | {_sent.Values.Sum()} | {_received.Values.Sum()} |");
    }
}
