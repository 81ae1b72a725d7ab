using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.WebUtilities;
using CodebookHttp = Codebook.Http.HttpStatusCode;
using NetHttp = System.Net.HttpStatusCode;

namespace Codebook.Benchmarks;

/// <summary>Reason phrase lookup: the generated table against what a user would otherwise use.</summary>
[MemoryDiagnoser]
public class ReasonPhraseBenchmarks
{
    private int[] _codes = Array.Empty<int>();
    private Dictionary<int, string> _dictionary = new();
    private FrozenDictionary<int, string> _frozen = FrozenDictionary<int, string>.Empty;

    [Params("Mixed", "Predictable")]
    public string Workload { get; set; } = "Mixed";

    [GlobalSetup]
    public void Setup()
    {
        _codes = Workloads.For(Workload);
        _dictionary = global::Codebook.Http.HttpStatusCodes.All.ToDictionary(c => (int)c, c => global::Codebook.Http.HttpStatusCodeExtensions.GetReasonPhrase(c));
        _frozen = _dictionary.ToFrozenDictionary();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workloads.Lookups, Description = "ASP.NET Core ReasonPhrases")]
    public int AspNetCore()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += ReasonPhrases.GetReasonPhrase(code).Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "Codebook GetReasonPhrase")]
    public int Generated()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += Http.HttpStatusCodeExtensions.GetReasonPhrase((CodebookHttp)code).Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "System.Net.HttpStatusCode.ToString()")]
    public int EnumToString()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += ((NetHttp)code).ToString().Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "Enum.Parse(ToString()) as SIP stacks do")]
    public int EnumParse()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            var parsed = (NetHttp)Enum.Parse(typeof(NetHttp), code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sum += parsed.ToString().Length;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "Dictionary<int, string>")]
    public int Dictionary()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += _dictionary.TryGetValue(code, out var phrase) ? phrase.Length : 0;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Workloads.Lookups, Description = "FrozenDictionary<int, string>")]
    public int Frozen()
    {
        var sum = 0;
        foreach (var code in _codes)
        {
            sum += _frozen.TryGetValue(code, out var phrase) ? phrase.Length : 0;
        }
        return sum;
    }
}
