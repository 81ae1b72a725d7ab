using System;
using System.Collections.Generic;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>A catalogue file's path and text: the generator's equatable input.</summary>
    internal sealed record CatalogueSource(string Path, string Text);

    /// <summary>
    /// Lays a project's codes.yaml files over the embedded catalogue, resolves <c>extends</c> and <c>use</c>,
    /// validates, and produces the <see cref="CatalogueModel"/>. Shared by the generator (which emits the model)
    /// and the catalogue analyzer (which reports the problems), so both see exactly the same catalogue.
    /// </summary>
    internal static class CatalogueComposer
    {
        public const string DefaultNamespace = "Codebook";

        public static CatalogueModel Compose(
            CatalogueSource embedded,
            IEnumerable<CatalogueSource> projectFiles,
            string? namespaceOverride,
            List<CatalogueProblem> problems)
        {
            var found = new List<CatalogueProblem>();
            var protocols = new Dictionary<string, ProtocolEntry>(StringComparer.Ordinal);
            var order = new List<string>();
            var baseDocument = CatalogueParser.Parse(embedded.Text, embedded.Path, found);
            foreach (var protocol in baseDocument.Protocols)
            {
                protocols[protocol.Key.Value] = protocol;
                order.Add(protocol.Key.Value);
            }
            var embeddedKeys = new List<string>(order);

            var ns = baseDocument.Namespace;
            var interop = new List<InteropEntry>(baseDocument.Interop);
            List<Located<string>>? use = null;
            var declared = new List<string>();
            // The same file listed twice (by the package's targets and by hand) counts once.
            foreach (var file in projectFiles.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First()).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var document = CatalogueParser.Parse(file.Text, file.Path, found);
                ns = document.Namespace ?? ns;
                interop.AddRange(document.Interop);
                if (document.Use is not null)
                {
                    (use ??= new List<Located<string>>()).AddRange(document.Use);
                }
                foreach (var protocol in document.Protocols)
                {
                    var key = protocol.Key.Value;
                    if (protocols.TryGetValue(key, out var existing))
                    {
                        existing.LayOver(protocol);
                    }
                    else
                    {
                        protocols[key] = protocol;
                        order.Add(key);
                    }
                    if (!declared.Contains(key))
                    {
                        declared.Add(key);
                    }
                }
            }

            var selected = new HashSet<string>(StringComparer.Ordinal);
            if (use is null)
            {
                selected.UnionWith(embeddedKeys);
            }
            else
            {
                foreach (var key in use)
                {
                    if (protocols.ContainsKey(key.Value))
                    {
                        selected.Add(key.Value);
                    }
                    else
                    {
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"use names protocol '{key.Value}', which is not declared; known protocols: {string.Join(", ", order)}", key.Range));
                    }
                }
            }
            selected.UnionWith(declared);

            var rootNamespace = DefaultNamespace;
            if (!string.IsNullOrWhiteSpace(namespaceOverride))
            {
                rootNamespace = namespaceOverride!.Trim();
                if (!Naming.IsNamespace(rootNamespace))
                {
                    found.Add(new CatalogueProblem(ProblemIds.InvalidEntry,
                        $"the CodebookNamespace property '{rootNamespace}' is not a C# namespace; '{DefaultNamespace}' is used",
                        new SourceRange("CodebookNamespace", new SourcePosition(1, 1), new SourcePosition(1, 1))));
                    rootNamespace = DefaultNamespace;
                }
            }
            else if (ns is { } written)
            {
                if (Naming.IsNamespace(written.Value))
                {
                    rootNamespace = written.Value;
                }
                else
                {
                    found.Add(new CatalogueProblem(ProblemIds.InvalidEntry,
                        $"expected namespace to be a C# namespace such as 'Contoso.Protocols' but found '{written.Value}'", written.Range));
                }
            }

            var resolver = new ExtendsResolver(protocols, found);
            var models = new List<ProtocolModel>();
            // Hint names (and file systems) ignore case: Http and HTTP would clash.
            var prefixes = new Dictionary<string, Located<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in order.Where(selected.Contains))
            {
                var resolved = resolver.Resolve(key);
                if (resolved is null)
                {
                    continue;
                }
                var model = new ProtocolValidator(resolved, found).Build();
                if (model is null)
                {
                    continue;
                }
                if (prefixes.TryGetValue(model.Prefix, out var first))
                {
                    found.Add(new CatalogueProblem(ProblemIds.Duplicate,
                        $"protocol '{key}' uses prefix '{model.Prefix}', already used by another protocol at {first.Range}; its types would clash",
                        (resolved.Prefix ?? resolved.Key).Range));
                    continue;
                }
                prefixes[model.Prefix] = resolved.Prefix ?? resolved.Key;
                models.Add(model);
            }

            var interopModels = new List<InteropModel>();
            foreach (var group in interop.GroupBy(i => i.Protocol.Value))
            {
                if (!models.Any(m => m.Key == group.Key))
                {
                    found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                        $"interop names protocol '{group.Key}', which is not generated here; generated: {string.Join(", ", models.Select(m => m.Key))}",
                        group.First().Protocol.Range));
                    continue;
                }
                EquatableArray<string> Names(System.Func<InteropEntry, List<Located<string>>> list) =>
                    group.SelectMany(list).Select(n => n.Value.Trim()).Where(n => n.Length > 0).Distinct().ToEquatableArray();
                interopModels.Add(new InteropModel(group.Key, Names(i => i.StatusTypes), Names(i => i.StatusMembers), Names(i => i.MethodTypes), Names(i => i.MethodMembers)));
            }

            // A problem in an inherited entry shows up once per protocol that inherits it: report each place once.
            var seen = new HashSet<(string, SourceRange)>();
            problems.AddRange(found.Where(p => seen.Add((p.Id, p.Range))));
            return new CatalogueModel(rootNamespace, models.ToEquatableArray(), interopModels.ToEquatableArray());
        }

        /// <summary>Resolves <c>extends</c> chains: the parent's resolved entry with the child laid over it.</summary>
        private sealed class ExtendsResolver
        {
            private readonly Dictionary<string, ProtocolEntry> _protocols;
            private readonly List<CatalogueProblem> _problems;
            private readonly Dictionary<string, ProtocolEntry?> _resolved = new(StringComparer.Ordinal);
            private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

            public ExtendsResolver(Dictionary<string, ProtocolEntry> protocols, List<CatalogueProblem> problems)
            {
                _protocols = protocols;
                _problems = problems;
            }

            /// <summary>Deeper chains than this are surely a mistake, and would only risk the compiler's stack.</summary>
            private const int MaxDepth = 64;

            public ProtocolEntry? Resolve(string key)
            {
                if (_resolved.TryGetValue(key, out var done))
                {
                    return done;
                }
                if (_visiting.Count >= MaxDepth)
                {
                    _problems.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                        $"protocol '{key}' is more than {MaxDepth} levels of extends deep", _protocols[key].Key.Range));
                    _resolved[key] = null;
                    return null;
                }

                var entry = _protocols[key];
                ProtocolEntry? result = entry;
                if (entry.Extends is { } parentKey)
                {
                    if (!_protocols.ContainsKey(parentKey.Value))
                    {
                        _problems.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"protocol '{key}' extends '{parentKey.Value}', which is not declared", parentKey.Range));
                        result = null;
                    }
                    else if (!_visiting.Add(key))
                    {
                        _problems.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"protocol '{key}' extends '{parentKey.Value}', which extends '{key}' again: extends must not form a cycle", parentKey.Range));
                        result = null;
                    }
                    else
                    {
                        var parent = Resolve(parentKey.Value);
                        _visiting.Remove(key);
                        if (parent is null)
                        {
                            result = null;
                        }
                        else
                        {
                            result = parent.Clone(entry.Key);
                            result.LayOver(entry);
                        }
                    }
                }

                _resolved[key] = result;
                return result;
            }
        }
    }
}
