using System;
using System.Collections.Generic;
using System.Text;

namespace Codebook.Catalogue
{
    /// <summary>
    /// Reads the YAML a catalogue is written in without YamlDotNet: block mappings and sequences, flow collections
    /// and quoted scalars that close on their line, plain one-line scalars and comments. That is every codes.yaml
    /// the docs show and the embedded one; a compiler that reads only such files never loads (or compiles to
    /// machine code) a full YAML parser, which was the largest part of a fresh build's catalogue cost.
    /// Anything else (anchors, tags, block scalars, multi-line scalars, several documents, a tab, a syntax error)
    /// makes <see cref="TryRead"/> give up, and the caller reads the file with YamlDotNet, which knows all of YAML
    /// and words the errors. What it reads, it reads as YamlDotNet does, to the node and the position: the tests
    /// run both readers on every catalogue they parse and fail on any difference.
    /// </summary>
    internal sealed class PlainYamlReader
    {
        /// <summary>Nesting deeper than this is read by YamlDotNet (this reader recurses).</summary>
        private const int MaxDepth = 64;

        /// <summary>YamlDotNet refuses longer implicit keys.</summary>
        private const int MaxKeyLength = 1000;

        private readonly string _text;
        private readonly string _path;
        private readonly List<int> _starts = new();
        private readonly List<int> _ends = new();
        private int _line;
        private int _depth;

        private PlainYamlReader(string text, string path)
        {
            _text = text;
            _path = path;
        }

        /// <summary>
        /// The root node of <paramref name="text"/> (null for a file without content), or false when the file is
        /// not in the subset this reader knows.
        /// </summary>
        public static bool TryRead(string text, string path, out YamlNode? root)
        {
            var reader = new PlainYamlReader(text, path);
            try
            {
                root = reader.ReadDocument();
                return true;
            }
            catch (NotPlainException)
            {
                root = null;
                return false;
            }
        }

        /// <summary>Thrown where the text leaves the subset; caught only by <see cref="TryRead"/>.</summary>
        private sealed class NotPlainException : Exception
        {
        }

        private static NotPlainException NotPlain() => new();

        private YamlNode? ReadDocument()
        {
            SplitLines();
            if (NextContent() < 0)
            {
                return null;
            }
            var root = ReadBlock();
            if (NextContent() >= 0)
            {
                throw NotPlain();
            }
            return root;
        }

