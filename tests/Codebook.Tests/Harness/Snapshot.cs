using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Codebook.Tests.Harness;

/// <summary>
/// Snapshot checks with Verify's file conventions, so Verify can replace this later: the expected text lives in
/// <c>Snapshots/{Test}.{name}.verified.cs</c> beside the test file; on a mismatch the actual text is written to
/// <c>.received.cs</c> and the test fails. Set CODEBOOK_ACCEPT_SNAPSHOTS=1 to accept received text as verified.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "CODEBOOK_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, string extension = "cs", [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var stem = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(testFile)}.{test}.{name}");
        var verified = $"{stem}.verified.{extension}";
        var received = $"{stem}.received.{extension}";
        actual = Normalize(actual);

        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot yet: review {received} and rename it to .verified.{extension} (or run with {AcceptVariable}=1)."
            : $"The output differs from {verified}; see {received} (run with {AcceptVariable}=1 to accept it).\n{FirstDifference(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"first difference at line {i + 1}:\n- {left}\n+ {right}";
            }
        }
        return "";
    }
}
