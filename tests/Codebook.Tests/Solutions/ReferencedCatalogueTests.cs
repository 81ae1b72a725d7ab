using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Codebook.Catalogue;
using Codebook.Generation;
using Codebook.Tests.Catalogue;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Codebook.Tests.Solutions;

/// <summary>
/// Projects that reference a project built with Codebook: they use its types instead of generating their own,
/// and their analyzers judge those types by the catalogue the reference recorded.
/// </summary>
public class ReferencedCatalogueTests
{
    private static readonly MetadataReference ContractsImage = SolutionHarness.Library("Contracts", SolutionHarness.Contracts, SolutionHarness.ContractsCatalogue);

    private const string Server = """
        using Codebook.Sip;
        namespace Server
        {
            public static class Wire { public static void Send(SipStatusCode code) { } }

            public static class Handler
            {
                public static SipStatusCode Registered(string user) => Contracts.Registrar.Register(user);

                public static void Handle(SipMethod method)
                {
                    if (method == SipMethod.Cancel)
                    {
                        Wire.Send(SipStatusCode.Ok);
                        Wire.Send({|CB1001:SipStatusCode.RequestTerminated|});
                    }
                    if (method == SipMethod.Register)
                    {
                        Wire.Send({|CB1001:SipStatusCode.SendFailed|});
                    }
                    if (method == SipMethod.Invite)
                    {
                        Wire.Send(SipStatusCode.SendFailed);
                    }
                }
            }
        }
        """;

    public static IEnumerable<object[]> ReferenceKinds() => new[] { new object[] { "image" }, new object[] { "compilation" } };

    private static MetadataReference Contracts(string kind) =>
        kind == "image" ? ContractsImage : SolutionHarness.Library("Contracts", SolutionHarness.Contracts, SolutionHarness.ContractsCatalogue, asCompilation: true);

    [Theory]
    [MemberData(nameof(ReferenceKinds))]
    public async Task A_project_that_references_a_catalogue_generates_nothing_and_is_judged_by_it(string kind)
    {
        var reference = Contracts(kind);
        var run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { Markup.Parse(Server).Source }, references: new[] { reference }, assemblyName: "Server");
        Assert.Empty(run.Sources); // no SipStatusCode of its own (CS0436), nor any other embedded protocol
        Assert.Empty(SolutionHarness.Problems(run)); // Contracts' SipStatusCode is the one type: no CS0266

        var diagnostics = await AnalyzerHarness.VerifyAsync(Server, new[] { reference }, assemblyName: "Server");
        Assert.Equal(
            new[]
            {
                "SIP 487 Request Terminated is not sent in reply to CANCEL (RFC 3261 §21.4.25)",
                "SIP 477 Send Failed is not sent in reply to REGISTER (Contracts' trunk rules)",
            },
            diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public async Task Three_levels_use_the_types_of_the_one_that_generated_them()
    {
        var server = SolutionHarness.Library("Server", "namespace Server { public static class Api { public static Codebook.Sip.SipStatusCode Ok() => Codebook.Sip.SipStatusCode.Ok; } }",
            references: new[] { ContractsImage });
        var app = """
            using Codebook.Sip;
            public static class App
            {
                public static void Send(SipStatusCode code) { }
                [SipRespondsTo(SipMethod.Cancel)]
                public static void OnCancel() { Send(Server.Api.Ok()); Send({|CB1001:SipStatusCode.RequestTerminated|}); }
            }
            """;
        var run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { Markup.Parse(app).Source }, references: new[] { server, ContractsImage }, assemblyName: "App");
        Assert.Empty(run.Sources);
        Assert.Empty(SolutionHarness.Problems(run));
        await AnalyzerHarness.VerifyAsync(app, new[] { server, ContractsImage }, assemblyName: "App");
    }

    [Fact]
    public async Task Internal_types_are_used_where_InternalsVisibleTo_reaches_and_ignored_elsewhere()
    {
        var visibleToTests = SolutionHarness.Library("Internal", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Internal.Tests\")]",
            properties: new Dictionary<string, string> { ["CodebookVisibility"] = "internal" });
        var tests = "using Codebook.Sip;\ninternal static class T { public static void Send(SipStatusCode c) { } [SipRespondsTo(SipMethod.Ack)] public static void OnAck() => Send({|CB1003:SipStatusCode.Ok|}); }";
        var run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { Markup.Parse(tests).Source }, references: new[] { visibleToTests }, assemblyName: "Internal.Tests");
        Assert.Empty(run.Sources);
        Assert.Empty(SolutionHarness.Problems(run));
        await AnalyzerHarness.VerifyAsync(tests, new[] { visibleToTests }, assemblyName: "Internal.Tests");

