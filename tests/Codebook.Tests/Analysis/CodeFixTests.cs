using System.Collections.Generic;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Analysis;

public class CodeFixTests : AnalyzerTestBase
{
    [Fact]
    public async Task CB1007_replaces_the_number_with_the_member()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync(Prelude + "public static class N { public static void Go() => Wire.Send((SipStatusCode)487 /* keep */); }", "CB1007");
        Assert.EndsWith("public static class N { public static void Go() => Wire.Send(SipStatusCode.RequestTerminated /* keep */); }", fixedSource);
    }

    [Fact]
    public async Task CB1007_replaces_a_number_cast_to_the_nullable()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync(Prelude + "public static class N { public static SipStatusCode? Go() => (SipStatusCode?)487; }", "CB1007");
        Assert.EndsWith("public static class N { public static SipStatusCode? Go() => SipStatusCode.RequestTerminated; }", fixedSource);
    }

    [Fact]
    public async Task CB1004_replaces_an_undefined_number_with_its_class_default()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync(Prelude + "public static class N { public static SipStatusCode Go() => (Codebook.Sip.SipStatusCode)499; public static SipStatusCode Early() => (SipStatusCode)155; }", "CB1004");
        Assert.EndsWith("public static class N { public static SipStatusCode Go() => Codebook.Sip.SipStatusCode.BadRequest; public static SipStatusCode Early() => SipStatusCode.SessionProgress; }", fixedSource);
    }

    [Fact]
    public async Task CB1002_uses_the_catalogues_instead_suggestion()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync(Prelude + "[SipRole(SipRole.Proxy)] public static class P { public static void Go() => Wire.Send(SipStatusCode.Unauthorized); }", "CB1002");
        Assert.EndsWith("Wire.Send(SipStatusCode.ProxyAuthenticationRequired); }", fixedSource);
    }

    [Fact]
    public async Task CB1001_uses_the_catalogues_instead_suggestion()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync(Prelude + "public static class S { [SipRespondsTo(SipMethod.Subscribe)] public static SipStatusCode Go() => SipStatusCode.Accepted; }", "CB1001");
        Assert.EndsWith("public static SipStatusCode Go() => SipStatusCode.Ok; }", fixedSource);
    }

    [Fact]
    public async Task No_fix_is_offered_without_a_suggestion()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(Prelude + "[SipRole(SipRole.Proxy)] public static class P { public static void Go() => Wire.Send(SipStatusCode.UseProxy); }");
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CB1002");
        Assert.False(diagnostic.Properties.ContainsKey("Replacement"));
        // FixAllAsync would fail on "Assert.Single(actions)" if a fix were registered; check directly.
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var document = workspace.CurrentSolution.AddProject("C", "C", "C#").AddDocument("Source0.cs", Prelude);
        await new Codebook.CodeFixes.StatusCodeCodeFixProvider().RegisterCodeFixesAsync(
            new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), default));
        Assert.Empty(actions);
    }
}
