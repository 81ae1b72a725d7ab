using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace Codebook.Tests.Harness;

/// <summary>Source with expected diagnostics marked as <c>{|CB1001:text|}</c>, and the same source without marks.</summary>
internal sealed record Markup(string Source, IReadOnlyList<(string Id, TextSpan Span)> Expected)
{
    /// <summary>Reads <c>{|ID:text|}</c> marks, which may nest (<c>{|CB1001:{|CB1005:x|}|}</c>).</summary>
    public static Markup Parse(string markup)
    {
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        var source = new System.Text.StringBuilder();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, new TextSpan(start, source.Length - start)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }
        return new Markup(source.ToString(), expected);
    }
}

/// <summary>
/// Runs the generator, then Codebook's analyzers, the way a build does. Any analyzer exception fails the test
/// (it would be AD0001 in a build), and so does any compiler error: the test code must compile.
/// </summary>
internal static class AnalyzerHarness
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        ImmutableArray.Create<DiagnosticAnalyzer>(new StatusCodeUsageAnalyzer(), new CatalogueDiagnosticsAnalyzer());

    public static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(
        string source,
        IEnumerable<(string Path, string Text)>? catalogues = null,
        IReadOnlyDictionary<string, string>? editorConfig = null,
        IReadOnlyDictionary<string, string>? properties = null,
        bool requireCompiles = true,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<string>? moreSources = null,
        IEnumerable<MetadataReference>? references = null,
        string assemblyName = "Consumer")
    {
        var texts = (catalogues ?? Enumerable.Empty<(string, string)>()).Select(c => (AdditionalText)new InMemoryText(c.Item1, c.Item2)).ToImmutableArray();
        var compilation = GeneratorHarness.Compilation(TargetFramework.Net100, sources: new[] { source }.Concat(moreSources ?? Enumerable.Empty<string>()),
            references: references, assemblyName: assemblyName);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default).WithOutputKind(outputKind));
        var config = new BuildProperties(properties, editorConfig);
        var driver = CSharpGeneratorDriver.Create(new[] { new Codebook.Generation.CodebookGenerator().AsSourceGenerator() }, texts,
            (CSharpParseOptions)compilation.SyntaxTrees[0].Options, config);
        var generatorExceptions = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _)
            .GetRunResult().Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        if (generatorExceptions.Count > 0)
        {
            throw new XunitException("the generator threw (CS8785 in a build):\n" + string.Join("\n", generatorExceptions));
        }

        if (requireCompiles)
        {
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the test code does not compile:\n" + string.Join("\n", errors));
        }

        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = output.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, config),
            onAnalyzerException: (e, _, _) => exceptions.Enqueue(e),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        if (!exceptions.IsEmpty)
        {
            throw new XunitException("an analyzer threw (AD0001 in a build):\n" + string.Join("\n", exceptions));
        }
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("CB", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary>Exactly the marked diagnostics are reported, at the marked spans.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> VerifyAsync(
        string markup,
        IEnumerable<(string Path, string Text)>? catalogues = null,
        IReadOnlyDictionary<string, string>? editorConfig = null,
        params string[] ignoredIds) =>
        await VerifyAsync(markup, references: null, catalogues, editorConfig, ignoredIds);

    /// <summary>Exactly the marked diagnostics are reported, in a project with these references.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> VerifyAsync(
        string markup,
        IEnumerable<MetadataReference>? references,
        IEnumerable<(string Path, string Text)>? catalogues = null,
        IReadOnlyDictionary<string, string>? editorConfig = null,
        string[]? ignoredIds = null,
        string assemblyName = "Consumer")
    {
        ignoredIds ??= System.Array.Empty<string>();
        var parsed = Markup.Parse(markup);
        // CB1006 (required headers) fires on most sends of 401, 405, 423 ...: tests of other rules do not mark it.
        var ignored = parsed.Expected.Any(e => e.Id == "CB1006") ? ignoredIds : ignoredIds.Append("CB1006").ToArray();
        var actual = (await AnalyzeAsync(parsed.Source, catalogues, editorConfig, references: references, assemblyName: assemblyName))
            .Where(d => d.Location.IsInSource && !ignored.Contains(d.Id))
            .ToList();
        var actualSet = actual.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(x => x.SourceSpan.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        var expected = parsed.Expected.OrderBy(x => x.Span.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actualSet))
        {
            string Describe(string id, TextSpan span) => $"{id} at {span}: '{parsed.Source.Substring(span.Start, span.Length)}'";
            throw new XunitException(
                "expected:\n  " + string.Join("\n  ", expected.Select(e => Describe(e.Id, e.Span))) +
                "\nactual:\n  " + string.Join("\n  ", actual.Select(d => Describe(d.Id, d.Location.SourceSpan) + " — " + d.GetMessage())));
        }
        return actual;
    }
}
