using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Codebook.Catalogue;
using Codebook.Tests.Harness;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Codebook.Tests.Catalogue;

/// <summary>
/// The plain YAML reader reads the catalogues people write as YamlDotNet does, node for node and position for
/// position, and leaves everything else to YamlDotNet. (Every other test's catalogue is compared too: see
/// <see cref="CompareYamlReaders"/>.)
/// </summary>
public class PlainYamlReaderTests
{
    /// <summary>Reads with both readers; throws when they differ.</summary>
    private static YamlNode? ReadBoth(string text)
    {
        Assert.True(YamlTreeReader.CompareReaders);
        var problems = new List<CatalogueProblem>();
        var node = YamlTreeReader.Read(text, "/p/codes.yaml", problems);
        Assert.Empty(problems);
        return node;
    }

    public static IEnumerable<object[]> ShippedCatalogues() =>
        new[] { "codes.yaml", "samples/Quickstart/codes.yaml", "tests/Codebook.Tests/Fixtures/mini.codes.yaml", "tests/Codebook.Tests/Fixtures/fuzz-seed.codes.yaml" }
            .Select(path => new object[] { path });

    [Theory]
    [MemberData(nameof(ShippedCatalogues))]
    public void Reads_the_catalogues_Codebook_ships_without_YamlDotNet(string path)
    {
        var text = File.ReadAllText(TestPaths.Repository(path.Split('/')));

        Assert.True(PlainYamlReader.TryRead(text, path, out var root));
        Assert.Equal(YamlNodeKind.Mapping, root!.Kind);
        ReadBoth(text);
    }

    [Fact]
    public void Reads_the_docs_examples_without_YamlDotNet()
    {
        var blocks = Directory.GetFiles(TestPaths.Repository("docs"), "*.md", SearchOption.AllDirectories)
            .Append(TestPaths.Repository("README.md"))
            .SelectMany(file => YamlBlocks(File.ReadAllText(file)).Select(block => (file, block)))
            .ToList();

        Assert.True(blocks.Count > 10, $"only {blocks.Count} yaml blocks found in the docs");
        // A rule page's example of a broken file (CB0001) is YamlDotNet's to word.
        var leftToYamlDotNet = blocks
            .Where(b => !PlainYamlReader.TryRead(b.block, b.file, out _) && YamlProblems(b.block).Count == 0)
            .Select(b => $"{Path.GetFileName(b.file)}:\n{b.block}")
            .ToList();
        Assert.True(leftToYamlDotNet.Count == 0, "read by YamlDotNet:\n" + string.Join("\n---\n", leftToYamlDotNet));
        Assert.Contains(blocks, b => YamlProblems(b.block).Count > 0);
        foreach (var (_, block) in blocks.Where(b => YamlProblems(b.block).Count == 0))
        {
            ReadBoth(block);
        }
    }

    private static List<CatalogueProblem> YamlProblems(string text)
    {
        var problems = new List<CatalogueProblem>();
        YamlTreeReader.Read(text, "/p/codes.yaml", problems);
        return problems;
    }

