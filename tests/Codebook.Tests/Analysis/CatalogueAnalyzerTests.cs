using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Analysis;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Codebook.Tests.Analysis;

/// <summary>CB0001-CB0004 reach the build at the file, line and column of codes.yaml.</summary>
public class CatalogueAnalyzerTests
{
    private static async Task<Diagnostic> SingleAsync(string yaml)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", new[] { ("/project/codes.yaml", yaml) });
        return Assert.Single(diagnostics);
    }

    [Theory]
    [InlineData("protocols:\n  sip:\n    codes:\n      499: { reason: \"open\n", "CB0001", 4, 22)]
    [InlineData("protocols:\n  sip:\n    codes:\n      499:\n        reason: Custom\n        colour: red\n", "CB0002", 6, 9)]
    [InlineData("protocols:\n  sip:\n    codes:\n      799: { reason: Too High }\n", "CB0002", 4, 7)]
    [InlineData("protocols:\n  sip:\n    codes:\n      499: { reason: Ringing }\n", "CB0003", 4, 22)]
    [InlineData("protocols:\n  sip:\n    codes:\n      499: { reason: Custom, methods: [FETCH] }\n", "CB0004", 4, 40)]
    public async Task Problems_are_reported_in_codes_yaml(string yaml, string id, int line, int column)
    {
        var diagnostic = await SingleAsync(yaml);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/codes.yaml", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal($"https://github.com/codebook-dev/codebook/blob/main/docs/rules/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task A_valid_catalogue_reports_nothing()
    {
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync("class C { }", new[] { ("/project/codes.yaml", "use: [sip]\n") }));
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync("class C { }"));
    }

    [Fact]
    public async Task A_bad_namespace_property_is_reported_without_a_file()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", properties: new Dictionary<string, string> { ["CodebookNamespace"] = "Not A Namespace" });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CB0002", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
    }

    [Fact]
    public async Task Without_generated_types_the_usage_analyzer_registers_no_operation_work()
    {
        // A compilation the generator did not run on: no status types, so each member body's start registers nothing.
        var compilation = GeneratorHarness.Compilation(TargetFramework.Net100, sources: new[] { "class C { int F() { var x = 1; return x + 2; } }" });
        var catalogue = CatalogueSnapshot.Get(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), compilation, default);
        Assert.Null(CodebookSymbols.Resolve(compilation, catalogue));
        var analyzer = new StatusCodeUsageAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        Assert.Equal(1, telemetry.CompilationStartActionsCount);
        Assert.Equal(1, telemetry.OperationBlockStartActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount); // nothing registered compilation-wide, per operation

        // With the generated types present, the symbols resolve and the rules run.
        var run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { "using Codebook.Sip; class D { SipStatusCode F() => (SipStatusCode)487; }" });
        Assert.NotNull(CodebookSymbols.Resolve(run.Output, catalogue));
        withAnalyzers = run.Output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        Assert.Contains(await withAnalyzers.GetAnalyzerDiagnosticsAsync(), d => d.Id == "CB1007");
    }
}