        // A project the internals are not visible to cannot use them: it generates its own, without a clash.
        run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { Markup.Parse(tests).Source }, references: new[] { visibleToTests }, assemblyName: "Other");
        Assert.Contains("SipStatusCode.g.cs", run.Sources.Keys);
        Assert.Empty(SolutionHarness.Problems(run));
    }

    [Fact]
    public async Task Redefining_a_referenced_protocol_is_CB0005_at_its_key()
    {
        var yaml = "use: [sip]\nprotocols:\n  sip:\n    codes:\n      478: { reason: Mine }\n";
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", new[] { ("/server/codes.yaml", yaml) }, references: new[] { ContractsImage }, assemblyName: "Server");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CB0005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/server/codes.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 2), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("generated by the referenced assembly 'Contracts' (types in Codebook.Sip)", diagnostic.GetMessage());
        Assert.Contains("extends: sip", diagnostic.GetMessage());

        // Nothing is generated in its place: the referenced types stay the only ones.
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/server/codes.yaml", yaml) }, references: new[] { ContractsImage }, assemblyName: "Server");
        Assert.Empty(run.Sources);
    }

    [Fact]
    public async Task Two_references_with_the_same_types_are_CB0006_naming_both()
    {
        var left = SolutionHarness.Library("Left", "class L { }");
        var right = SolutionHarness.Library("Right", "class R { }");
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", references: new[] { left, right }, assemblyName: "App");
        // One warning for the pair, naming every protocol they both generate.
        var diamond = Assert.Single(diagnostics);
        Assert.Equal("CB0006", diamond.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diamond.Severity);
        Assert.StartsWith("the referenced assemblies 'Left' and 'Right' both generate protocols 'sip', 'gb28181', 'rtsp', 'rtsp2', 'http' and StatusClass with the same types (Codebook.Sip.SipStatusCode, ", diamond.GetMessage());
        Assert.Contains("Codebook.Http.HttpStatusCode, Codebook.StatusClass)", diamond.GetMessage());
        Assert.Contains("<CodebookVisibility>internal</CodebookVisibility>", diamond.GetMessage());

        // Two unreadable records are two problems, though neither has a place.
        var odd = SolutionHarness.Library("Odd", "[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", \"1:3\")]", catalogue: "use: []\n");
        var damaged = SolutionHarness.Library("Damaged", "[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", \"x\")]", catalogue: "use: []\n");
        Assert.Equal(2, (await AnalyzerHarness.AnalyzeAsync("class C { }", references: new[] { odd, damaged }, assemblyName: "App")).Count(d => d.Id == "CB0007"));

        // The remedy it names: built internal, the right-hand library's types no longer meet the left's.
        var internalRight = SolutionHarness.Library("Right", "class R { }", properties: new Dictionary<string, string> { ["CodebookVisibility"] = "internal" });
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync("class C { }", references: new[] { left, internalRight }, assemblyName: "App"));
    }

    [Fact]
    public async Task A_downstream_protocol_extends_a_referenced_one_with_its_rules()
    {
        var yaml = "protocols:\n  trunk:\n    extends: sip\n    prefix: Trunk\n    codes:\n      478: { reason: Trunk Busy, methods: [INVITE] }\n";
        var source = """
            using Codebook.Trunk;
            public static class App
            {
                public static void Send(TrunkStatusCode code) { }
                public static Codebook.StatusClass Class => TrunkStatusCode.SendFailed.GetStatusClass();
                [TrunkRespondsTo(TrunkMethod.Register)]
                public static void OnRegister() { Send({|CB1001:TrunkStatusCode.SendFailed|}); Send({|CB1001:TrunkStatusCode.TrunkBusy|}); Send(TrunkStatusCode.Ok); }
            }
            """;
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/app/codes.yaml", yaml) }, sources: new[] { Markup.Parse(source).Source },
            references: new[] { ContractsImage }, assemblyName: "App");
        // Its own protocol and its record; StatusClass is Contracts' (same root namespace), so no clash either.
        Assert.Equal(new[] { "CodebookCatalogue.g.cs", "TrunkStatusCode.g.cs" }, run.Sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Empty(SolutionHarness.Problems(run));
        Assert.Contains("SendFailed = 477", run.Sources["TrunkStatusCode.g.cs"]);
        await AnalyzerHarness.VerifyAsync(source, new[] { ContractsImage }, new[] { ("/app/codes.yaml", yaml) }, assemblyName: "App");
    }

    [Fact]
    public void A_referenced_protocol_rebuilt_as_an_entry_composes_to_the_same_model()
    {
        // Extending with nothing added gives back the referenced protocol, rule for rule, under the new key.
        foreach (var protocol in CatalogueFixture.Compose().Model.Protocols)
        {
            var record = new RecordText("Lib", CatalogueRecord.Write("Codebook", true, protocol, null));
            var yaml = $"use: [copy]\nprotocols:\n  copy:\n    extends: {protocol.Key}\n    prefix: {protocol.Prefix}Copy\n";
            var problems = new List<CatalogueProblem>();
            var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", yaml) }, null, problems, new[] { record });
            Assert.Empty(problems);
            var copy = Assert.Single(model.Protocols);
            Assert.Equal(protocol with { Key = "copy", Prefix = protocol.Prefix + "Copy" }, copy);
        }
    }

    [Fact]
    public async Task Generate_false_checks_a_stack_without_generating_types()
    {
        var stack = "namespace Acme { public enum Code { Ok = 200, Terminated = 487 } public enum Verb { INVITE, CANCEL } public static class Wire { public static void Send(Code c) { } } }";
        var yaml = "use: [sip]\nprotocols:\n  sip: { generate: false }\ninterop:\n  sip:\n    status-types: [Acme.Code]\n    method-types: [Acme.Verb]\n";
        var source = stack + "\npublic static class H { public static void On(Acme.Verb v) { if (v == Acme.Verb.CANCEL) Acme.Wire.Send({|CB1001:Acme.Code.Terminated|}); } }";
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", yaml) }, sources: new[] { Markup.Parse(source).Source });
        Assert.Empty(run.Sources);
        await AnalyzerHarness.VerifyAsync(source, new[] { ("/p/codes.yaml", yaml) });
    }

    [Theory]
    [InlineData("1:4", "format 4, and this Codebook reads format 3 and older")]
    [InlineData("1:1garbage", "cannot be read")]
    [InlineData("", "cannot be read")]
    public async Task An_unreadable_record_is_CB0007_naming_the_assembly(string text, string expected)
    {
        var odd = SolutionHarness.Library("Odd", $"[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", \"{text}\")]", catalogue: "use: []\n");
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", references: new[] { odd }, assemblyName: "App");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CB0007", diagnostic.Id);
        Assert.Contains("the referenced assembly 'Odd' was built with Codebook", diagnostic.GetMessage());
        Assert.Contains(expected, diagnostic.GetMessage());
    }

    [Fact]
    public async Task Siblings_with_different_protocols_still_share_StatusClass()
    {
        var sip = SolutionHarness.Library("SipLib", "class S { }", catalogue: "use: [sip]\n");
        var rtsp = SolutionHarness.Library("RtspLib", "class R { }", catalogue: "use: [rtsp]\n");
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync("class C { }", references: new[] { sip, rtsp }, assemblyName: "App"));
        Assert.Equal("CB0006", diagnostic.Id);
        Assert.StartsWith("the referenced assemblies 'RtspLib' and 'SipLib' both generate StatusClass with the same types (Codebook.StatusClass)", diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_record_from_a_newer_Codebook_still_keeps_its_types_from_being_generated_again()
    {
        var newer = SolutionHarness.Library("Newer", "[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", \"1:3\")]\npublic static class Api { public static Codebook.Sip.SipStatusCode Code() => Codebook.Sip.SipStatusCode.Ok; }",
            catalogue: "use: [sip]\n");
        var app = "public static class App { public static Codebook.Sip.SipStatusCode Code() => Api.Code(); }";
        var run = GeneratorHarness.Run(TargetFramework.Net100, sources: new[] { app }, references: new[] { newer }, assemblyName: "App");
        Assert.Empty(SolutionHarness.Problems(run)); // no second SipStatusCode (CS0436) beside Newer's
        Assert.DoesNotContain("SipStatusCode.g.cs", run.Sources.Keys);
        Assert.Contains(await AnalyzerHarness.AnalyzeAsync(app, references: new[] { newer }, assemblyName: "App"), d => d.Id == "CB0007");
    }

    [Fact]
    public void StatusClass_is_generated_unless_a_reference_really_brings_one()
    {
        // A record without the types beside it (written by hand here): the extending protocol still compiles.
        var sip = CatalogueFixture.Compose().Model.Protocols[0];
        var bare = SolutionHarness.Library("Bare", $"[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(CatalogueRecord.Write("Codebook", true, sip, null), true)})]", catalogue: "use: []\n");
        var yaml = new[] { ("/app/codes.yaml", "protocols:\n  trunk: { extends: sip, prefix: Trunk }\n") };
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: yaml, references: new[] { bare }, assemblyName: "App");
        Assert.Contains("StatusClass.g.cs", run.Sources.Keys);
        Assert.Empty(SolutionHarness.Problems(run));

        // With the types there (Contracts), its StatusClass is the one used.
        run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: yaml, references: new[] { ContractsImage }, assemblyName: "App");
        Assert.DoesNotContain("StatusClass.g.cs", run.Sources.Keys);
        Assert.Empty(SolutionHarness.Problems(run));

        // A StatusClass another assembly keeps internal is none this project can use: alone it makes the project
        // generate its own, beside a usable one it changes nothing.
        var hidden = SolutionHarness.Library("Hidden", "namespace Codebook { internal enum StatusClass { Unknown } }", catalogue: "use: []\n");
        run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: yaml, references: new[] { bare, hidden }, assemblyName: "App");
        Assert.Contains("StatusClass.g.cs", run.Sources.Keys);
        Assert.Empty(SolutionHarness.Problems(run));
        run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: yaml, references: new[] { ContractsImage, hidden }, assemblyName: "App");
        Assert.DoesNotContain("StatusClass.g.cs", run.Sources.Keys);
        Assert.Empty(SolutionHarness.Problems(run));
    }

    [Fact]
    public async Task A_record_with_duplicate_codes_is_CB0007_not_a_crash()
    {
        var sip = CatalogueFixture.Compose().Model.Protocols[0];
        var damaged = sip with { Codes = sip.Codes.Concat(new[] { sip.Codes[0] }).ToEquatableArray() };
        Assert.Null(CatalogueRecord.Read(new RecordText("Lib", CatalogueRecord.Write("Codebook", true, damaged, null)), out var error));
        Assert.Contains("duplicate or out-of-range entries", error);
        var library = SolutionHarness.Library("Damaged", $"[assembly: System.Reflection.AssemblyMetadata(\"Codebook.Protocol\", {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(CatalogueRecord.Write("Codebook", true, damaged, null), true)})]", catalogue: "use: []\n");
        var yaml = new[] { ("/app/codes.yaml", "protocols:\n  trunk: { extends: sip, prefix: Trunk }\n") };
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("class C { }", yaml, references: new[] { library }, assemblyName: "App");
        Assert.Contains(diagnostics, d => d.Id == "CB0007");
    }

    [Fact]
    public async Task A_method_the_extending_protocol_adds_is_allowed_where_the_referenced_rule_excludes_others()
    {
        // sip's 401 is written "not-methods: [ACK, CANCEL]": a method trunk adds may get it, as with the embedded sip.
        var methods = "[INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE, KEEPALIVE]";
        var yaml = new[] { ("/app/codes.yaml", $"protocols:\n  trunk:\n    extends: sip\n    prefix: Trunk\n    methods: {methods}\n") };
        var source = """
            using Codebook.Trunk;
            public static class App
            {
                public static void Send(TrunkStatusCode code) { }
                [TrunkRespondsTo(TrunkMethod.Keepalive)] public static void OnKeepalive() { Send(TrunkStatusCode.Unauthorized); var wwwAuthenticate = 1; }
                [TrunkRespondsTo(TrunkMethod.Cancel)] public static void OnCancel() { Send({|CB1001:TrunkStatusCode.Unauthorized|}); var wwwAuthenticate = 1; }
            }
            """;
        await AnalyzerHarness.VerifyAsync(source, new[] { ContractsImage }, yaml, assemblyName: "App");
    }

    [Fact]
    public void Every_embedded_protocol_survives_the_record()
    {
        var model = CatalogueFixture.Compose().Model;
        foreach (var protocol in model.Protocols)
        {
            var interop = new InteropModel(protocol.Key, new[] { "A.Status" }.ToEquatableArray(), EquatableArray<string>.Empty, new[] { "A.Codes" }.ToEquatableArray(),
                new[] { "A.Method" }.ToEquatableArray(), new[] { "A.Request.Method" }.ToEquatableArray(), new[] { new MappedMethod("A.PlayRequest", "PLAY") }.ToEquatableArray(),
                new[] { new HeaderMember("Allow", "A.Response.Create") }.ToEquatableArray(), new[] { new ImpliedCode("A.Results.Empty", 204) }.ToEquatableArray(),
                new[] { new MappedMethod("A.Routes.OnPlay", "PLAY"), new MappedMethod("A.Routes.On", "") }.ToEquatableArray(),
                new[] { "A.PlayAttribute" }.ToEquatableArray(), new[] { "A.Methods" }.ToEquatableArray(), new[] { "A.Response.Write", "A.Results.Json(data)" }.ToEquatableArray(), "uas");
            var read = CatalogueRecord.Read(new RecordText("Lib", CatalogueRecord.Write("Contoso.Codes", false, protocol, interop)), out var error);
            Assert.Null(error);
            Assert.Equal(new ReferencedProtocol("Lib", "Contoso.Codes", false, protocol, interop), read);
        }
    }

    [Fact]
    public void This_project_s_sink_role_for_a_referenced_protocol_wins_over_the_reference_s()
    {
        var sip = CatalogueFixture.Compose().Model.Protocol("sip");
        var upstream = InteropModel.Empty("sip") with { StatusTypes = new[] { "Lib.Code" }.ToEquatableArray(), SinkRole = "proxy" };
        var records = new[] { new RecordText("Lib", CatalogueRecord.Write("Codebook", true, sip, upstream)) };
        var problems = new System.Collections.Generic.List<CatalogueProblem>();
        var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", "interop:\n  sip:\n    status-members: [App.Wire.Send(code)]\n    sink-role: uas\n") }, null, problems, records);

        Assert.Empty(problems);
        var index = Codebook.Analysis.CatalogueSnapshot.Indexes(model).Single(i => i.Model.Key == "sip");
        Assert.Equal("uas", index.Interop!.SinkRole);
        Assert.Contains("Lib.Code", index.Interop.StatusTypes); // the reference's mappings still count
    }

    [Fact]
    public void A_record_of_format_2_is_read_without_a_sink_role()
    {
        var sip = CatalogueFixture.Compose().Model.Protocol("sip");
        var interop = InteropModel.Empty("sip") with { StatusTypes = new[] { "A.Status" }.ToEquatableArray() };
        var current = CatalogueRecord.Write("Contoso.Codes", false, sip, interop);
        Assert.StartsWith("1:3", current);
        Assert.EndsWith("0:", current); // the empty sink-role, the record's last field
        var formatTwo = "1:2" + current.Substring(3, current.Length - 3 - 2);

        var read = CatalogueRecord.Read(new RecordText("Lib", formatTwo), out var error);

        Assert.Null(error);
        Assert.Equal(new ReferencedProtocol("Lib", "Contoso.Codes", false, sip, interop), read);
    }

    [Fact]
    public void An_unrelated_edit_reads_no_reference_again_and_reruns_no_catalogue_step()
    {
        var compilation = GeneratorHarness.Compilation(TargetFramework.Net100, sources: new[] { "class A { }" }, references: new[] { ContractsImage });
        var text = new InMemoryText("/p/codes.yaml", "protocols:\n  trunk: { extends: sip, prefix: Trunk }\n");
        var driver = GeneratorHarness.CreateDriver(compilation, new[] { text }).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", (CSharpParseOptions)compilation.SyntaxTrees[0].Options));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        IEnumerable<IncrementalStepRunReason> Reasons(string step) => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(Reasons(CodebookGenerator.Steps.References), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(CodebookGenerator.Steps.Catalogue), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(CodebookGenerator.Steps.Protocols), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Contains("TrunkStatusCode.g.cs", result.GeneratedSources.Select(s => s.HintName));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