    private static IEnumerable<string> YamlBlocks(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "```yaml")
            {
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                end = end < 0 ? lines.Length : end; // a fence left open runs to the end of the file
                yield return string.Join("\n", lines.Skip(i + 1).Take(end - i - 1)) + "\n";
                i = end;
            }
        }
    }

    [Theory]
    [InlineData("a:\nb: 1   # c\nc: [x, \"y\", {k: v}]\nd:\n- 1\n-\n- k: v\n  j:\n")]
    [InlineData("x:\n  - 1\n  - [ ]\ny:\n  k: { }\n\"q k\": 'it''s'\nz: \"a\\\"b\\u00e9\\n\\t\\\\/\"\nw: a b#c  \nv: ~\r\nu:  null\nt: [a b , c]\n")]
    [InlineData("a:   \nb: # nothing here\nc:\n\nd:\n  # a comment\n  e: 1\n")]
    [InlineData("list:\n  -\n  - # empty\n  -   spaced\n  - k: v\n    j: [1]\n  - 'q'\n")]
    [InlineData("root scalar")]
    [InlineData("\"quoted root\"  # and a comment\n")]
    [InlineData("[1, [2, [3, {a: [4]}]], '', \"\"]")]
    [InlineData("- a\n-    b   # c\n- [c]\n")]
    [InlineData("# only comments\n\n   # indented\n")]
    [InlineData("")]
    [InlineData("a:\r\n  b: 1\r\n  c:\r\n  - x\r\n  - y\r\nd: \"\"\r\n")]
    [InlineData("zh-CN: 呼叫正在排队，有人空闲时就会接通。\nen: \"The call: queued\"\n'k''ey': v\n")]
    [InlineData("a: -1\nb: -x\nc: 1e3\nd: true\ne: Null\nf: NULL\ng: http://example.com/a#b\n")]
    [InlineData("  a: 1\n  b:\n    - 2\n")]
    [InlineData("a: 1\n# a comment at column 0\n  # and one deeper\nb: 2\n")]
    [InlineData("m: {a: 1, b: 'two', \"c\": [3]}\n")]
    public void Reads_as_YamlDotNet_does(string text)
    {
        Assert.True(PlainYamlReader.TryRead(text, "/p/codes.yaml", out _), "left to YamlDotNet");
        ReadBoth(text);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: >\n  text\n")]
    [InlineData("a: first\n  second\n")]
    [InlineData("a: \"first\n  second\"\n")]
    [InlineData("a: [1,\n  2]\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a: [1, ]\n")]
    [InlineData("a: {b}\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: \"b\"#c\n")]
    [InlineData("a: \"b\" c\n")]
    [InlineData("a : b\n")]
    [InlineData("\uFEFFa: 1\n")]
    [InlineData("a: 😀\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("a: [b:c]\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a:\n  - 1\n  b: 2\n")]
    [InlineData("- - a\n")]
    [InlineData("a: 1\rb: 2\n")]
    [InlineData("a: x]\n")]
    [InlineData("a: \"unterminated\n")]
    public void Leaves_the_rest_of_YAML_to_YamlDotNet(string text)
    {
        Assert.False(PlainYamlReader.TryRead(text, "/p/codes.yaml", out _));
    }

    [Fact]
    public void Leaves_deep_nesting_to_YamlDotNet()
    {
        Assert.False(PlainYamlReader.TryRead(new string('[', 100) + new string(']', 100), "/p/codes.yaml", out _));
        var stairs = string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i) + "k:\n"));
        Assert.False(PlainYamlReader.TryRead(stairs, "/p/codes.yaml", out _));
    }

    private static readonly string[] Scalars =
    {
        "a", "b c", "100", "zh-CN", "~", "null", "-1", "\"q\"", "'s'", "'it''s'", "\"\\u00e9\\n\"", "\"\"", "[]", "[x, y]", "{ }", "{k: v}",
        "{ a: [1, 2], b: 'c' }", "[\"x\", [y]]", "a # c", "设备", "http://x", "a#b", "\"a: b\"", "§ 21.4", "x  ",
    };

    /// <summary>What YAML allows and the plain reader leaves to YamlDotNet, or a mistake, put in place of one line.</summary>
    private static readonly string[] Hazards = { ":", "- - x", "&a x", "*a", "|", "\tk: v", "k: ]", "\"open", "[open", "k: b: c", "!t x", "? k", "k : v", "---", "  more" };

    /// <summary>
    /// A random document of nested mappings and sequences (block and flow, compact and indentless, comments,
    /// blank lines, CRLF), one line sometimes replaced by a hazard. A seed, so a failure names what to replay.
    /// </summary>
    private static string RandomDocument(int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var step = random.Next(1, 4);
        // kind: 0 a scalar, 1 a mapping, 2 a sequence; a lead ending in a dash starts a compact mapping in a list item.
        void Node(int indent, int depth, string lead, int? kind = null)
        {
            kind ??= depth > 3 ? 0 : random.Next(3);
            if (kind == 0)
            {
                lines.Add(lead + Scalars[random.Next(Scalars.Length)]);
                return;
            }
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                var head = i == 0 && lead.TrimStart().StartsWith("-", StringComparison.Ordinal) ? lead : new string(' ', indent);
                if (kind == 1)
                {
                    var key = head + (random.Next(4) == 0 ? "\"k" + i + "\"" : "k" + i) + ":";
                    if (random.Next(2) == 0)
                    {
                        lines.Add(key + " " + Scalars[random.Next(Scalars.Length)] + (random.Next(5) == 0 ? "  # note" : ""));
                    }
                    else
                    {
                        lines.Add(key);
                        if (random.Next(6) == 0)
                        {
                            lines.Add(new string(' ', random.Next(0, 6)) + "# between");
                        }
                        var indentless = random.Next(4) == 0;
                        var inner = indentless ? indent : indent + step;
                        if (indentless)
                        {
                            for (var j = random.Next(1, 3); j > 0; j--)
                            {
                                lines.Add(new string(' ', indent) + "- " + Scalars[random.Next(Scalars.Length)]);
                            }
                        }
                        else if (random.Next(5) > 0)
                        {
                            Node(inner, depth + 1, new string(' ', inner));
                        }
                    }
                }
                else
                {
                    var dash = head + "- ";
                    switch (depth > 3 ? 0 : random.Next(4))
                    {
                        case 0:
                            Node(dash.Length, depth + 1, dash, kind: 1); // - k: v, with its other keys below
                            break;
                        case 1:
                            lines.Add(head + "-"); // a list, mapping or scalar on the lines below the dash
                            Node(indent + step, depth + 1, new string(' ', indent + step));
                            break;
                        default:
                            lines.Add(dash + Scalars[random.Next(Scalars.Length)]);
                            break;
                    }
                }
                if (random.Next(8) == 0)
                {
                    lines.Add("");
                }
            }
        }
        Node(random.Next(3) == 0 ? step : 0, 0, "", kind: random.Next(1, 3));
        if (random.Next(3) == 0)
        {
            lines[random.Next(lines.Count)] = Hazards[random.Next(Hazards.Length)];
        }
        return string.Join(random.Next(4) == 0 ? "\r\n" : "\n", lines) + "\n";
    }

    /// <summary>A block list (its first dash where the node starts) as an item of another.</summary>
    private static bool HasListInList(YamlNode? node, string[] lines)
    {
        bool IsBlockList(YamlNode n) => n.Kind == YamlNodeKind.Sequence && lines[n.Range.Start.Line - 1][n.Range.Start.Column - 1] == '-';
        return node is not null
            && (IsBlockList(node) && node.Items.Any(IsBlockList)
                || node.Items.Any(i => HasListInList(i, lines)) || node.Pairs.Any(p => HasListInList(p.Value, lines)));
    }

    /// <summary>On random documents the plain reader agrees with YamlDotNet, or leaves the text to it.</summary>
    [Fact]
    public void Agrees_with_YamlDotNet_on_random_documents()
    {
        var documents = Gen.Choose(0, int.MaxValue).ToArbitrary();
        var readPlainly = 0;
        var listsInLists = 0;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true), Prop.ForAll(documents, (int seed) =>
        {
            var text = RandomDocument(seed);
            if (PlainYamlReader.TryRead(text, "/p/codes.yaml", out var root))
            {
                if (root is { Kind: not YamlNodeKind.Scalar })
                {
                    readPlainly++;
                }
                if (HasListInList(root, text.Replace("\r\n", "\n").Split('\n')))
                {
                    listsInLists++;
                }
                try
                {
                    // Throws when the trees differ, or YamlDotNet finds a problem in a file the plain reader took.
                    YamlTreeReader.Read(text, "/p/codes.yaml", new List<CatalogueProblem>());
                }
                catch (InvalidOperationException e)
                {
                    throw new InvalidOperationException($"seed {seed}: {e.Message}\n{text}");
                }
            }
        }));

        Assert.True(readPlainly > 1500, $"only {readPlainly} of 3000 documents were read into a mapping or list by the plain reader: the property tests little");
        Assert.True(listsInLists > 100, $"only {listsInLists} documents read by the plain reader hold a block list in a block list");
    }
}
