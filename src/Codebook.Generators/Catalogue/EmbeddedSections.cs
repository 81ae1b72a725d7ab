using System;
using System.Collections.Generic;
using System.Text;

namespace Codebook.Catalogue
{
    /// <summary>
    /// Where each protocol of the embedded catalogue is written in codes.yaml (the lines of <c>  sip:</c> and what
    /// follows it under <c>protocols:</c>), and which protocol it extends. A project's codes.yaml changes a few
    /// protocols: composition parses only those (and their parents and children), and takes the others from the
    /// ready model. The layout is the embedded file's own; EmbeddedCatalogueTests check that composing from the
    /// sections gives what parsing the whole file does, and a file of another layout gives no sections at all.
    /// </summary>
    internal sealed class EmbeddedSections
    {
        private readonly string _text;
        private readonly List<(int Start, int End)> _lines;
        private readonly Dictionary<string, (int First, int Last, string? Extends)> _sections;
        private readonly (int First, int Last)? _stacks;

        private EmbeddedSections(string text, List<(int Start, int End)> lines, List<string> keys, Dictionary<string, (int, int, string?)> sections, (int, int)? stacks)
        {
            _text = text;
            _lines = lines;
            Keys = keys;
            _sections = sections;
            _stacks = stacks;
        }

        /// <summary>The protocols' keys, in the order written.</summary>
        public IReadOnlyList<string> Keys { get; }

        public bool Contains(string key) => _sections.ContainsKey(key);

        /// <summary>The key this protocol's <c>extends</c> names, if it has one.</summary>
        public string? ExtendsOf(string key) => _sections.TryGetValue(key, out var section) ? section.Extends : null;

        /// <summary>
        /// The file with every protocol but <paramref name="keep"/> blanked out, and the stacks too unless
        /// <paramref name="withStacks"/>: line terminators stay, so what is parsed from it is at the line and column it
        /// has in the whole file. The rest (the namespace) stays.
        /// </summary>
        public string Text(ICollection<string> keep, bool withStacks = true)
        {
            var skipped = new bool[_lines.Count];
            void Skip((int First, int Last) range)
            {
                for (var line = range.First; line <= range.Last; line++)
                {
                    skipped[line] = true;
                }
            }
            foreach (var pair in _sections)
            {
                if (!keep.Contains(pair.Key))
                {
                    Skip((pair.Value.First, pair.Value.Last));
                }
            }
            if (!withStacks && _stacks is { } stacks)
            {
                Skip(stacks);
            }
            var text = new StringBuilder(_text.Length);
            for (var line = 0; line < _lines.Count; line++)
            {
                var (start, end) = _lines[line];
                var next = line + 1 < _lines.Count ? _lines[line + 1].Start : _text.Length;
                text.Append(_text, skipped[line] ? end : start, next - (skipped[line] ? end : start));
            }
            return text.ToString();
        }

        /// <summary>The sections of <paramref name="text"/>, or null when it is not laid out as the embedded codes.yaml is.</summary>
        public static EmbeddedSections? Of(string text)
        {
            var lines = new List<(int Start, int End)>();
            for (var start = 0; start <= text.Length;)
            {
                var end = text.IndexOf('\n', start);
                var next = end < 0 ? text.Length + 1 : end + 1;
                end = end < 0 ? text.Length : end;
                lines.Add((start, end > start && text[end - 1] == '\r' ? end - 1 : end));
                start = next;
            }

            var keys = new List<string>();
            var sections = new Dictionary<string, (int, int, string?)>(StringComparer.Ordinal);
            var inProtocols = false;
            (int First, int Last)? stacksBlock = null;
            var inStacks = false;
            string? current = null;
            int first = 0, last = 0;
            string? extends = null;
            void Close()
            {
                if (current is not null)
                {
                    sections[current] = (first, last, extends);
                    current = null;
                }
            }
            for (var index = 0; index < lines.Count; index++)
            {
                var line = text.Substring(lines[index].Start, lines[index].End - lines[index].Start);
                if (line.Length == 0 || line[0] == '#')
                {
                    continue; // blank lines and comments belong to no key: blanking or keeping them changes nothing
                }
                if (line[0] != ' ')
                {
                    Close();
                    inStacks = line.TrimEnd() == "stacks:";
                    if (inStacks)
                    {
                        if (stacksBlock is not null)
                        {
                            return null;
                        }
                        stacksBlock = (index, index);
                    }
                    if (line.TrimEnd() == "protocols:")
                    {
                        if (keys.Count > 0)
                        {
                            return null; // protocols written twice: a YAML error, left to the parser
                        }
                        inProtocols = true;
                    }
                    else
                    {
                        inProtocols = false;
                    }
                    continue;
                }
                if (inStacks)
                {
                    stacksBlock = (stacksBlock!.Value.First, index);
                }
                if (!inProtocols)
                {
                    continue;
                }
                if (line.Length > 2 && line[1] == ' ' && line[2] != ' ')
                {
                    // "  key:" and nothing after it; any other way of writing a protocol is not this layout.
                    var key = line.Trim();
                    if (!key.EndsWith(":", StringComparison.Ordinal) || key.Length == 1 || !Naming.IsProtocolKey(key.Substring(0, key.Length - 1)))
                    {
                        return null;
                    }
                    Close();
                    current = key.Substring(0, key.Length - 1);
                    if (sections.ContainsKey(current))
                    {
                        return null;
                    }
                    keys.Add(current);
                    first = last = index;
                    extends = null;
                    continue;
                }
                if (current is null)
                {
                    return null;
                }
                last = index;
                if (line.StartsWith("    extends:", StringComparison.Ordinal))
                {
                    var parent = line.Substring("    extends:".Length).Trim();
                    if (!Naming.IsProtocolKey(parent))
                    {
                        return null;
                    }
                    extends = parent;
                }
            }
            Close();
            return keys.Count > 0 ? new EmbeddedSections(text, lines, keys, sections, stacksBlock) : null;
        }
    }
}
