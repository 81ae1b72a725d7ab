using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Catalogue;
using Codebook.Tests.Analysis;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Robustness;

/// <summary>Defects a code review found, each kept as a test of the fix.</summary>
public class ReviewRegressionTests : AnalyzerTestBase
{
    private static (GeneratorRun Run, List<CatalogueProblem> Problems) Generate(string yaml)
    {
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", yaml) }); // throws if the generator throws
        Assert.Empty(run.CompilationProblems);
        var problems = new List<CatalogueProblem>();
        EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", yaml) }, null, problems);
        return (run, problems);
    }

    [Fact]
    public void The_same_code_written_two_ways_is_CB0003()
    {
        var (_, problems) = Generate("use: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      404: Not Found\n      0404: Lost\n");
        Assert.Contains(problems, p => p.Id == "CB0003" && p.Range.Start.Line == 7);
    }

    [Fact]
    public void Prefixes_that_differ_only_by_case_are_CB0003()
    {
        var (run, problems) = Generate("protocols:\n  http2:\n    extends: http\n    prefix: HTTP\n");
        Assert.Contains(problems, p => p.Id == "CB0003" && p.Message.Contains("prefix 'HTTP'"));
        Assert.DoesNotContain("HTTPStatusCode.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_very_deep_extends_chain_is_CB0004_not_a_stack_overflow()
    {
        var yaml = "use: []\nprotocols:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"  p{i}:\n    prefix: P{i}\n    extends: p{i + 1}\n")) + "  p300:\n    prefix: P300\n    codes: { 200: OK }\n";
        var (_, problems) = Generate(yaml);
        Assert.Contains(problems, p => p.Id == "CB0004" && p.Message.Contains("levels of extends deep"));
    }

    [Fact]
    public void Aliases_of_mappings_cannot_multiply_the_work_without_bound()
    {
        var messages = string.Join(", ", Enumerable.Range(0, 200).Select(i => $"{(char)('a' + i / 26)}{(char)('a' + i % 26)}: x"));
        var yaml = $"use: []\nprotocols:\n  p0:\n    prefix: P0\n    codes: &c\n" + string.Concat(Enumerable.Range(100, 500).Select(c => $"      {c}: {{ reason: R{c}, user: &u{c} {{ {messages} }} }}\n"))
                   + string.Concat(Enumerable.Range(1, 40).Select(i => $"  p{i}:\n    prefix: P{i}\n    codes: *c\n"));
        var problems = new List<CatalogueProblem>();
        var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", yaml) }, null, problems);
        Assert.Contains(problems, p => p.Message.Contains("more than a million entries"));
        Assert.True(model.Protocols.Sum(p => p.Codes.Sum(c => c.User.Count)) <= 1_000_000);
    }

    [Fact]
    public void Repeated_no_response_methods_are_CB0003_and_compile()
    {
        var (_, problems) = Generate("use: []\nprotocols:\n  p:\n    prefix: P\n    methods: [GET, ACK]\n    no-response: [ACK, ACK]\n    codes: { 200: OK }\n");
        Assert.Contains(problems, p => p.Id == "CB0003" && p.Message.Contains("no-response lists method 'ACK' twice"));
    }

    [Fact]
    public void Braces_in_messages_are_never_touched()
    {
        var (run, _) = Generate("use: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      200: { reason: \"Install {VERSION}\" }\n");
        Assert.Contains("\"Install {VERSION}\"", run.Sources["PStatusCode.g.cs"]);
        Assert.DoesNotContain("{VERSION}", run.Sources["StatusClass.g.cs"]);
    }

    [Fact]
    public void StatusClass_is_not_a_prefix()
    {
        var (_, problems) = Generate("use: []\nprotocols:\n  p:\n    prefix: StatusClass\n    codes: { 200: OK }\n");
        Assert.Contains(problems, p => p.Id == "CB0002" && p.Message.Contains("not StatusClass"));
    }

    [Fact]
    public async Task Analyzer_edge_cases_neither_throw_nor_mislead()
    {
        await AnalyzerHarness.VerifyAsync(Prelude + @"
public enum Wide : ulong { Invalid = ulong.MaxValue, Ok = 200, ServerError = 500 }
public static class Edge
{
    [SipRespondsTo(null)]
    public static SipStatusCode NullMethods() => SipStatusCode.Ok;

    public static Wide Foreign() => Wide.Invalid;

    public static bool Zero(SipStatusCode code) { SipStatusCode none = 0; return code == 0 || none == 0; }

    public static void Strings(string reason) { Send2(SipStatusCode.MethodNotAllowed, ""ACK"", ""Update""); }

    public static void Send2(SipStatusCode code, string header, string reason) { }
}", new[] { ("/p/codes.yaml", "interop:\n  sip:\n    status-types: [Wide]\n") }, null, "CB1004");
    }
}
