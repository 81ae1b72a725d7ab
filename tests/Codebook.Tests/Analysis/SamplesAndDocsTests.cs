using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Analysis;

public class SamplesAndDocsTests
{
    [Fact]
    public async Task Misuse_gallery_is_flagged_exactly_on_its_expect_lines()
    {
        var source = File.ReadAllText(TestPaths.Repository("samples", "MisuseGallery", "Program.cs"));
        var actual = FlaggedAsExpected(source, await AnalyzerHarness.AnalyzeAsync(source, outputKind: OutputKind.ConsoleApplication));
        // Each usage rule appears in the gallery.
        Assert.Equal(new[] { "CB1001", "CB1002", "CB1003", "CB1004", "CB1005", "CB1006", "CB1007" }, actual.Select(a => a.Id).Distinct().OrderBy(i => i));
    }

    [Fact]
    public async Task The_HTTP_part_of_the_misuse_gallery_is_flagged_exactly_on_its_expect_lines()
    {
        var source = File.ReadAllText(TestPaths.Repository("samples", "MisuseGallery", "Http.cs"));
        var actual = FlaggedAsExpected(source, await AnalyzerHarness.AnalyzeAsync(source, references: AspNetCoreReferences.All));
        Assert.Equal(new[] { "CB1001", "CB1002", "CB1004", "CB1005", "CB1006", "CB1007", "CB1008" }, actual.Select(a => a.Id).Distinct().OrderBy(i => i));
    }

    [Fact]
    public async Task The_ASP_NET_Core_sample_has_no_diagnostics()
    {
        var source = File.ReadAllText(TestPaths.Repository("samples", "HttpApi", "Program.cs"));
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(source, outputKind: OutputKind.ConsoleApplication, references: AspNetCoreReferences.All));
    }

    /// <summary>Asserts that exactly the lines marked "// expect: CB..." are flagged, with those IDs; returns what was flagged.</summary>
    private static System.Collections.Generic.List<(int Line, string Id)> FlaggedAsExpected(string source, System.Collections.Generic.IReadOnlyList<Diagnostic> diagnostics)
    {
        var lines = source.Split('\n');
        var expected = lines
            .Select((line, index) => (Line: index, Match: Regex.Match(line, @"// expect: (?<ids>(CB\d{4} ?)+)")))
            .Where(x => x.Match.Success)
            .SelectMany(x => x.Match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => (x.Line, Id: id)))
            .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var actual = diagnostics
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, d.Id))
            .OrderBy(x => x.Line).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
        return actual;
    }

    [Fact]
    public async Task The_realistic_sample_has_no_diagnostics()
    {
        var sources = Directory.EnumerateFiles(TestPaths.Repository("samples", "SipRegistrarProxy"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Select(File.ReadAllText)
            .ToList();
        Assert.True(sources.Count >= 4);
        // The sample's .editorconfig makes its Proxy folder a proxy; [SipRole] on the registrar wins over it.
        foreach (var role in new[] { null, "proxy" })
        {
            var editorConfig = role is null ? null : new System.Collections.Generic.Dictionary<string, string> { ["codebook.sip.role"] = role };
            Assert.Empty(await AnalyzerHarness.AnalyzeAsync(sources[0], editorConfig: editorConfig, outputKind: OutputKind.ConsoleApplication, moreSources: sources.Skip(1)));
        }
    }

    [Fact]
    public void Every_diagnostic_has_its_page_and_a_help_link_to_it()
    {
        var descriptors = AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        Assert.Equal(15, descriptors.Count);
        foreach (var descriptor in descriptors)
        {
            var page = TestPaths.Repository("docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing");
            Assert.StartsWith($"# {descriptor.Id}", File.ReadAllText(page));
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.Contains(descriptor.Id, File.ReadAllText(TestPaths.Repository("docs", "rules", "README.md")));
        }
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var unshipped = File.ReadAllText(TestPaths.Repository("src", "Codebook.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.Contains($"{descriptor.Id} | Codebook | {descriptor.DefaultSeverity}", unshipped);
        }
    }
}
