using System.Linq;
using Codebook.Catalogue;
using Xunit;

namespace Codebook.Tests.Catalogue;

/// <summary>Every mistake in a catalogue becomes a problem at the line and column where it was written.</summary>
public class CatalogueProblemTests
{
    private static CatalogueProblem Single(string yaml)
    {
        var (_, problems) = CatalogueFixture.Compose(yaml);
        Assert.True(problems.Count == 1, string.Join("\n", problems));
        return problems[0];
    }

    private static void AssertAt(CatalogueProblem problem, string id, int line, int column, string messagePart)
    {
        Assert.Equal(id, problem.Id);
        Assert.Equal("/project/codes.yaml", problem.Range.Path);
        Assert.Equal(new SourcePosition(line, column), problem.Range.Start);
        Assert.Contains(messagePart, problem.Message);
    }

    [Fact]
    public void Generate_that_is_not_a_boolean_is_CB0002_at_the_value()
    {
        var (model, problems) = CatalogueFixture.Compose("use: [sip]\nprotocols:\n  sip: { generate: maybe }\n");
        AssertAt(Assert.Single(problems), ProblemIds.InvalidEntry, 3, 20, "expected generate to be true or false but found");
        Assert.Single(model.Protocols); // the value is dropped, so sip is generated as usual
    }

    [Theory]
    [InlineData("stacks:\n  sipsorcery: maybe\n", ProblemIds.InvalidEntry, 2, 15, "expected stack 'sipsorcery' to be false (to turn it off), true, or a map")]
    [InlineData("stacks:\n  acme:\n    sip: [Acme.Status]\n", ProblemIds.InvalidEntry, 3, 10, "stack 'acme' for 'sip'")]
    [InlineData("stacks:\n  acme:\n    nope: { status-types: [Acme.Status] }\n", ProblemIds.UndeclaredReference, 3, 5, "interop names protocol 'nope'")]
    [InlineData("interop:\n  http:\n    implied-codes: { Acme.Results.Gone: gone }\n", ProblemIds.InvalidEntry, 3, 41, "expected the status code 'Acme.Results.Gone' sends, a number such as 204, but found 'gone'")]
    [InlineData("interop:\n  http:\n    handler-calls: { Acme.Routes.MapFetch: FETCH }\n", ProblemIds.UndeclaredReference, 3, 44, "handler-calls maps 'Acme.Routes.MapFetch' to 'FETCH', which is not a method of protocol 'http'")]
    [InlineData("interop:\n  rtsp:\n    request-types: { Acme.PlayRequest: [PLAY] }\n", ProblemIds.InvalidEntry, 3, 40, "expected what 'Acme.PlayRequest' stands for to be text")]
    [InlineData("interop:\n  http:\n    sink-role: server\n", ProblemIds.UndeclaredReference, 3, 16, "sink-role names 'server', which is not a role of protocol 'http'")]
    [InlineData("interop:\n  http:\n    sink-role: handler\nstacks:\n  acme:\n    http: { sink-role: origin }\n", ProblemIds.Duplicate, 6, 24, "sink-role for protocol 'http' is already 'handler'")]
    [InlineData("interop:\n  sip:\n    header-members: { Allow: Acme.Reply }\n", ProblemIds.InvalidEntry, 3, 30, "expected the members that set Allow to be a list")]
    public void Mistakes_in_stacks_and_the_new_interop_keys_are_located(string yaml, string id, int line, int column, string messagePart) =>
        AssertAt(Single(yaml), id, line, column, messagePart);

    [Fact]
    public void Invalid_yaml_is_CB0001_at_the_error()
    {
        var problem = Single("protocols:\n  sip:\n    codes:\n      499: { reason: \"unterminated\n");
        Assert.Equal(ProblemIds.InvalidYaml, problem.Id);
        Assert.Equal(4, problem.Range.Start.Line);
        Assert.StartsWith("codes.yaml is not valid YAML", problem.Message);
    }

    [Fact]
    public void Broken_yaml_still_generates_the_embedded_catalogue()
    {
        var (model, _) = CatalogueFixture.Compose("protocols: [unclosed");
        Assert.Equal(5, model.Protocols.Count);
    }

