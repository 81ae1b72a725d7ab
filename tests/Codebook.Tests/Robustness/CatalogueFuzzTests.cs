using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Codebook.Catalogue;
using Codebook.Tests.Harness;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace Codebook.Tests.Robustness;

/// <summary>One edit of a catalogue's text, as FsCheck draws and shrinks them.</summary>
public sealed record Mutation(int Kind, int Where, int What)
{
    public override string ToString() => $"({Kind},{Where},{What})";
}

/// <summary>
/// Property tests over mutated catalogues (deleted, duplicated, swapped, re-indented, retyped and truncated
/// lines, injected garbage): the generator never throws, what it generates always compiles without a warning,
/// and every problem is located inside the file. 2,000 cases in CI; set CODEBOOK_FUZZ_CASES for more.
/// </summary>
public class CatalogueFuzzTests
{
    public const string CasesVariable = "CODEBOOK_FUZZ_CASES";

    private static readonly string Seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz-seed.codes.yaml"));

    /// <summary>Values that are troublesome in YAML, in C# or in both.</summary>
    internal static readonly string[] Hostile =
    {
        "\"", "\\", "*/", "/*", "#", "{", "}", "@", "class", "9lives", "设备", "😀", "\u202E", "\u200B", "\u2028",
        "[a, b]", "{x: y}", "~", "null", "true", "-1", "99999999999", "&a", "*a", "!!binary", "|", ">", "---", "...",
        ": :", "'", "\t", "\"unterminated", "<summary>", "&amp;", "\\u0000", "0x1F", "1e3", "INVITE", "uas", "base",
        "child", "200", "999", "099", "#if DEBUG", "}\n}\nclass Evil {", "\"); System.Environment.Exit(1); //",
    };

    private static readonly ConcurrentDictionary<string, string?> CompiledOutputs = new();

    private readonly ITestOutputHelper _output;

    public CatalogueFuzzTests(ITestOutputHelper output) => _output = output;

