using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Codebook.Catalogue
{
    /// <summary>A protocol another assembly generated, as its recorded catalogue describes it.</summary>
    /// <param name="Assembly">The referenced assembly's name, for messages.</param>
    /// <param name="RootNamespace">Where its types are: <c>{RootNamespace}.{Prefix}.{Prefix}StatusCode</c>.</param>
    /// <param name="Public">Its types are public (else internal, reachable through InternalsVisibleTo).</param>
    internal sealed record ReferencedProtocol(string Assembly, string RootNamespace, bool Public, ProtocolModel Protocol, InteropModel? Interop)
    {
        /// <summary>"Codebook.Sip": the namespace of the protocol's types.</summary>
        public string TypeNamespace => RootNamespace + "." + Protocol.Prefix;
    }

    /// <summary>A recorded catalogue as found on a reference, not yet read: cheap to find and to compare.</summary>
    internal sealed record RecordText(string Assembly, string Text);

    /// <summary>The embedded catalogue composed ahead of time: its root namespace, validated protocols and built-in stacks' mappings.</summary>
    internal sealed record ReadyCatalogue(string Namespace, EquatableArray<ProtocolModel> Protocols, EquatableArray<InteropModel> BuiltIn);

    /// <summary>
    /// The catalogue an assembly was generated from, as data in its metadata: one
    /// <c>[assembly: AssemblyMetadata("Codebook.Protocol", ...)]</c> per generated protocol. Downstream projects
    /// read it to use the types instead of generating them again, and to judge them by the catalogue that made
    /// them. The text is a sequence of length-prefixed fields (<c>5:hello</c>), read back without a parser, and
    /// starts with the format version, which grows when a field is added; the root namespace and the visibility
    /// follow it in every format.
    /// </summary>
    internal static class CatalogueRecord
    {
        /// <summary>The AssemblyMetadata key the records are written under.</summary>
        public const string MetadataKey = "Codebook.Protocol";

        /// <summary>The format this Codebook writes and the newest it reads.</summary>
        /// <remarks>
        /// 2 added each code's no-content flag and the interop fields after the first four (status-constants,
        /// request-types, ...); 3 the interop's sink-role.
        /// </remarks>
        public const int FormatVersion = 3;

        public static string Write(string rootNamespace, bool isPublic, ProtocolModel protocol, InteropModel? interop)
        {
            var w = new Writer();
            w.Int(FormatVersion);
            w.Text(rootNamespace);
            w.Bool(isPublic);
            w.Text(protocol.Key);
            w.Text(protocol.Prefix);
            w.Text(protocol.Title);
            w.Text(protocol.Reference);
            w.Int(protocol.Min);
            w.Int(protocol.Max);
            w.Texts(protocol.Versions);
            w.Tokens(protocol.Methods);
            w.Texts(protocol.NoResponse);
            w.Tokens(protocol.Roles);
            w.Ints(protocol.UnknownTargets);
            w.Int(protocol.OutOfRangeTarget);
            w.Texts(protocol.Cultures);
            w.Int(protocol.ClassRules.Count);
            foreach (var rule in protocol.ClassRules)
            {
                w.Int(rule.Class);
                w.Texts(rule.AllowedMethods);
                w.Texts(rule.AllowedRoles);
                w.Text(rule.Reference);
            }
            w.Int(protocol.Codes.Count);
            foreach (var code in protocol.Codes)
            {
                w.Int(code.Value);
                w.Text(code.Name);
                w.Text(code.Reason);
                w.Text(code.Reference);
                w.Texts(code.AllowedMethods);
                w.Text(code.MethodRuleReference);
                w.Texts(code.AllowedRoles);
                w.Text(code.RoleRuleReference);
                w.Texts(code.Headers);
                w.Bool(code.Deprecated is not null);
                w.Text(code.Deprecated ?? "");
                w.Int(code.Instead.Count);
                foreach (var substitute in code.Instead)
                {
                    w.Text(substitute.When);
                    w.Int(substitute.Code);
                }
                w.Int(code.Cacheable is null ? -1 : code.Cacheable.Value ? 1 : 0);
                w.Bool(code.NoContent);
                w.Messages(code.User);
                w.Messages(code.Engineer);
            }
            w.Bool(interop is not null);
            if (interop is not null)
            {
                w.Interop(interop);
            }
            return w.ToString();
        }

        /// <summary>
        /// The embedded catalogue's ready model (<c>codes.model</c>): the format version, a hash of the codes.yaml
        /// text it was composed from, and one record per protocol.
        /// </summary>
        public static string WriteReady(string sourceText, ReadyCatalogue ready)
        {
            var w = new Writer();
            w.Int(FormatVersion);
            w.Text(Hash(sourceText));
            w.Int(ready.Protocols.Count);
            foreach (var protocol in ready.Protocols)
            {
                w.Text(Write(ready.Namespace, true, protocol, null));
            }
            w.Int(ready.BuiltIn.Count);
            foreach (var interop in ready.BuiltIn)
            {
                w.Text(interop.Protocol);
                w.Interop(interop);
            }
            return w.ToString();
        }

        /// <summary>The ready model, or null when it is missing, unreadable, or was made from another codes.yaml text.</summary>
        public static ReadyCatalogue? ReadReady(string text, string sourceText)
        {
            try
            {
                var r = new Reader(text);
                if (r.Int() != FormatVersion || r.Text() != Hash(sourceText))
                {
                    return null;
                }
                var protocols = new ProtocolModel[r.Count()];
                var rootNamespace = "";
                for (var i = 0; i < protocols.Length; i++)
                {
                    if (Read(new RecordText("codes.model", r.Text()), out _) is not { } protocol)
                    {
                        return null;
                    }
                    protocols[i] = protocol.Protocol;
                    rootNamespace = protocol.RootNamespace;
                }
                var builtIn = new InteropModel[r.Count()];
                for (var i = 0; i < builtIn.Length; i++)
                {
                    builtIn[i] = r.Interop(r.Text(), FormatVersion);
                }
                return r.AtEnd && protocols.Length > 0 ? new ReadyCatalogue(rootNamespace, protocols.ToEquatableArray(), builtIn.ToEquatableArray()) : null;
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// FNV-1a over the text's UTF-16 code units: stable across processes and platforms (string.GetHashCode is
        /// not). Carriage returns are skipped, so a checkout with CRLF line ends keeps the same hash.
        /// </summary>
        private static string Hash(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                if (c != '\r')
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }
            }
            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The visibility field, read without reading the whole record: version, namespace and visibility lead every
        /// format. A record too damaged to tell counts as public, so that reading it reports why.
        /// </summary>
        public static bool IsPublic(string text)
        {
            var r = new Reader(text);
            try
            {
                r.Text();
                r.Text();
                return r.Bool();
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                return true;
            }
        }

        /// <summary>Reads a record; null with <paramref name="error"/> saying why when it cannot be read.</summary>
        public static ReferencedProtocol? Read(RecordText record, out string? error)
        {
            var r = new Reader(record.Text);
            try
            {
                var version = r.Int();
                if (version > FormatVersion)
                {
                    error = $"its Codebook catalogue is in format {version}, and this Codebook reads format {FormatVersion} and older: update the Codebook package in this project";
                    return null;
                }
                if (version < 1)
                {
                    throw new FormatException($"format version {version}");
                }
                var rootNamespace = r.Text();
                var isPublic = r.Bool();
                var key = r.Text();
                var prefix = r.Text();
                var title = r.Text();
                var reference = r.Text();
                var min = r.Int();
                var max = r.Int();
                var versions = r.Texts();
                var methods = r.Tokens();
                var noResponse = r.Texts();
                var roles = r.Tokens();
                var unknownTargets = r.Ints();
                var outOfRange = r.Int();
                var cultures = r.Texts();
                var classRules = new ClassRuleModel[r.Count()];
                for (var i = 0; i < classRules.Length; i++)
                {
                    classRules[i] = new ClassRuleModel(r.Int(), r.Texts(), r.Texts(), r.Text());
                }
                var codes = new StatusCodeModel[r.Count()];
                for (var i = 0; i < codes.Length; i++)
                {
                    var value = r.Int();
                    var name = r.Text();
                    var reason = r.Text();
                    var codeReference = r.Text();
                    var allowedMethods = r.Texts();
                    var methodReference = r.Text();
                    var allowedRoles = r.Texts();
                    var roleReference = r.Text();
                    var headers = r.Texts();
                    var isDeprecated = r.Bool();
                    var deprecated = r.Text();
                    var instead = new Substitute[r.Count()];
                    for (var j = 0; j < instead.Length; j++)
                    {
                        instead[j] = new Substitute(r.Text(), r.Int());
                    }
                    var cacheable = r.Int();
                    var noContent = version >= 2 && r.Bool();
                    codes[i] = new StatusCodeModel(value, name, reason, codeReference, allowedMethods, methodReference, allowedRoles, roleReference,
                        headers, isDeprecated ? deprecated : null, instead.ToEquatableArray(), cacheable < 0 ? null : cacheable == 1, noContent, r.Messages(), r.Messages());
                }
                InteropModel? interop = null;
                if (r.Bool())
                {
                    interop = r.Interop(key, version);
                }
                if (!r.AtEnd || unknownTargets.Count != 6 || !Naming.IsProtocolKey(key) || !Naming.IsIdentifier(prefix) || !Naming.IsNamespace(rootNamespace))
                {
                    throw new FormatException("inconsistent fields");
                }
                // What the readers index by must be unique and in range, as the validator made it.
                if (codes.Select(c => c.Value).Distinct().Count() != codes.Length || codes.Any(c => c.Value < min || c.Value > max || !Naming.IsIdentifier(c.Name))
                    || codes.Select(c => c.Name).Distinct().Count() != codes.Length
                    || classRules.Select(c => c.Class).Distinct().Count() != classRules.Length || classRules.Any(c => c.Class is < 1 or > 6)
                    || methods.Select(m => m.Token).Distinct().Count() != methods.Count || roles.Select(m => m.Token).Distinct().Count() != roles.Count)
                {
                    throw new FormatException("duplicate or out-of-range entries");
                }
                var protocol = new ProtocolModel(key, prefix, title, reference, min, max, versions, methods, noResponse, roles,
                    unknownTargets, outOfRange, cultures, classRules.ToEquatableArray(), codes.ToEquatableArray());
                error = null;
                return new ReferencedProtocol(record.Assembly, rootNamespace, isPublic, protocol, interop);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                error = $"its Codebook catalogue cannot be read ({e.Message} at character {r.Position}); rebuild it with this version of Codebook";
                return null;
            }
        }

        private sealed class Writer
        {
            private readonly StringBuilder _text = new();

            public void Text(string value) => _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

            public void Int(int value) => Text(value.ToString(CultureInfo.InvariantCulture));

            public void Bool(bool value) => Int(value ? 1 : 0);

            public void Texts(EquatableArray<string> values) => List(values, Text);

            public void Ints(EquatableArray<int> values) => List(values, Int);

            public void Tokens(EquatableArray<NamedToken> tokens) => List(tokens, token => { Text(token.Token); Text(token.Member); });

            public void Messages(EquatableArray<Message> messages) => List(messages, message => { Text(message.Culture); Text(message.Text); });

            public void Interop(InteropModel interop)
            {
                Texts(interop.StatusTypes);
                Texts(interop.StatusMembers);
                Texts(interop.StatusConstants);
                Texts(interop.MethodTypes);
                Texts(interop.MethodMembers);
                List(interop.RequestTypes, request => { Text(request.Name); Text(request.Method); });
                List(interop.HeaderMembers, header => { Text(header.Header); Text(header.Member); });
                List(interop.ImpliedCodes, implied => { Text(implied.Member); Int(implied.Code); });
                List(interop.HandlerCalls, call => { Text(call.Name); Text(call.Method); });
                Texts(interop.MethodAttributes);
                Texts(interop.MethodTests);
                Texts(interop.ContentMembers);
                Text(interop.SinkRole);
            }

            /// <summary>A count, then each item.</summary>
            private void List<T>(EquatableArray<T> items, Action<T> write)
                where T : IEquatable<T>
            {
                Int(items.Count);
                foreach (var item in items)
                {
                    write(item);
                }
            }

            public override string ToString() => _text.ToString();
        }

        private sealed class Reader
        {
            /// <summary>No list in a catalogue comes near this: a larger count is damage, not data.</summary>
            private const int MaxCount = 100_000;

            private readonly string _text;

            public Reader(string text) => _text = text;

            public int Position { get; private set; }

            public bool AtEnd => Position == _text.Length;

            public string Text()
            {
                var colon = _text.IndexOf(':', Position);
                if (colon < 0 || colon == Position || colon - Position > 9)
                {
                    throw new FormatException("expected a field length");
                }
                var length = 0;
                for (var i = Position; i < colon; i++)
                {
                    var digit = _text[i] - '0';
                    if (digit < 0 || digit > 9)
                    {
                        throw new FormatException("expected a field length");
                    }
                    length = length * 10 + digit;
                }
                if (length > _text.Length - colon - 1)
                {
                    throw new FormatException("a field runs past the end");
                }
                Position = colon + 1 + length;
                return _text.Substring(colon + 1, length);
            }

            public int Int() => int.Parse(Text(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

            public bool Bool() => Int() switch
            {
                0 => false,
                1 => true,
                var other => throw new FormatException($"expected 0 or 1 but found {other}"),
            };

            public int Count()
            {
                var count = Int();
                return count is >= 0 and <= MaxCount ? count : throw new FormatException($"a list of {count} items");
            }

            public EquatableArray<string> Texts() => List(Text);

            public EquatableArray<int> Ints() => List(Int);

            public EquatableArray<NamedToken> Tokens() => List(() => new NamedToken(Text(), Text()));

            public EquatableArray<Message> Messages() => List(() => new Message(Text(), Text()));

            /// <summary>Format 1 had the first four lists only; format 2 no sink-role.</summary>
            public InteropModel Interop(string protocol, int version)
            {
                if (version < 2)
                {
                    return InteropModel.Empty(protocol) with { StatusTypes = Texts(), StatusMembers = Texts(), MethodTypes = Texts(), MethodMembers = Texts() };
                }
                return new InteropModel(protocol, Texts(), Texts(), Texts(), Texts(), Texts(), List(() => new MappedMethod(Text(), Text())), List(() => new HeaderMember(Text(), Text())),
                    List(() => new ImpliedCode(Text(), Int())), List(() => new MappedMethod(Text(), Text())), Texts(), Texts(), Texts(), version >= 3 ? Text() : "");
            }

            /// <summary>A count, then that many items.</summary>
            private EquatableArray<T> List<T>(Func<T> read)
                where T : IEquatable<T>
            {
                var items = new T[Count()];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = read();
                }
                return items.ToEquatableArray();
            }
        }
    }
}
