using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Codebook.Catalogue;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Robustness;

/// <summary>
/// Files that attack YAML readers. Each ends in bounded time and memory with either a located diagnostic or a
/// correct generation. The bounds are generous guards against hangs and blow-ups, not speed measurements.
/// </summary>
public class YamlHazardTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const long MemoryLimit = 2L * 1024 * 1024 * 1024;

    private static (CatalogueModel Model, List<CatalogueProblem> Problems) Bounded(string text)
    {
        (CatalogueModel, List<CatalogueProblem>)? result = null;
        Exception? failure = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            try
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var problems = new List<CatalogueProblem>();
                var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", text) }, null, problems);
                // Emitting is part of the cost a hostile file can cause.
                foreach (var protocol in model.Protocols)
                {
                    _ = Codebook.Generation.ProtocolEmitter.Emit(new Codebook.Generation.ProtocolSource(model.Namespace, protocol, new Codebook.Generation.EmitOptions(true, true, true)));
                }
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                result = (model, problems);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(Limit), $"still running after {Limit}");
        Assert.Null(failure);
        Assert.True(allocated < MemoryLimit, $"allocated {allocated:N0} bytes");
        Assert.All(result!.Value.Item2, p => Assert.Equal("/p/codes.yaml", p.Range.Path));
        return result.Value;
    }

    [Fact]
    public void Alias_expansion_bomb()
    {
        var yaml = new StringBuilder("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"x{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }
        yaml.Append("protocols:\n  sip:\n    methods: *a11\n    codes:\n      499: { reason: *a11 }\n");
        var (model, problems) = Bounded(yaml.ToString());
        Assert.Contains(problems, p => p.Id == "CB0002" && p.Message.Contains("unknown key 'x0'"));
        Assert.Contains(problems, p => p.Message.Contains("expected reason to be text but found a list"));
        Assert.Equal(75, model.Protocols.Single(p => p.Key == "sip").Codes.Count);
    }

    [Fact]
    public void Aliases_of_scalars_are_understood()
    {
        var (model, problems) = Bounded("protocols:\n  sip:\n    codes:\n      498: { reason: &r Shared Reason }\n      499: { reason: Other, reference: *r }\n");
        Assert.Empty(problems);
        Assert.Equal("Shared Reason", model.Protocols.Single(p => p.Key == "sip").Codes.Single(c => c.Value == 499).Reference);
    }

    [Fact]
    public void Five_megabyte_catalogue()
    {
        var yaml = new StringBuilder("use: []\nprotocols:\n");
        var protocols = 0;
        while (yaml.Length < 5 * 1024 * 1024)
        {
            yaml.Append($"  p{protocols}:\n    prefix: P{protocols}\n    methods: [A, B]\n    codes:\n");
            for (var code = 100; code <= 699; code++)
            {
                yaml.Append($"      {code}: {{ reason: Reason {code}, methods: [A], user: {{ en: \"User message for {code} of protocol {protocols}, long enough to weigh.\" }} }}\n");
            }
            protocols++;
        }
        var (model, problems) = Bounded(yaml.ToString());
        Assert.Empty(problems);
        Assert.Equal(protocols, model.Protocols.Count);
        Assert.All(model.Protocols, p => Assert.Equal(600, p.Codes.Count));
    }

    [Fact]
    public void Thousand_deep_nesting()
    {
        var flow = new string('[', 1000) + new string(']', 1000);
        var (_, problems) = Bounded("protocols:\n  sip:\n    methods: " + flow + "\n");
        Assert.NotEmpty(problems);

        var block = new StringBuilder("protocols:\n");
        for (var depth = 1; depth <= 1000; depth++)
        {
            block.Append(new string(' ', depth)).Append("k:\n");
        }
        var (_, blockProblems) = Bounded(block.ToString());
        Assert.NotEmpty(blockProblems);
    }

    [Fact]
    public void Tabs_are_reported_where_yaml_forbids_them()
    {
        var (_, problems) = Bounded("protocols:\n\tsip:\n\t\tcodes: {}\n");
        Assert.True(problems.Any(p => p.Id == "CB0001" && p.Range.Start.Line == 2), string.Join("\n", problems));
        // A tab inside a quoted value is just text.
        var (model, fine) = Bounded("protocols:\n  sip:\n    codes:\n      499: { reason: \"Tab\there\" }\n");
        Assert.Empty(fine);
        Assert.Equal("Tab\there", model.Protocols.Single(p => p.Key == "sip").Codes.Single(c => c.Value == 499).Reason);
    }

    [Fact]
    public void Mixed_line_endings_read_the_same()
    {
        var lf = Bounded("protocols:\n  sip:\n    codes:\n      499: { reason: Mixed }\n").Model;
        var mixed = Bounded("protocols:\r\n  sip:\r    codes:\n      499: { reason: Mixed }\r\n").Model;
        Assert.Equal(lf, mixed);
    }

    [Fact]
    public void Duplicate_keys_everywhere()
    {
        var (model, problems) = Bounded("namespace: A\nnamespace: B\nprotocols:\n  sip:\n    prefix: Sip\n    prefix: Other\n    codes:\n      499: { reason: X, reason: Y }\n");
        Assert.Equal(3, problems.Count);
        Assert.Equal(new[] { 2, 6, 8 }, problems.Select(p => p.Range.Start.Line));
        Assert.Equal("A", model.Namespace);
        Assert.Equal("X", model.Protocols.Single(p => p.Key == "sip").Codes.Single(c => c.Value == 499).Reason);
    }

    [Fact]
    public void Several_documents_empty_files_and_only_comments()
    {
        Assert.Single(Bounded("namespace: A\n---\nnamespace: B\n---\n").Problems);
        Assert.Empty(Bounded("").Problems);
        Assert.Empty(Bounded("\n\n   \n").Problems);
        Assert.Empty(Bounded("# nothing but a comment").Problems);
        Assert.Empty(Bounded("---\n...\n").Problems);
    }

    [Fact]
    public void Binary_content()
    {
        var random = new Random(28181);
        var bytes = new byte[64 * 1024];
        random.NextBytes(bytes);
        var (model, problems) = Bounded(Encoding.UTF8.GetString(bytes));
        Assert.NotEmpty(problems);
        Assert.Equal(5, model.Protocols.Count); // the embedded catalogue is still there

        var (_, latin) = Bounded(Encoding.Latin1.GetString(bytes));
        Assert.NotEmpty(latin);
        var (_, nul) = Bounded("protocols:\0\0\0");
        Assert.NotEmpty(nul);
    }

    [Fact]
    public void Scalars_that_look_like_other_types()
    {
        var (model, problems) = Bounded("protocols:\n  sip:\n    codes:\n      498: { reason: true }\n      499: { reason: 12.5 }\n      497: { reason: null }\n      0x1F5: { reason: Hex }\n");
        var sip = model.Protocols.Single(p => p.Key == "sip");
        Assert.Equal("true", sip.Codes.Single(c => c.Value == 498).Reason);
        Assert.Equal("12.5", sip.Codes.Single(c => c.Value == 499).Reason);
        Assert.Contains(problems, p => p.Message.Contains("expected reason to be text but found nothing"));
        Assert.Contains(problems, p => p.Message.Contains("expected a status code") && p.Range.Start.Line == 7);
    }
}

