using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Codebook.Catalogue
{
    internal enum YamlNodeKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>
    /// A YAML node with its position. Built from the parser's event stream (not YamlDotNet's representation
    /// model) so that duplicate keys, aliases and errors stay under our control and every node keeps its range.
    /// </summary>
    internal sealed class YamlNode
    {
        public YamlNode(YamlNodeKind kind, SourceRange range)
        {
            Kind = kind;
            Range = range;
        }

        public YamlNodeKind Kind { get; }

        public SourceRange Range { get; set; }

        /// <summary>The text of a scalar; null for a YAML null (`~`, `null` or nothing).</summary>
        public string? Value { get; set; }

        /// <summary>True for a plain (unquoted) scalar: only those can be numbers, booleans or null.</summary>
        public bool IsPlain { get; set; }

        public List<YamlNode> Items { get; } = new();

        public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = new();

        public string Describe() => Kind switch
        {
            YamlNodeKind.Sequence => "a list",
            YamlNodeKind.Mapping => "a mapping",
            _ => Value is null ? "nothing (null)" : $"'{Value}'",
        };
    }

    internal static class YamlTreeReader
    {
        /// <summary>
        /// Reads the first document of <paramref name="text"/>. Returns null when the file holds no document;
        /// syntax errors, extra documents and unknown aliases become problems, never exceptions. The common
        /// YAML of a catalogue is read by <see cref="PlainYamlReader"/>; the rest, and every error, by YamlDotNet.
        /// </summary>
        public static YamlNode? Read(string text, string path, List<CatalogueProblem> problems)
        {
            if (!PlainYamlReader.TryRead(text, path, out var root))
            {
                return ReadAll(text, path, problems);
            }
            if (CompareReaders)
            {
                CompareWithYamlDotNet(text, path, root);
            }
            return root;
        }

        /// <summary>
        /// Set by the tests: every file the plain reader reads is read by YamlDotNet too, and any difference
        /// (a node, a value, a position, a problem) throws, so no test can pass on a tree YamlDotNet would not give.
        /// </summary>
        internal static bool CompareReaders { get; set; }

        private static void CompareWithYamlDotNet(string text, string path, YamlNode? plain)
        {
            var problems = new List<CatalogueProblem>();
            var full = ReadAll(text, path, problems);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"the plain reader read {path}, in which YamlDotNet finds a problem: {problems[0].Message} at {problems[0].Range}");
            }
            Compare(plain, full);

            static void Compare(YamlNode? mine, YamlNode? theirs)
            {
                if (mine is null || theirs is null)
                {
                    if (mine != theirs)
                    {
                        throw new InvalidOperationException($"the plain reader gives {mine?.Describe() ?? "no document"}, YamlDotNet {theirs?.Describe() ?? "no document"}");
                    }
                    return;
                }
                if (mine.Kind != theirs.Kind || mine.Range != theirs.Range || mine.Value != theirs.Value || mine.IsPlain != theirs.IsPlain
                    || mine.Items.Count != theirs.Items.Count || mine.Pairs.Count != theirs.Pairs.Count)
                {
                    throw new InvalidOperationException(
                        $"the plain reader gives {mine.Kind} {mine.Describe()} (plain: {mine.IsPlain}) at {mine.Range}, " +
                        $"YamlDotNet {theirs.Kind} {theirs.Describe()} (plain: {theirs.IsPlain}) at {theirs.Range}");
                }
                for (var i = 0; i < mine.Items.Count; i++)
                {
                    Compare(mine.Items[i], theirs.Items[i]);
                }
                for (var i = 0; i < mine.Pairs.Count; i++)
                {
                    Compare(mine.Pairs[i].Key, theirs.Pairs[i].Key);
                    Compare(mine.Pairs[i].Value, theirs.Pairs[i].Value);
                }
            }
        }

        /// <summary>Any YAML, with YamlDotNet (kept out of <see cref="Read"/> so that the plain path never loads it).</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static YamlNode? ReadAll(string text, string path, List<CatalogueProblem> problems)
        {
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var stack = new Stack<YamlNode>();
            YamlNode? pendingKey = null;
            var pendingKeys = new Stack<YamlNode?>();
            YamlNode? root = null;
            var documents = 0;
            var parser = new Parser(new StringReader(text));

            try
            {
                while (parser.MoveNext())
                {
                    var current = parser.Current;
                    switch (current)
                    {
                        case DocumentStart:
                            documents++;
                            if (documents == 2)
                            {
                                problems.Add(new CatalogueProblem(ProblemIds.InvalidEntry,
                                    "codes.yaml must hold a single YAML document; this second document is not read",
                                    RangeOf(path, current!)));
                                return root;
                            }
                            break;
                        case Scalar scalar:
                            var node = new YamlNode(YamlNodeKind.Scalar, RangeOf(path, scalar))
                            {
                                IsPlain = scalar.Style == ScalarStyle.Plain,
                                Value = scalar.Style == ScalarStyle.Plain && IsNull(scalar.Value) ? null : scalar.Value,
                            };
                            Remember(anchors, scalar, node);
                            Add(node);
                            break;
                        case AnchorAlias alias:
                            if (anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                Add(target);
                            }
                            else
                            {
                                problems.Add(new CatalogueProblem(ProblemIds.InvalidYaml,
                                    $"the alias *{alias.Value.Value} names no anchor defined before it",
                                    RangeOf(path, alias)));
                                Add(new YamlNode(YamlNodeKind.Scalar, RangeOf(path, alias)));
                            }
                            break;
                        case SequenceStart sequence:
                            Open(new YamlNode(YamlNodeKind.Sequence, RangeOf(path, sequence)), sequence);
                            break;
                        case MappingStart mapping:
                            Open(new YamlNode(YamlNodeKind.Mapping, RangeOf(path, mapping)), mapping);
                            break;
                        case SequenceEnd:
                        case MappingEnd:
                            var closed = stack.Pop();
                            pendingKey = pendingKeys.Pop();
                            Add(closed);
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                var range = new SourceRange(path, Position(e.Start), Position(e.End));
                if (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentingTab(text) is { } tab)
                {
                    range = new SourceRange(path, tab, tab); // YamlDotNet points at the mapping; the tab is the problem
                }
                problems.Add(new CatalogueProblem(ProblemIds.InvalidYaml, CleanMessage(e), range));
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner fails this way on some malformed input (seen: a plain scalar cut by a
                // stray quote). It is still a syntax error in the file: report it after the last good event.
                var end = parser.Current?.End ?? default;
                problems.Add(new CatalogueProblem(ProblemIds.InvalidYaml,
                    "codes.yaml is not valid YAML: the text after this point cannot be read (" + e.Message + ")",
                    new SourceRange(path, Position(end), Position(end))));
                return null;
            }

            return root;

            void Open(YamlNode container, NodeEvent start)
            {
                Remember(anchors, start, container);
                stack.Push(container);
                pendingKeys.Push(pendingKey);
                pendingKey = null;
            }

            void Add(YamlNode node)
            {
                if (stack.Count == 0)
                {
                    root ??= node;
                    return;
                }

                var parent = stack.Peek();
                if (parent.Kind == YamlNodeKind.Sequence)
                {
                    parent.Items.Add(node);
                }
                else if (pendingKey is null)
                {
                    pendingKey = node;
                }
                else
                {
                    parent.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(pendingKey, node));
                    pendingKey = null;
                }
            }
        }

        /// <summary>The first tab in a line's indentation, where YAML allows only spaces.</summary>
        private static SourcePosition? FirstIndentingTab(string text)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                for (var j = 0; j < lines[i].Length && (lines[i][j] == ' ' || lines[i][j] == '\t'); j++)
                {
                    if (lines[i][j] == '\t')
                    {
                        return new SourcePosition(i + 1, j + 1);
                    }
                }
            }
            return null;
        }

        private static void Remember(Dictionary<string, YamlNode> anchors, NodeEvent start, YamlNode node)
        {
            if (!start.Anchor.IsEmpty)
            {
                anchors[start.Anchor.Value] = node;
            }
        }

        internal static bool IsNull(string value) => value.Length == 0 || value == "~" || value == "null" || value == "Null" || value == "NULL";

        private static string CleanMessage(YamlException e)
        {
            // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...)": the diagnostic has the location already.
            var message = e.Message;
            var marker = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
            {
                message = message.Substring(marker + 3);
            }
            return "codes.yaml is not valid YAML: " + message.Trim();
        }

        private static SourceRange RangeOf(string path, ParsingEvent e) => new(path, Position(e.Start), Position(e.End));

        private static SourcePosition Position(Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
    }
}
