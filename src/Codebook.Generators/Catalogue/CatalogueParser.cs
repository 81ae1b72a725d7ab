using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>
    /// The one reader of codes.yaml: YAML text to <see cref="CatalogueDocument"/>. It reads what is valid and
    /// records everything else as a located <see cref="CatalogueProblem"/>; it never throws on any input.
    /// </summary>
    internal sealed class CatalogueParser
    {
        /// <summary>The keys allowed at each level of the file (codes.schema.json lists the same; a test keeps them equal).</summary>
        internal static class Keys
        {
            public static readonly string[] Root = { "namespace", "use", "protocols", "interop", "stacks" };
            public static readonly string[] Interop = { "status-types", "status-members", "status-constants", "method-types", "method-members", "request-types", "header-members",
                "implied-codes", "handler-calls", "method-attributes", "method-tests", "content-members", "sink-role" };
            public static readonly string[] Protocol = { "extends", "generate", "prefix", "title", "reference", "range", "versions", "methods", "no-response", "roles", "unknown", "classes", "codes" };
            public static readonly string[] Classes = { "1xx", "2xx", "3xx", "4xx", "5xx", "6xx" };
            public static readonly string[] UnknownClasses = { "provisional", "success", "redirection", "client-error", "server-error", "global-failure" };
            public static readonly string[] Unknown = new[] { "default", "out-of-range" }.Concat(UnknownClasses).ToArray();
            public static readonly string[] ClassRule = { "methods", "not-methods", "emitters", "not-emitters", "reference" };
            public static readonly string[] Code = { "reason", "name", "reference", "methods", "not-methods", "emitters", "not-emitters", "headers", "deprecated", "instead", "cacheable", "content", "replace", "user", "engineer" };
        }

        private readonly List<CatalogueProblem> _problems;

        /// <summary>
        /// Entries read, aliases counted at every use. Aliases of mappings can multiply a small file into billions of
        /// entries; past this budget the rest is not read (and that is reported), so time and memory stay bounded.
        /// </summary>
        private int _budget = 1_000_000;

        private CatalogueParser(List<CatalogueProblem> problems) => _problems = problems;

        public static CatalogueDocument Parse(string text, string path, List<CatalogueProblem> problems)
        {
            var document = new CatalogueDocument(path);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1); // a byte order mark is not content, and editors do not count it as a column
            }
            var nul = text.IndexOf('\0');
            if (nul >= 0)
            {
                // YAML readers stop at a NUL; say so rather than silently reading half a file.
                var lineStart = text.LastIndexOf('\n', nul) + 1;
                var at = new SourcePosition(1 + text.Take(nul).Count(c => c == '\n'), nul - lineStart + 1);
                problems.Add(new CatalogueProblem(ProblemIds.InvalidYaml,
                    "codes.yaml contains a NUL character here and cannot be read as text; is it a binary file?",
                    new SourceRange(path, at, at)));
                return document;
            }
            var root = YamlTreeReader.Read(text, path, problems);
            if (root is null || (root.Kind == YamlNodeKind.Scalar && root.Value is null))
            {
                return document; // an empty file: nothing added, nothing wrong
            }

            new CatalogueParser(problems).ReadRoot(root, document);
            return document;
        }

        private void ReadRoot(YamlNode root, CatalogueDocument document)
        {
            foreach (var (key, value) in Fields(root, "the catalogue", Keys.Root))
            {
                switch (key)
                {
                    case "namespace":
                        document.Namespace = String(value, "namespace");
                        break;
                    case "use":
                        document.Use = StringList(value, "use");
                        break;
                    case "interop":
                        foreach (var (protocolKey, interopNode) in Entries(value, "interop", ProblemIds.Duplicate))
                        {
                            if (String(protocolKey, "a protocol key") is { } interopKey)
                            {
                                document.Interop.Add(ReadInterop(interopNode, interopKey, $"interop for '{interopKey.Value}'"));
                            }
                        }
                        break;
                    case "stacks":
                        foreach (var (stackKey, stackNode) in Entries(value, "stacks", ProblemIds.Duplicate))
                        {
                            if (String(stackKey, "a stack key") is { } stackName)
                            {
                                document.Stacks.Add(ReadStack(stackNode, stackName));
                            }
                        }
                        break;
                    case "protocols":
                        foreach (var (protocolKey, protocolNode) in Entries(value, "protocols", ProblemIds.Duplicate))
                        {
                            var key2 = String(protocolKey, "a protocol key");
                            if (key2 is { } located)
                            {
                                var protocol = new ProtocolEntry(located);
                                ReadProtocol(protocolNode, protocol);
                                document.Protocols.Add(protocol);
                            }
                        }
                        break;
                }
            }
        }

        private InteropEntry ReadInterop(YamlNode node, Located<string> protocolKey, string what)
        {
            var interop = new InteropEntry(protocolKey);
            foreach (var (field, list) in Fields(node, what, Keys.Interop))
            {
                if (field == "sink-role")
                {
                    interop.SinkRole = String(list, "sink-role");
                    continue;
                }
                if (field is "request-types" or "implied-codes" or "handler-calls")
                {
                    var pairs = field switch { "request-types" => interop.RequestTypes, "implied-codes" => interop.ImpliedCodes, _ => interop.HandlerCalls };
                    foreach (var (nameNode, valueNode) in Entries(list, field, ProblemIds.Duplicate))
                    {
                        if (String(nameNode, $"a name under {field}") is { } name && String(valueNode, $"what '{name.Value}' stands for") is { } value)
                        {
                            pairs.Add((name, value));
                        }
                    }
                    continue;
                }
                if (field == "header-members")
                {
                    foreach (var (headerNode, membersNode) in Entries(list, "header-members", ProblemIds.Duplicate))
                    {
                        if (String(headerNode, "a header name") is { } header)
                        {
                            foreach (var member in StringList(membersNode, $"the members that set {header.Value}") ?? new List<Located<string>>())
                            {
                                interop.HeaderMembers.Add((header, member));
                            }
                        }
                    }
                    continue;
                }
                var names = StringList(list, field) ?? new List<Located<string>>();
                (field switch
                {
                    "status-types" => interop.StatusTypes,
                    "status-members" => interop.StatusMembers,
                    "status-constants" => interop.StatusConstants,
                    "method-types" => interop.MethodTypes,
                    "method-attributes" => interop.MethodAttributes,
                    "method-tests" => interop.MethodTests,
                    "content-members" => interop.ContentMembers,
                    _ => interop.MethodMembers,
                }).AddRange(names);
            }
            return interop;
        }

        /// <summary><c>sipsorcery: false</c>, or the stack's mappings per protocol.</summary>
        private StackEntry ReadStack(YamlNode node, Located<string> key)
        {
            var stack = new StackEntry(key);
            if (node.Kind == YamlNodeKind.Scalar)
            {
                if (node.IsPlain && (node.Value == "true" || node.Value == "false"))
                {
                    stack.Enabled = new Located<bool>(node.Value == "true", node.Range);
                }
                else
                {
                    Problem(ProblemIds.InvalidEntry, node, $"expected stack '{key.Value}' to be false (to turn it off), true, or a map from protocol keys to mappings but found {node.Describe()}");
                }
                return stack;
            }
            foreach (var (protocolNode, interopNode) in Entries(node, $"stack '{key.Value}'", ProblemIds.Duplicate))
            {
                if (String(protocolNode, "a protocol key") is not { } protocolKey)
                {
                    continue;
                }
                stack.Protocols.Add(ReadInterop(interopNode, protocolKey, $"stack '{key.Value}' for '{protocolKey.Value}'"));
            }
            return stack;
        }

        private void ReadProtocol(YamlNode node, ProtocolEntry protocol)
        {
            var what = $"protocol '{protocol.Key.Value}'";
            foreach (var (key, value) in Fields(node, what, Keys.Protocol))
            {
                switch (key)
                {
                    case "extends": protocol.Extends = String(value, "extends"); break;
                    case "generate": protocol.Generate = Bool(value, "generate"); break;
                    case "prefix": protocol.Prefix = String(value, "prefix"); break;
                    case "title": protocol.Title = String(value, "title"); break;
                    case "reference": protocol.Reference = String(value, "reference"); break;
                    case "versions": protocol.Versions = StringList(value, "versions"); break;
                    case "methods": protocol.Methods = StringList(value, "methods"); break;
                    case "no-response": protocol.NoResponse = StringList(value, "no-response"); break;
                    case "roles": protocol.Roles = StringList(value, "roles"); break;
                    case "range": ReadRange(value, protocol); break;
                    case "unknown": ReadUnknown(value, protocol); break;
                    case "classes":
                        foreach (var (classKey, classNode) in Entries(value, "classes", ProblemIds.InvalidEntry))
                        {
                            var digit = Array.IndexOf(Keys.Classes, classKey.Value) + 1;
                            if (digit == 0)
                            {
                                Problem(ProblemIds.InvalidEntry, classKey, $"expected a class key (1xx, 2xx, 3xx, 4xx, 5xx or 6xx) but found {classKey.Describe()}");
                                continue;
                            }
                            var rule = new RuleEntry();
                            foreach (var (ruleKey, ruleValue) in Fields(classNode, $"class {classKey.Value}", Keys.ClassRule))
                            {
                                ReadRule(ruleKey, ruleValue, rule);
                            }
                            protocol.Classes[digit] = rule;
                        }
                        break;
                    case "codes":
                        foreach (var (codeKey, codeNode) in Entries(value, "codes", ProblemIds.Duplicate))
                        {
                            if (Int(codeKey, "a status code (a whole number such as 404)") is { } code)
                            {
                                var entry = new CodeEntry(code);
                                ReadCode(codeNode, entry);
                                protocol.Codes.Add(entry);
                            }
                        }
                        break;
                }
            }
        }

        private void ReadRange(YamlNode node, ProtocolEntry protocol)
        {
            if (node.Kind != YamlNodeKind.Sequence || node.Items.Count != 2)
            {
                Problem(ProblemIds.InvalidEntry, node, $"expected range as a list of two numbers, [min, max], but found {node.Describe()}");
                return;
            }
            var min = Int(node.Items[0], "the lowest code of the range");
            var max = Int(node.Items[1], "the highest code of the range");
            if (min is null || max is null)
            {
                return;
            }
            if (min.Value.Value > max.Value.Value)
            {
                Problem(ProblemIds.InvalidEntry, node, $"expected range [min, max] with min <= max but found [{min.Value.Value}, {max.Value.Value}]");
                return;
            }
            protocol.RangeMin = min;
            protocol.RangeMax = max;
        }

        private void ReadUnknown(YamlNode node, ProtocolEntry protocol)
        {
            foreach (var (key, value) in Fields(node, "unknown", Keys.Unknown))
            {
                if (key == "default")
                {
                    if (String(value, "unknown.default") is { } mode && mode.Value != "class")
                    {
                        Problem(ProblemIds.InvalidEntry, value, $"expected 'class' (an unknown code counts as the x00 code of its class) but found '{mode.Value}'");
                    }
                }
                else if (Int(value, $"unknown.{key} (a status code)") is { } code)
                {
                    if (key == "out-of-range")
                    {
                        protocol.UnknownOutOfRange = code;
                    }
                    else
                    {
                        protocol.UnknownByClass[Array.IndexOf(Keys.UnknownClasses, key) + 1] = code;
                    }
                }
            }
        }

        private void ReadCode(YamlNode node, CodeEntry entry)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Value is not null)
            {
                // `200: OK` is the short form of `200: { reason: OK }`.
                entry.Reason = new Located<string>(node.Value, node.Range);
                return;
            }

            foreach (var (key, value) in Fields(node, $"code {entry.Code.Value}", Keys.Code))
            {
                switch (key)
                {
                    case "reason":
                        entry.Reason = String(value, "reason");
                        entry.ReasonIsInvalid = entry.Reason is null;
                        break;
                    case "name": entry.Name = String(value, "name"); break;
                    case "headers": entry.Headers = StringList(value, "headers"); break;
                    case "cacheable":
                        if (Bool(value, "cacheable") is { } cacheable)
                        {
                            entry.Cacheable = cacheable;
                        }
                        break;
                    case "content":
                        entry.Content = Bool(value, "content");
                        break;
                    case "replace":
                        entry.Replace = Bool(value, "replace")?.Value ?? false;
                        break;
                    case "deprecated":
                        if (value.Kind == YamlNodeKind.Scalar && value.IsPlain && (value.Value == "true" || value.Value == "false"))
                        {
                            entry.Deprecated = new Located<string?>(value.Value == "true" ? string.Empty : null, value.Range);
                        }
                        else if (String(value, "deprecated (true, false or the reason)") is { } why)
                        {
                            entry.Deprecated = new Located<string?>(why.Value, why.Range);
                        }
                        break;
                    case "instead":
                        entry.Instead = new List<KeyValuePair<Located<string>, Located<int>>>();
                        foreach (var (insteadKey, insteadValue) in Entries(value, "instead", ProblemIds.InvalidEntry))
                        {
                            if (String(insteadKey, "a role or method") is { } target && Int(insteadValue, "a status code") is { } code)
                            {
                                entry.Instead.Add(new KeyValuePair<Located<string>, Located<int>>(target, code));
                            }
                        }
                        break;
                    case "user":
                        ReadMessages(value, "user", entry.User);
                        break;
                    case "engineer":
                        ReadMessages(value, "engineer", entry.Engineer);
                        break;
                    default:
                        ReadRule(key, value, entry);
                        break;
                }
            }
        }

        private void ReadRule(string key, YamlNode value, RuleEntry rule)
        {
            switch (key)
            {
                case "methods": rule.Methods = StringList(value, key); break;
                case "not-methods": rule.NotMethods = StringList(value, key); break;
                case "emitters": rule.Emitters = StringList(value, key); break;
                case "not-emitters": rule.NotEmitters = StringList(value, key); break;
                case "reference": rule.Reference = String(value, key); break;
            }
        }

        private void ReadMessages(YamlNode node, string what, List<KeyValuePair<Located<string>, Located<string>>> messages)
        {
            foreach (var (cultureNode, textNode) in Entries(node, what, ProblemIds.InvalidEntry))
            {
                var culture = String(cultureNode, "a culture name such as en or zh-CN");
                var text = String(textNode, $"the {what} message");
                if (culture is null || text is null)
                {
                    continue;
                }
                if (!IsCultureName(culture.Value.Value))
                {
                    Problem(ProblemIds.InvalidEntry, cultureNode, $"expected a culture name such as en or zh-CN but found '{culture.Value.Value}'");
                    continue;
                }
                messages.Add(new KeyValuePair<Located<string>, Located<string>>(culture.Value, text.Value));
            }
        }

        /// <summary>BCP 47 shape: a 2-8 letter language, then subtags of 1-8 letters or digits.</summary>
        internal static bool IsCultureName(string name)
        {
            var parts = name.Split('-');
            if (parts[0].Length < 2 || parts[0].Length > 8 || !IsAscii(parts[0], letters: true))
            {
                return false;
            }
            for (var i = 1; i < parts.Length; i++)
            {
                if (parts[i].Length < 1 || parts[i].Length > 8 || !IsAscii(parts[i], letters: false))
                {
                    return false;
                }
            }
            return true;

            static bool IsAscii(string part, bool letters)
            {
                foreach (var c in part)
                {
                    var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!letters && c >= '0' && c <= '9');
                    if (!ok)
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        /// <summary>The pairs of a mapping whose keys must be among <paramref name="allowed"/>; others are reported.</summary>
        private IEnumerable<(string Key, YamlNode Value)> Fields(YamlNode node, string what, string[] allowed)
        {
            foreach (var (key, value) in Entries(node, what, ProblemIds.InvalidEntry))
            {
                if (key.Kind != YamlNodeKind.Scalar || key.Value is null || Array.IndexOf(allowed, key.Value) < 0)
                {
                    Problem(ProblemIds.InvalidEntry, key, $"unknown key {key.Describe()} in {what}; expected one of: {string.Join(", ", allowed)}");
                    continue;
                }
                yield return (key.Value, value);
            }
        }

        /// <summary>The pairs of a mapping; a repeated key is reported and its later value skipped.</summary>
        private IEnumerable<(YamlNode Key, YamlNode Value)> Entries(YamlNode node, string what, string duplicateId)
        {
            if (node.Kind != YamlNodeKind.Mapping)
            {
                if (!(node.Kind == YamlNodeKind.Scalar && node.Value is null))
                {
                    Problem(ProblemIds.InvalidEntry, node, $"expected {what} to be a mapping (key: value lines) but found {node.Describe()}");
                }
                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in node.Pairs)
            {
                if (!Spend(pair.Key))
                {
                    yield break;
                }
                var keyText = pair.Key.Kind == YamlNodeKind.Scalar ? pair.Key.Value ?? "" : null;
                if (keyText is not null && !seen.Add(keyText))
                {
                    Problem(duplicateId, pair.Key, $"duplicate key '{keyText}' in {what}; the first one is used");
                    continue;
                }
                yield return (pair.Key, pair.Value);
            }
        }

        private Located<string>? String(YamlNode node, string what)
        {
            if (node.Kind != YamlNodeKind.Scalar || node.Value is null)
            {
                Problem(ProblemIds.InvalidEntry, node, $"expected {what} to be text but found {node.Describe()}");
                return null;
            }
            return new Located<string>(node.Value, node.Range);
        }

        private Located<int>? Int(YamlNode node, string what)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Value is not null
                && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return new Located<int>(value, node.Range);
            }
            Problem(ProblemIds.InvalidEntry, node, $"expected {what} but found {node.Describe()}");
            return null;
        }

        private Located<bool>? Bool(YamlNode node, string what)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.IsPlain && (node.Value == "true" || node.Value == "false"))
            {
                return new Located<bool>(node.Value == "true", node.Range);
            }
            Problem(ProblemIds.InvalidEntry, node, $"expected {what} to be true or false but found {node.Describe()}");
            return null;
        }

        private List<Located<string>>? StringList(YamlNode node, string what)
        {
            if (node.Kind != YamlNodeKind.Sequence)
            {
                Problem(ProblemIds.InvalidEntry, node, $"expected {what} to be a list such as [A, B] but found {node.Describe()}");
                return null;
            }
            var list = new List<Located<string>>();
            foreach (var item in node.Items)
            {
                if (!Spend(item))
                {
                    return null;
                }
                if (String(item, $"each item of {what}") is { } value)
                {
                    list.Add(value);
                }
            }
            // A list with a bad item is left out whole: half a list would silently replace the inherited one.
            return list.Count == node.Items.Count ? list : null;
        }

        private bool Spend(YamlNode at)
        {
            if (--_budget == 0)
            {
                Problem(ProblemIds.InvalidEntry, at, "the catalogue expands to more than a million entries (through aliases?); the rest is not read");
            }
            return _budget > 0;
        }

        private void Problem(string id, YamlNode node, string message) => _problems.Add(new CatalogueProblem(id, message, node.Range));
    }
}