    [Fact]
    public void Unknown_key_is_CB0002_at_the_key()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499:\n        reason: Custom\n        colour: red\n"),
            ProblemIds.InvalidEntry, 6, 9, "unknown key 'colour' in code 499; expected one of: reason, name");
    }

    [Fact]
    public void Wrong_type_is_CB0002_at_the_value()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499:\n        reason: [a, b]\n"),
            ProblemIds.InvalidEntry, 5, 17, "expected reason to be text but found a list");
        AssertAt(Single("protocols:\n  sip:\n    range: 100\n"),
            ProblemIds.InvalidEntry, 3, 12, "expected range as a list of two numbers");
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      abc: { reason: X }\n"),
            ProblemIds.InvalidEntry, 4, 7, "expected a status code");
    }

    [Fact]
    public void Missing_reason_is_CB0002_at_the_code()
    {
        AssertAt(Single("protocols:\n  mine:\n    prefix: Mine\n    codes:\n      200: { reference: here }\n"),
            ProblemIds.InvalidEntry, 5, 7, "code 200 has no reason");
    }

    [Fact]
    public void Code_outside_the_range_is_CB0002()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      799: { reason: Too High }\n"),
            ProblemIds.InvalidEntry, 4, 7, "code 799 is outside protocol 'sip''s range [100, 699]");
    }

    [Fact]
    public void Duplicate_code_is_CB0003_at_the_second_one()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: One }\n      499: { reason: Two }\n"),
            ProblemIds.Duplicate, 5, 7, "duplicate key '499'");
    }

    [Fact]
    public void Duplicate_member_name_is_CB0003()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: Ringing }\n"),
            ProblemIds.Duplicate, 4, 22, "would be named 'Ringing', like code 180");
    }

    [Fact]
    public void Undeclared_method_role_or_protocol_is_CB0004()
    {
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: Custom, methods: [INVITE, FETCH] }\n"),
            ProblemIds.UndeclaredReference, 4, 48, "methods names method 'FETCH', which protocol 'sip' does not declare");
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: Custom, emitters: [gateway] }\n"),
            ProblemIds.UndeclaredReference, 4, 41, "emitters names role 'gateway'");
        AssertAt(Single("protocols:\n  mine:\n    extends: sipp\n    prefix: Mine\n"),
            ProblemIds.UndeclaredReference, 3, 14, "extends 'sipp', which is not declared");
        AssertAt(Single("use: [sip, rstp]\n"),
            ProblemIds.UndeclaredReference, 1, 12, "use names protocol 'rstp'");
    }

    [Fact]
    public void Extends_cycle_is_CB0004_and_not_a_crash()
    {
        var (model, problems) = CatalogueFixture.Compose("protocols:\n  a:\n    extends: b\n    prefix: A\n  b:\n    extends: a\n    prefix: B\n");
        Assert.Contains(problems, p => p.Id == ProblemIds.UndeclaredReference && p.Message.Contains("cycle"));
        Assert.DoesNotContain(model.Protocols, p => p.Key is "a" or "b");
    }

    [Fact]
    public void Protocol_without_prefix_is_CB0002()
    {
        AssertAt(Single("protocols:\n  mine:\n    codes:\n      200: OK\n"),
            ProblemIds.InvalidEntry, 2, 3, "protocol 'mine' has no prefix; add one such as 'prefix: Mine'");
    }

    [Fact]
    public void Two_documents_are_reported()
    {
        AssertAt(Single("namespace: A\n---\nnamespace: B\n"), ProblemIds.InvalidEntry, 2, 1, "single YAML document");
    }

    [Fact]
    public void Bad_names_are_CB0002()
    {
        AssertAt(Single("namespace: My.class.Codes\n"), ProblemIds.InvalidEntry, 1, 12, "expected namespace to be a C# namespace");
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: Custom, name: 9lives }\n"), ProblemIds.InvalidEntry, 4, 36, "expected name to be a C# identifier");
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499: { reason: \"!!!\" }\n"), ProblemIds.InvalidEntry, 4, 22, "add 'name: <identifier>'");
        AssertAt(Single("protocols:\n  sip:\n    codes:\n      499:\n        reason: Custom\n        user: { zh_CN: 你好 }\n"), ProblemIds.InvalidEntry, 6, 17, "culture name");
    }

    [Fact]
    public void A_suggestion_of_a_code_left_out_is_CB0004_at_the_suggestion_and_is_dropped()
    {
        var (model, problems) = CatalogueFixture.Compose("protocols:\n  sip:\n    codes:\n      498: { reason: Fine, instead: { proxy: 499 } }\n      499: { colour: red }\n");
        var suggestion = Assert.Single(problems, p => p.Range.Start.Line == 4);
        AssertAt(suggestion, ProblemIds.UndeclaredReference, 4, 46, "instead suggests code 499, whose own entry has a problem (reported there) and is left out");
        Assert.Empty(model.Protocol("sip").Code(498).Instead);
        Assert.Contains(problems, p => p.Range.Start.Line == 5);
    }

    [Fact]
    public void A_broken_entry_costs_only_that_entry()
    {
        var (model, problems) = CatalogueFixture.Compose("protocols:\n  sip:\n    codes:\n      498: { reason: Fine }\n      499: { colour: red }\n");
        Assert.Equal(2, problems.Count);
        var sip = model.Protocol("sip");
        Assert.Equal("Fine", sip.Code(498).Reason);
        Assert.DoesNotContain(sip.Codes, c => c.Value == 499);
        Assert.Equal(76, sip.Codes.Count);
    }

    [Fact]
    public void Empty_file_changes_nothing()
    {
        var (model, problems) = CatalogueFixture.Compose("");
        Assert.Empty(problems);
        Assert.Equal(CatalogueFixture.Compose().Model, model);
        Assert.Empty(CatalogueFixture.Compose("# only a comment\n").Problems);
    }
}
