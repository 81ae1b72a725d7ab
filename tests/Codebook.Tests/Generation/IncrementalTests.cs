using System.Collections.Generic;
using System.Linq;
using Codebook.Generation;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Codebook.Tests.Generation;

/// <summary>
/// The generator does no catalogue work on an unrelated edit, and an edit of codes.yaml that changes no meaning
/// (whitespace, comments) stops at the model: nothing is emitted again.
/// </summary>
public class IncrementalTests
{
    private const string Catalogue = "protocols:\n  sip:\n    codes:\n      498: { reason: Custom }\n";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, InMemoryText Text) FirstRun(string catalogue)
    {
        var compilation = GeneratorHarness.Compilation(TargetFramework.Net100, sources: new[] { "class A { }" });
        var text = new InMemoryText("/p/codes.yaml", catalogue);
        var driver = GeneratorHarness.CreateDriver(compilation, new[] { text });
        driver = driver.RunGenerators(compilation);
        return (driver, compilation, text);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_catalogue_step_cached()
    {
        var (driver, compilation, _) = FirstRun(Catalogue);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", (CSharpParseOptions)compilation.SyntaxTrees[0].Options));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(Reasons(result, CodebookGenerator.Steps.CatalogueFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, CodebookGenerator.Steps.Catalogue), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, CodebookGenerator.Steps.EmitOptions), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, CodebookGenerator.Steps.Protocols), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(OutputReasons(result), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.NotEmpty(OutputReasons(result));
    }

    [Theory]
    [InlineData("protocols:\n  sip:\n    codes:\n      498: { reason: Custom }   \n\n")]
    [InlineData("# a comment\nprotocols:\n  sip:\n    codes:\n      # another\n      498: { reason: Custom } # and one more\n")]
    [InlineData("protocols:\r\n  sip:\r\n    codes:\r\n      498:\r\n        reason: Custom\r\n")]
    public void A_meaningless_catalogue_edit_stops_at_the_model(string edit)
    {
        var (driver, compilation, text) = FirstRun(Catalogue);
        driver = driver.ReplaceAdditionalText(text, new InMemoryText(text.Path, edit));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, CodebookGenerator.Steps.CatalogueFiles));
        Assert.All(Reasons(result, CodebookGenerator.Steps.Catalogue), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(result, CodebookGenerator.Steps.Protocols), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(OutputReasons(result), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void A_real_catalogue_edit_regenerates_only_the_protocols_it_changes()
    {
        var (driver, compilation, text) = FirstRun(Catalogue);
        driver = driver.ReplaceAdditionalText(text, new InMemoryText(text.Path, Catalogue.Replace("Custom", "Changed")));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(Reasons(result, CodebookGenerator.Steps.Catalogue), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        var protocols = Reasons(result, CodebookGenerator.Steps.Protocols).ToList();
        // sip changes and so does gb28181, which extends it; rtsp, rtsp2 and http stay as they were.
        Assert.Equal(2, protocols.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(3, protocols.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.Contains("Changed", result.GeneratedSources.Single(s => s.HintName == "SipStatusCode.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Output_is_deterministic_across_runs()
    {
        var first = GeneratorHarness.Run(TargetFramework.Net100).Sources;
        var second = GeneratorHarness.Run(TargetFramework.Net100).Sources;
        Assert.Equal(first, second);
    }
}
