using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Codebook.Tests.Robustness;

/// <summary>
/// Text from codes.yaml can never become code: each hostile value either round-trips exactly through the
/// generated API or is reported as CB0002 at its place, and the generated files declare exactly the members a
/// benign catalogue of the same shape declares.
/// </summary>
public class InjectionTests
{
    public static IEnumerable<object[]> HostileValues() => new[]
    {
        "quote \" inside", "back\\slash", "line\nbreak", "carriage\rreturn", "comment */ end", "/* open", "#if DEBUG",
        "# hash", "{ braces }", "}}}", "@verbatim", "class", "namespace", "1leading digit", "设备不在线", "emoji 😀 here",
        "rtl \u202E override", "zero\u200Bwidth", "line\u2028separator", "para\u2029graph", "next\u0085line",
        "nul\u0000char", "bell\u0007", "tab\tbed", "\"); System.Environment.Exit(1); //", "</summary><script>", "&amp; &lt;",
        "\\u0022 escaped quote", "{0} format", "$\"{interpolated}\"", "'single'", "trailing space ", " leading space",
    }.Select(v => new object[] { v });

    private const string Template = "namespace: Inj\nuse: []\nprotocols:\n  p:\n    prefix: P\n    methods: [GET]\n    roles: [server]\n    codes:\n" +
                                    "      200:\n        reason: REASON\n        user: { en: USER, zh-CN: USER }\n        engineer: { en: ENGINEER }\n";

    private static string Catalogue(string reason, string user, string engineer) =>
        Template.Replace("REASON", Yaml.Quote(reason)).Replace("USER", Yaml.Quote(user)).Replace("ENGINEER", Yaml.Quote(engineer));

    /// <summary>The shape of the generated code: every declared type and member, by kind and name.</summary>
    private static List<string> Shape(GeneratorRun run, params string[] ignoredNames) =>
        run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs"))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
            .Select(m => m.Kind() + " " + (m switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.Text,
                MethodDeclarationSyntax method => method.Identifier.Text,
                PropertyDeclarationSyntax property => property.Identifier.Text,
                EnumMemberDeclarationSyntax member => ignoredNames.Contains(member.Identifier.Text) ? "*" : member.Identifier.Text,
                ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
                _ => "",
            }))
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Reasons_and_messages_round_trip_or_are_reported(string value)
    {
        var baseline = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", Catalogue("Fine", "User", "Engineer")) });
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", Catalogue(value, value, value)) });
        Assert.Empty(run.CompilationProblems);

        var problems = new List<Codebook.Catalogue.CatalogueProblem>();
        var model = Codebook.Catalogue.EmbeddedCatalogue.Compose(new[] { new Codebook.Catalogue.CatalogueSource("/p/codes.yaml", Catalogue(value, value, value)) }, null, problems);
        var code = model.Protocols.Single().Codes.SingleOrDefault();

        // No directive other than #nullable, and the same declarations as the benign catalogue.
        foreach (var tree in run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs")))
        {
            var directives = tree.GetRoot().DescendantTrivia().Where(t => t.IsDirective).Select(t => t.ToString().Trim()).ToList();
            Assert.All(directives, d => Assert.Equal("#nullable enable", d));
        }
        if (code is null)
        {
            // Refused: reported as CB0002 at the reason, in the file.
            var problem = Assert.Single(problems);
            Assert.Equal("CB0002", problem.Id);
            Assert.Equal("/p/codes.yaml", problem.Range.Path);
            Assert.Equal(10, problem.Range.Start.Line);
            return;
        }

        Assert.Empty(problems);
        Assert.Equal(Shape(baseline, "Fine"), Shape(run, code.Name));
        using var assembly = new LoadedAssembly(run.Output);
        var status = assembly.Enum("Inj.P.PStatusCode", 200);
        Assert.Equal(value, assembly.Call("Inj.P.PStatusCodeExtensions", "GetReasonPhrase", status));
        Assert.Equal(value, assembly.Call("Inj.P.PStatusCodeExtensions", "ToUserMessage", status, CultureInfo.GetCultureInfo("en")));
        Assert.Equal(value, assembly.Call("Inj.P.PStatusCodeExtensions", "ToUserMessage", status, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(value, assembly.Call("Inj.P.PStatusCodeExtensions", "ToEngineerMessage", status, CultureInfo.GetCultureInfo("en")));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Names_keys_and_tokens_are_valid_or_reported(string value)
    {
        var quoted = Yaml.Quote(value);
        var places = new (string Yaml, int Line)[]
        {
            ($"namespace: {quoted}\nuse: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      200: OK\n", 1),
            ($"use: []\nprotocols:\n  {quoted}:\n    prefix: P\n    codes:\n      200: OK\n", 3),
            ($"use: []\nprotocols:\n  p:\n    prefix: {quoted}\n    codes:\n      200: OK\n", 4),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      200: {{ reason: OK, name: {quoted} }}\n", 6),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    methods: [{quoted}]\n    codes:\n      200: OK\n", 5),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    roles: [{quoted}]\n    codes:\n      200: OK\n", 5),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    versions: [{quoted}]\n    codes:\n      200: OK\n", 5),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      200: {{ reason: OK, headers: [{quoted}] }}\n", 6),
            ($"use: []\nprotocols:\n  p:\n    prefix: P\n    codes:\n      200: {{ reason: OK, user: {{ {quoted}: hello }} }}\n", 6),
        };
        foreach (var (yaml, line) in places)
        {
            var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", yaml) });
            Assert.Empty(run.CompilationProblems);
            foreach (var tree in run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs")))
            {
                Assert.All(tree.GetRoot().DescendantTrivia().Where(t => t.IsDirective), d => Assert.Equal("#nullable enable", d.ToString().Trim()));
            }
            var problems = new List<Codebook.Catalogue.CatalogueProblem>();
            Codebook.Catalogue.EmbeddedCatalogue.Compose(new[] { new Codebook.Catalogue.CatalogueSource("/p/codes.yaml", yaml) }, null, problems);
            Assert.All(problems, p =>
            {
                Assert.Equal("CB0002", p.Id);
                Assert.Equal(("/p/codes.yaml", line), (p.Range.Path, p.Range.Start.Line));
            });
        }
    }
}