/// <summary>A project's change to an embedded protocol that breaks it is reported in the project's file.</summary>
public class OverlayBreakageTests
{
    [Fact]
    public void Problems_caused_in_the_embedded_catalogue_are_reported_where_the_change_was_made()
    {
        var problems = new List<CatalogueProblem>();
        EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", "protocols:\n  sip:\n    methods: [INVITE, ACK]\n    range: [100, 499]\n") }, null, problems);
        Assert.NotEmpty(problems);
        Assert.All(problems, p =>
        {
            Assert.Equal("/p/codes.yaml", p.Range.Path);
            Assert.Equal(new SourcePosition(2, 3), p.Range.Start);
            Assert.StartsWith("the changes to protocol 'sip' here break the embedded catalogue: ", p.Message);
        });

        // Every SIP code from 500 up falls outside the new range: one problem says so, naming the first few and how
        // many more, instead of the first alone.
        var range = Assert.Single(problems, p => p.Message.Contains("outside protocol 'sip''s range"));
        Assert.Contains("code 500 is outside", range.Message);
        Assert.Contains("code 501 is outside", range.Message);
        Assert.Matches("; and [0-9]+ more$", range.Message);
    }

    [Fact]
    public void A_list_with_a_bad_item_leaves_the_inherited_list_in_place()
    {
        var problems = new List<CatalogueProblem>();
        var model = EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", "protocols:\n  sip:\n    methods: [INVITE, [nested]]\n") }, null, problems);
        Assert.Equal((3, 23), (Assert.Single(problems).Range.Start.Line, problems[0].Range.Start.Column));
        Assert.Equal(14, model.Protocols.Single(p => p.Key == "sip").Methods.Count);
    }

    [Fact]
    public void A_nul_character_is_reported_at_its_place()
    {
        var problems = new List<CatalogueProblem>();
        EmbeddedCatalogue.Compose(new[] { new CatalogueSource("/p/codes.yaml", "protocols:\n  sip:\0\0\n") }, null, problems);
        var problem = Assert.Single(problems);
        Assert.Equal(("CB0001", new SourcePosition(2, 7)), (problem.Id, problem.Range.Start));
    }
}
