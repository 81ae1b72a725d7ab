using System;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Codebook.Sip;

namespace Codebook.Benchmarks;

/// <summary>Status-line parsing: generated parsers against string.Split + int.Parse.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly string[] _lines = Workloads.SipMixed
        .Select(code => $"SIP/2.0 {code} {((SipStatusCode)code).GetReasonPhrase()}")
        .ToArray();

    private byte[][] _utf8 = Array.Empty<byte[]>();

    [GlobalSetup]
    public void Setup() => _utf8 = _lines.Select(Encoding.UTF8.GetBytes).ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = Workloads.Lookups, Description = "string.Split + int.Parse")]
    public int SplitAndParse()
    {
        var sum = 0;
        foreach (var line in _lines)
        {
            var parts = line.Split(' ', 3);
            sum += int.Parse(parts[1], CultureInfo.InvariantCulture) + (parts.Length > 2 ? parts[2].Length : 0);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "TryParseStatusLine(string)")]
    public int String()
    {
        var sum = 0;
        foreach (var line in _lines)
        {
            if (SipStatusCodes.TryParseStatusLine(line, out var code, out var reason))
            {
                sum += (int)code + reason.Length;
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "TryParseStatusLine(ReadOnlySpan<char>)")]
    public int Chars()
    {
        var sum = 0;
        foreach (var line in _lines)
        {
            if (SipStatusCodes.TryParseStatusLine(line.AsSpan(), out var code, out var reason))
            {
                sum += (int)code + reason.Length;
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "TryParseStatusLine(UTF-8 bytes)")]
    public int Utf8()
    {
        var sum = 0;
        foreach (var line in _utf8)
        {
            if (SipStatusCodes.TryParseStatusLine(line.AsSpan(), out var code, out var reason))
            {
                sum += (int)code + reason.Length;
            }
        }
        return sum;
    }
}
