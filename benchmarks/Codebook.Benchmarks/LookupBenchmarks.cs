using System.Globalization;
using BenchmarkDotNet.Attributes;
using Codebook.Sip;

namespace Codebook.Benchmarks;

/// <summary>The other generated lookups, on a SIP proxy's mix of codes (a few undefined).</summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private readonly int[] _codes = Workloads.SipMixed;

    [Benchmark(Baseline = true, OperationsPerInvoke = Workloads.Lookups, Description = "GetReasonPhrase (SIP)")]
    public int ReasonPhrase()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += ((SipStatusCode)code).GetReasonPhrase().Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "ToUserMessage(zh-CN)")]
    public int UserMessage()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += ((SipStatusCode)code).ToUserMessage(Chinese).Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "FromValueOrClassDefault")]
    public int ClassDefault()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += (int)SipStatusCodes.FromValueOrClassDefault(code);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "IsAllowedFor(CANCEL)")]
    public int AllowedFor()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += ((SipStatusCode)code).IsAllowedFor(SipMethod.Cancel) ? 1 : 0;
        }
        return sum;
    }
}