        /// <summary>Line starts and ends (without the line break); refuses characters YAML treats specially.</summary>
        private void SplitLines()
        {
            var start = 0;
            for (var i = 0; i <= _text.Length; i++)
            {
                var c = i < _text.Length ? _text[i] : '\n';
                if (c == '\n')
                {
                    var end = i > start && _text[i - 1] == '\r' ? i - 1 : i;
                    if (end - start >= 3 && (string.CompareOrdinal(_text, start, "---", 0, 3) == 0 || string.CompareOrdinal(_text, start, "...", 0, 3) == 0)
                        || end > start && _text[start] == '%')
                    {
                        throw NotPlain(); // document markers and directives
                    }
                    _starts.Add(start);
                    _ends.Add(end);
                    start = i + 1;
                }
                else if (c < ' ' && c != '\r' || c >= '\u007f' && c <= '\u009f' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n'))
                {
                    throw NotPlain(); // tabs, control characters, other line breaks, byte order marks
                }
            }
        }

        /// <summary>The next line from the current one with content (not blank, not only a comment), or -1.</summary>
        private int NextContent()
        {
            while (_line < _starts.Count)
            {
                var at = _starts[_line] + Indent(_line);
                if (at < _ends[_line] && _text[at] != '#')
                {
                    return _line;
                }
                _line++;
            }
            return -1;
        }

        private int Indent(int line)
        {
            var at = _starts[line];
            while (at < _ends[line] && _text[at] == ' ')
            {
                at++;
            }
            return at - _starts[line];
        }

        /// <summary>The node that starts on the next line with content (the caller checked its indentation).</summary>
        private YamlNode ReadBlock()
        {
            if (++_depth > MaxDepth)
            {
                throw NotPlain();
            }
            var line = NextContent();
            var at = _starts[line] + Indent(line);
            YamlNode node;
            if (IsDash(line, at))
            {
                node = ReadSequence(line, at, indentless: false);
            }
            else if (KeyEnd(line, at) >= 0)
            {
                node = ReadMapping(line, at);
            }
            else
            {
                node = ReadLineValue(line, at);
                _line = line + 1;
            }
            _depth--;
            return node;
        }

        private bool IsDash(int line, int at) => _text[at] == '-' && (at + 1 == _ends[line] || _text[at + 1] == ' ');

        /// <summary>A block mapping whose first key is at <paramref name="at"/> on <paramref name="line"/>; later keys align with it.</summary>
        private YamlNode ReadMapping(int line, int at)
        {
            var indent = at - _starts[line];
            var mapping = new YamlNode(YamlNodeKind.Mapping, Range(line, at, at));
            for (var first = true; ; first = false)
            {
                if (!first)
                {
                    line = NextContent();
                    if (line < 0 || Indent(line) < indent)
                    {
                        return mapping;
                    }
                    if (Indent(line) > indent)
                    {
                        throw NotPlain(); // a scalar continued on the next line, or wrong indentation
                    }
                    at = _starts[line] + indent;
                }
                var colon = KeyEnd(line, at);
                if (colon < 0)
                {
                    throw NotPlain();
                }
                var key = ReadKey(line, at, colon);
                var valueAt = SkipSpaces(line, colon + 1);
                YamlNode value;
                if (valueAt == _ends[line] || _text[valueAt] == '#')
                {
                    _line = line + 1;
                    var next = NextContent();
                    if (next >= 0 && Indent(next) > indent)
                    {
                        value = ReadBlock();
                    }
                    else if (next >= 0 && Indent(next) == indent && IsDash(next, _starts[next] + indent))
                    {
                        value = ReadSequence(next, _starts[next] + indent, indentless: true);
                    }
                    else
                    {
                        value = Empty(line, colon + 1);
                    }
                }
                else
                {
                    value = ReadLineValue(line, valueAt);
                    _line = line + 1;
                }
                mapping.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
            }
        }

        /// <summary>
        /// A block sequence whose first dash is at <paramref name="at"/>. An indentless one (the value of a key
        /// at the same indentation) ends at the first line that is not an item.
        /// </summary>
        private YamlNode ReadSequence(int line, int at, bool indentless)
        {
            var indent = at - _starts[line];
            var sequence = new YamlNode(YamlNodeKind.Sequence, Range(line, at, indentless ? at + 1 : at));
            while (true)
            {
                line = NextContent();
                if (line < 0 || Indent(line) < indent)
                {
                    return sequence;
                }
                at = _starts[line] + indent;
                if (Indent(line) > indent || !IsDash(line, at))
                {
                    if (indentless && Indent(line) == indent)
                    {
                        return sequence;
                    }
                    throw NotPlain();
                }
                var itemAt = SkipSpaces(line, at + 1);
                YamlNode item;
                if (itemAt == _ends[line] || _text[itemAt] == '#')
                {
                    _line = line + 1;
                    var next = NextContent();
                    item = next >= 0 && Indent(next) > indent ? ReadBlock() : Empty(line, at + 1);
                }
                else if (IsDash(line, itemAt))
                {
                    throw NotPlain(); // a sequence in a sequence on one line
                }
                else if (KeyEnd(line, itemAt) >= 0)
                {
                    if (++_depth > MaxDepth)
                    {
                        throw NotPlain();
                    }
                    item = ReadMapping(line, itemAt);
                    _depth--;
                }
                else
                {
                    item = ReadLineValue(line, itemAt);
                    _line = line + 1;
                }
                sequence.Items.Add(item);
            }
        }

        /// <summary>
        /// Where the colon after a block mapping key starting at <paramref name="at"/> is, or -1 when the line
        /// holds no key there (or one this reader leaves to YamlDotNet).
        /// </summary>
        private int KeyEnd(int line, int at)
        {
            var end = _ends[line];
            var c = _text[at];
            if (c == '"' || c == '\'')
            {
                var close = QuotedEnd(line, at);
                return close >= 0 && close < end && _text[close] == ':' && (close + 1 == end || _text[close + 1] == ' ') ? close : -1;
            }
            if (!CanStartPlain(line, at))
            {
                return -1;
            }
            for (var i = at; i < end; i++)
            {
                c = _text[i];
                if (c == ':' && (i + 1 == end || _text[i + 1] == ' '))
                {
                    return i - at <= MaxKeyLength && _text[i - 1] != ' ' ? i : -1;
                }
                if (c == '#' && _text[i - 1] == ' ' || c is '[' or ']' or '{' or '}' or ',')
                {
                    return -1;
                }
            }
            return -1;
        }

        private YamlNode ReadKey(int line, int at, int colon) =>
            _text[at] is '"' or '\'' ? ReadQuoted(line, at, out _) : Plain(line, at, colon);

        /// <summary>A scalar or flow collection that is all that is left of the line (but a comment).</summary>
        private YamlNode ReadLineValue(int line, int at)
        {
            YamlNode node;
            int after;
            var c = _text[at];
            if (c is '[' or '{')
            {
                after = at;
                node = ReadFlow(line, ref after);
            }
            else if (c is '"' or '\'')
            {
                node = ReadQuoted(line, at, out after);
            }
            else
            {
                if (!CanStartPlain(line, at))
                {
                    throw NotPlain();
                }
                var end = at;
                for (var i = at; i < _ends[line]; i++)
                {
                    if (_text[i] == '#' && _text[i - 1] == ' ')
                    {
                        break;
                    }
                    if (_text[i] == ':' && (i + 1 == _ends[line] || _text[i + 1] == ' '))
                    {
                        throw NotPlain(); // a mapping where a scalar is: a YAML error
                    }
                    if (_text[i] is '[' or ']' or '{' or '}')
                    {
                        throw NotPlain(); // allowed in a block scalar, but rare: not worth the doubt
                    }
                    if (_text[i] != ' ')
                    {
                        end = i + 1;
                    }
                }
                return Plain(line, at, end);
            }
            var rest = SkipSpaces(line, after);
            if (rest < _ends[line] && (_text[rest] != '#' || rest == after))
            {
                throw NotPlain(); // text after the closing quote or bracket
            }
            return node;
        }

        /// <summary>A flow sequence or mapping that closes on its line; <paramref name="at"/> moves past it.</summary>
        private YamlNode ReadFlow(int line, ref int at)
        {
            if (++_depth > MaxDepth)
            {
                throw NotPlain();
            }
            var isMapping = _text[at] == '{';
            var close = isMapping ? '}' : ']';
            var node = new YamlNode(isMapping ? YamlNodeKind.Mapping : YamlNodeKind.Sequence, Range(line, at, at));
            at++;
            for (var first = true; ; first = false)
            {
                at = SkipSpaces(line, at);
                if (at == _ends[line])
                {
                    throw NotPlain(); // continues on the next line
                }
                if (_text[at] == close && first)
                {
                    at++;
                    break;
                }
                var item = ReadFlowScalarOrCollection(line, ref at, isKey: isMapping);
                if (isMapping)
                {
                    if (at == _ends[line] || _text[at] != ':' || at + 1 == _ends[line] || _text[at + 1] != ' ')
                    {
                        throw NotPlain();
                    }
                    at = SkipSpaces(line, at + 1);
                    node.Pairs.Add(new KeyValuePair<YamlNode, YamlNode>(item, ReadFlowScalarOrCollection(line, ref at, isKey: false)));
                }
                else
                {
                    node.Items.Add(item);
                }
                at = SkipSpaces(line, at);
                if (at < _ends[line] && _text[at] == ',')
                {
                    at++;
                    continue;
                }
                if (at < _ends[line] && _text[at] == close)
                {
                    at++;
                    break;
                }
                throw NotPlain();
            }
            _depth--;
            return node;
        }

        private YamlNode ReadFlowScalarOrCollection(int line, ref int at, bool isKey)
        {
            if (at == _ends[line])
            {
                throw NotPlain();
            }
            var c = _text[at];
            if (c is '[' or '{')
            {
                if (isKey)
                {
                    throw NotPlain();
                }
                return ReadFlow(line, ref at);
            }
            if (c is '"' or '\'')
            {
                var quoted = ReadQuoted(line, at, out var after);
                at = after;
                return quoted;
            }
            if (!CanStartPlain(line, at))
            {
                throw NotPlain();
            }
            var start = at;
            var end = at;
            for (; at < _ends[line]; at++)
            {
                c = _text[at];
                if (c is ',' or '[' or ']' or '{' or '}' || c == '#' && _text[at - 1] == ' ')
                {
                    break;
                }
                if (c == ':')
                {
                    if (isKey && (at + 1 == _ends[line] || _text[at + 1] == ' '))
                    {
                        break;
                    }
                    throw NotPlain(); // a colon inside a flow scalar: YAML versions read it differently
                }
                if (c != ' ')
                {
                    end = at + 1;
                }
            }
            at = end;
            return Plain(line, start, end);
        }

        /// <summary>
        /// Whether a plain scalar may start at <paramref name="at"/>: not with an indicator this reader leaves to
        /// YamlDotNet (anchors, aliases, tags, block scalars, complex keys, reserved characters).
        /// </summary>
        private bool CanStartPlain(int line, int at)
        {
            var c = _text[at];
            if (c is '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '#' or ',' or '[' or ']' or '{' or '}' or '"' or '\'')
            {
                return false;
            }
            return c is not ('?' or ':') && (c != '-' || at + 1 < _ends[line] && _text[at + 1] != ' ');
        }

        /// <summary>Where a quoted scalar starting at <paramref name="at"/> ends (after its closing quote), or -1 when it does not close on its line.</summary>
        private int QuotedEnd(int line, int at)
        {
            var quote = _text[at];
            for (var i = at + 1; i < _ends[line]; i++)
            {
                if (quote == '\'' && _text[i] == '\'')
                {
                    if (i + 1 < _ends[line] && _text[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }
                    return i + 1;
                }
                if (quote == '"' && _text[i] == '\\')
                {
                    i++;
                    continue;
                }
                if (quote == '"' && _text[i] == '"')
                {
                    return i + 1;
                }
            }
            return -1;
        }

        private YamlNode ReadQuoted(int line, int at, out int after)
        {
            after = QuotedEnd(line, at);
            if (after < 0)
            {
                throw NotPlain(); // continues on the next line
            }
            var quote = _text[at];
            var value = new StringBuilder(after - at);
            for (var i = at + 1; i < after - 1; i++)
            {
                var c = _text[i];
                if (quote == '\'' && c == '\'')
                {
                    i++; // '' is one quote
                }
                else if (quote == '"' && c == '\\')
                {
                    c = _text[++i];
                    switch (c)
                    {
                        case '"': case '\\': case '/': break;
                        case 'n': c = '\n'; break;
                        case 't': c = '\t'; break;
                        case 'r': c = '\r'; break;
                        case '0': c = '\0'; break;
                        case 'u':
                            if (i + 4 >= after - 1 || !ushort.TryParse(_text.Substring(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code)
                                || char.IsSurrogate((char)code))
                            {
                                throw NotPlain();
                            }
                            c = (char)code;
                            i += 4;
                            break;
                        default:
                            throw NotPlain(); // the rarer escapes
                    }
                }
                value.Append(c);
            }
            return new YamlNode(YamlNodeKind.Scalar, Range(line, at, after)) { Value = value.ToString() };
        }

        private YamlNode Plain(int line, int start, int end)
        {
            var value = _text.Substring(start, end - start);
            return new YamlNode(YamlNodeKind.Scalar, Range(line, start, end)) { IsPlain = true, Value = YamlTreeReader.IsNull(value) ? null : value };
        }

        /// <summary>A key or dash with nothing after it: YamlDotNet's empty scalar, placed right after the indicator.</summary>
        private YamlNode Empty(int line, int at) => new(YamlNodeKind.Scalar, Range(line, at, at)) { IsPlain = true };

        private int SkipSpaces(int line, int at)
        {
            while (at < _ends[line] && _text[at] == ' ')
            {
                at++;
            }
            return at;
        }

        private SourceRange Range(int line, int start, int end) =>
            new(_path, new SourcePosition(line + 1, start - _starts[line] + 1), new SourcePosition(line + 1, end - _starts[line] + 1));
    }
}