    internal static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        var lines = text.Split('\n').ToList();
        foreach (var m in mutations)
        {
            if (lines.Count == 0)
            {
                lines.Add("");
            }
            var at = Math.Abs(m.Where) % lines.Count;
            var payload = Hostile[Math.Abs(m.What) % Hostile.Length];
            switch (Math.Abs(m.Kind) % 9)
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2 when at + 1 < lines.Count: (lines[at], lines[at + 1]) = (lines[at + 1], lines[at]); break;
                case 3:
                    var joined = string.Join("\n", lines);
                    lines = joined.Substring(0, Math.Abs(m.What * 7919 + m.Where) % (joined.Length + 1)).Split('\n').ToList();
                    break;
                case 4:
                    var line = lines[at];
                    var column = Math.Abs(m.What) % (line.Length + 1);
                    lines[at] = line.Insert(column, payload);
                    break;
                case 5:
                    // Replace the value after "key: " (or the whole line) with a hostile scalar.
                    var colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    lines[at] = colon >= 0 ? lines[at].Substring(0, colon + 2) + payload : payload;
                    break;
                case 6: lines[at] = m.What % 2 == 0 ? "  " + lines[at] : lines[at].StartsWith("  ", StringComparison.Ordinal) ? lines[at].Substring(2) : lines[at]; break;
                case 7:
                    // Retype the value: a list, a mapping, a number or nothing.
                    var separator = lines[at].IndexOf(": ", StringComparison.Ordinal);
                    if (separator >= 0)
                    {
                        var retyped = (Math.Abs(m.What) % 4) switch { 0 => "[1, 2]", 1 => "{ a: b }", 2 => "42", _ => "" };
                        lines[at] = lines[at].Substring(0, separator + 2) + retyped;
                    }
                    break;
                default:
                    lines.Insert(at, new string(' ', Math.Abs(m.What) % 9) + payload + ": " + payload);
                    break;
            }
        }
        return string.Join("\n", lines);
    }

    /// <summary>The properties every catalogue text must satisfy; returns a failure description or null.</summary>
    internal static string? Verify(string text)
    {
        const string path = "/fuzz/codes.yaml";
        var problems = new List<CatalogueProblem>();
        try
        {
            EmbeddedCatalogue.Compose(new[] { new CatalogueSource(path, text) }, null, problems);
        }
        catch (Exception e)
        {
            return "composing the catalogue threw: " + e;
        }
        // Lines as editors and Roslyn count them: \u2028, \u2029 and \u0085 break lines too (and YAML agrees).
        var lineCount = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.Count;
        foreach (var problem in problems)
        {
            if (problem.Range.Path != path || problem.Range.Start.Line < 1 || problem.Range.Start.Line > lineCount + 1 || problem.Range.Start.Column < 1)
            {
                return $"problem not located inside the file: {problem}";
            }
        }

        GeneratorRun run;
        try
        {
            run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { (path, text) }, sources: Array.Empty<string>());
        }
        catch (Exception e)
        {
            return "the generator threw: " + e;
        }

        var key = string.Join("\u0001", run.Sources.OrderBy(s => s.Key).Select(s => s.Key + "\u0002" + s.Value));
        return CompiledOutputs.GetOrAdd(key, _ =>
        {
            var errors = run.CompilationProblems;
            return errors.Count == 0 ? null : "the generated code does not compile cleanly: " + string.Join("; ", errors.Take(5));
        });
    }

    [Fact]
    public void The_seed_is_valid_and_generates()
    {
        var problems = new List<CatalogueProblem>();
        var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/fuzz/codes.yaml", Seed) }, null, problems);
        Assert.Empty(problems);
        Assert.Equal(new[] { "base", "child" }, model.Protocols.Select(p => p.Key));
        Assert.Null(Verify(Seed));
    }

    [Fact]
    public void Mutated_catalogues_never_break_the_build()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var n) && n > 0 ? n : 2000;
        var mutation = Gen.Choose(0, 8).SelectMany(kind => Gen.Choose(0, 200), (kind, where) => (kind, where))
            .SelectMany(x => Gen.Choose(0, 10000), (x, what) => new Mutation(x.kind, x.where, what));
        var mutations = Gen.ListOf(mutation).Select(list => list.Take(6).ToArray()).ToArbitrary();

        var checkedCases = 0;
        var property = Prop.ForAll(mutations, list =>
        {
            checkedCases++;
            var failure = Verify(Apply(Seed, list));
            return failure is null ? true : throw new Exception($"mutations [{string.Join(", ", list.Select(m => m.ToString()))}]: {failure}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
        _output.WriteLine($"{checkedCases} mutated catalogues checked, {CompiledOutputs.Count} distinct generated outputs compiled");
        Assert.True(checkedCases >= cases);
    }
}

/// <summary>Inputs the fuzzer found that once broke something, kept as regular tests.</summary>
public class FuzzRegressionTests
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz-seed.codes.yaml"));

    [Theory]
    [InlineData(4, 63, 724)] // YamlDotNet's scanner threw InvalidOperationException (not a YamlException)
    [InlineData(5, 102, 6113)] // a protocol without class defaults got an empty switch (CS1522)
    public void Found_by_the_fuzzer(int kind, int where, int what)
    {
        Assert.Null(CatalogueFuzzTests.Verify(CatalogueFuzzTests.Apply(Seed, new[] { new Mutation(kind, where, what) })));
    }

    [Fact]
    public void A_scanner_failure_is_CB0001_not_an_exception()
    {
        var text = CatalogueFuzzTests.Apply(Seed, new[] { new Mutation(4, 63, 724) });
        var problems = new List<CatalogueProblem>();
        EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", text) }, null, problems);
        Assert.Contains(problems, p => p.Id == "CB0001" && p.Range.Path == "/p/codes.yaml");
    }
}
