using System;
using System.Linq;

namespace Codebook.Benchmarks;

/// <summary>The code sequences the lookups run over: 32 lookups per operation.</summary>
public static class Workloads
{
    public const int Lookups = 32;

    /// <summary>
    /// About 30 different HTTP codes in the proportions of a busy server (mostly 2xx/3xx/4xx), shuffled with a
    /// fixed seed: the branch predictor cannot learn the order.
    /// </summary>
    public static readonly int[] Mixed = Shuffle(new[]
    {
        200, 200, 201, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 408, 409, 410, 412,
        413, 415, 416, 422, 429, 500, 501, 502, 503, 504, 505,
    });

    /// <summary>Only 200s: what a healthy API mostly answers.</summary>
    public static readonly int[] Predictable = Enumerable.Repeat(200, Lookups).ToArray();

    /// <summary>SIP codes of a proxy's day, including a few the catalogue does not define.</summary>
    public static readonly int[] SipMixed = Shuffle(new[]
    {
        100, 180, 183, 200, 200, 202, 302, 401, 403, 404, 407, 408, 415, 420, 423, 431, 480, 481, 482, 483, 486,
        487, 488, 491, 499, 500, 503, 504, 600, 603, 155, 699,
    });

    public static int[] For(string workload) => workload == nameof(Mixed) ? Mixed : Predictable;

    private static int[] Shuffle(int[] codes)
    {
        var random = new Random(2326);
        return codes.OrderBy(_ => random.Next()).ToArray();
    }
}
