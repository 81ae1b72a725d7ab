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
    internal static partial class CatalogueComposer
    {
        public const string DefaultNamespace = "Codebook";

        public static CatalogueModel Compose(
            CatalogueSource embedded,
            IEnumerable<CatalogueSource> projectFiles,
            string? namespaceOverride,
            List<CatalogueProblem> problems,
            IEnumerable<RecordText>? references = null,
            bool fromReady = true)
        {
            var found = new List<CatalogueProblem>();
            var referenced = ReadReferences(references, found, out var provided);
            // The same file listed twice (by the package's targets and by hand) counts once. Each file's problems
            // are reported with the rest of what is wrong in it, in the loop below.
            var fileProblems = new List<List<CatalogueProblem>>();
            var documents = new List<CatalogueDocument>();
            foreach (var file in projectFiles.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g => g.First()).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var problemsOfFile = new List<CatalogueProblem>();
                documents.Add(CatalogueParser.Parse(file.Text, file.Path, problemsOfFile));
                fileProblems.Add(problemsOfFile);
            }

            // The embedded protocols this project leaves as they are come from the ready model: only the ones it
            // changes (with what extends them, and what they extend) are parsed from the YAML.
            var ready = fromReady ? ReadyFor(embedded) : null;
            var sections = ready is null ? null : EmbeddedCatalogue.Sections;
            var readyModels = new Dictionary<string, ProtocolModel>(StringComparer.Ordinal);
            var baseText = embedded.Text;
            if (ready is not null && sections is not null)
            {
                var parsed = SectionsToParse(sections, ready, documents, provided.Keys);
                foreach (var model in ready.Protocols.Where(m => !parsed.Contains(m.Key)))
                {
                    readyModels[model.Key] = model;
                }
                baseText = sections.Text(parsed, withStacks: false);
            }
            var baseDocument = CatalogueParser.Parse(baseText, embedded.Path, found);

            var protocols = new Dictionary<string, ProtocolEntry>(StringComparer.Ordinal);
            foreach (var protocol in baseDocument.Protocols)
            {
                protocols[protocol.Key.Value] = protocol;
            }
            var order = sections?.Keys.ToList() ?? baseDocument.Protocols.Select(p => p.Key.Value).ToList();
            var embeddedKeys = new List<string>(order);
            foreach (var group in provided)
            {
                if (!order.Contains(group.Key))
                {
                    order.Add(group.Key);
                }
                protocols[group.Key] = ReferencedEntry.From(group.Value[0]);
            }

            var ns = baseDocument.Namespace;
            var interop = new List<InteropEntry>(baseDocument.Interop);
            // Stacks turned off or on by key (where the key was written); the file that sorts last wins.
            var switches = new Dictionary<string, Located<bool>>(StringComparer.Ordinal);
            List<Located<string>>? use = null;
            var declared = new List<string>();
            for (var index = 0; index < documents.Count; index++)
            {
                var document = documents[index];
                found.AddRange(fileProblems[index]);
                ns = document.Namespace ?? ns;
                interop.AddRange(document.Interop);
                foreach (var stack in document.Stacks)
                {
                    // A project's own stacks (and what it adds to a built-in one) are its interop, recorded with its types.
                    interop.AddRange(stack.Protocols);
                    if (stack.Enabled is { } enabled)
                    {
                        switches[stack.Key.Value] = new Located<bool>(enabled.Value, stack.Key.Range);
                    }
                }
                if (document.Use is not null)
                {
                    (use ??= new List<Located<string>>()).AddRange(document.Use);
                }
                foreach (var protocol in document.Protocols)
                {
                    var key = protocol.Key.Value;
                    if (provided.TryGetValue(key, out var owners))
                    {
                        var owner = owners[0];
                        found.Add(new CatalogueProblem(ProblemIds.ReferenceConflict,
                            $"protocol '{key}' is generated by the referenced assembly '{owner.Assembly}' (types in {owner.TypeNamespace}), which this project uses; " +
                            $"it cannot be redefined here: change it in the codes.yaml of '{owner.Assembly}', extend it under a new key " +
                            $"('my{key}: {{ extends: {key}, prefix: My{owner.Protocol.Prefix} }}'), or map a stack's types onto it with interop",
                            protocol.Key.Range));
                        continue;
                    }
                    if (protocols.TryGetValue(key, out var existing))
                    {
                        existing.LayOver(protocol);
                    }
                    else
                    {
                        protocols[key] = protocol;
                        if (!order.Contains(key))
                        {
                            order.Add(key);
                        }
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
                // A project that references a catalogue uses that catalogue's protocols; it generates others only
                // where its own codes.yaml asks (use, protocols), so sibling projects do not each export copies.
                // Records found count, readable or not: one from a newer Codebook still means the protocols exist.
                if (references?.Any() != true)
                {
                    selected.UnionWith(embeddedKeys);
                }
            }
            else
            {
                foreach (var key in use)
                {
                    if (order.Contains(key.Value))
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

            var rootNamespace = ChooseNamespace(namespaceOverride, ns, found);

            ReportAmbiguousReferences(provided, protocols, use, found);

            var resolver = new ExtendsResolver(protocols, found);
            var models = new List<ProtocolModel>();
            var checkedOnly = new List<ProtocolModel>();
            // Hint names (and file systems) ignore case: Http and HTTP would clash.
            var prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            // Where a protocol's prefix is written (its key's place if not): only a clash needs it.
            Located<string> PrefixAt(string key)
            {
                var entry = readyModels.ContainsKey(key) ? ParseReady(embedded.Path, sections!, key) : resolver.Resolve(key)!;
                return entry.Prefix ?? entry.Key;
            }
            foreach (var key in order.Where(k => selected.Contains(k) && !provided.ContainsKey(k)))
            {
                if (readyModels.TryGetValue(key, out var readyModel))
                {
                    if (!Clashes(key, readyModel))
                    {
                        models.Add(readyModel);
                    }
                    continue;
                }
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
                if (resolved.Generate is { Value: false })
                {
                    checkedOnly.Add(model);
                    continue;
                }
                if (!Clashes(key, model))
                {
                    models.Add(model);
                }
            }

            // Types another protocol (of a reference, or of this project) already generates.
            bool Clashes(string key, ProtocolModel model)
            {
                if (referenced.FirstOrDefault(r => r.TypeNamespace == rootNamespace + "." + model.Prefix) is { } taken)
                {
                    found.Add(new CatalogueProblem(ProblemIds.ReferenceConflict,
                        $"protocol '{key}' would generate {taken.TypeNamespace}.{model.Prefix}StatusCode, which the referenced assembly '{taken.Assembly}' " +
                        $"already defines (protocol '{taken.Protocol.Key}'); give '{key}' a prefix of its own",
                        PrefixAt(key).Range));
                    return true;
                }
                if (prefixes.TryGetValue(model.Prefix, out var first))
                {
                    found.Add(new CatalogueProblem(ProblemIds.Duplicate,
                        $"protocol '{key}' uses prefix '{model.Prefix}', already used by another protocol at {PrefixAt(first).Range}; its types would clash",
                        PrefixAt(key).Range));
                    return true;
                }
                prefixes[model.Prefix] = key;
                return false;
            }

            var known = models.Concat(checkedOnly).Concat(referenced.Select(r => r.Protocol)).ToList();
            var interopModels = new List<InteropModel>();
            foreach (var group in interop.GroupBy(i => i.Protocol.Value))
            {
                if (known.FirstOrDefault(m => m.Key == group.Key) is not { } protocol)
                {
                    found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                        $"interop names protocol '{group.Key}', which this project neither generates, checks (generate: false) nor references; known: {string.Join(", ", known.Select(m => m.Key))}",
                        group.First().Protocol.Range));
                    continue;
                }
                interopModels.Add(ToInteropModel(group.Key, protocol, group, found));
            }
            EquatableArray<InteropModel> builtIn;
            if (ready is not null && switches.Count == 0 && ReadyStacksApply(ready, known))
            {
                // The stacks as the ready model merged them: no stack is turned off, and the protocols they map
                // onto have the methods and roles they were checked against.
                builtIn = ready.BuiltIn.Where(i => known.Any(m => m.Key == i.Protocol)).ToEquatableArray();
            }
            else
            {
                var withStacks = sections is null ? baseDocument : CatalogueParser.Parse(sections.Text(Array.Empty<string>()), embedded.Path, found);
                var stacks = StackModels(withStacks, order, known, found);
                foreach (var pair in switches.Where(pair => !stacks.Any(stack => stack.Key == pair.Key)))
                {
                    found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                        $"stacks turns '{pair.Key}' {(pair.Value.Value ? "on" : "off")}, which is no stack Codebook knows; known: {string.Join(", ", stacks.Select(stack => stack.Key))}",
                        pair.Value.Range));
                }
                builtIn = BuiltIn(stacks, switches, known);
            }

            problems.AddRange(Distinct(found));
            return new CatalogueModel(rootNamespace, models.ToEquatableArray(), interopModels.ToEquatableArray(), checkedOnly.ToEquatableArray(),
                referenced.ToEquatableArray(), builtIn);
        }

        /// <summary>
        /// The protocols references generated, and by key. A protocol a reference generated is that reference's: this
        /// project uses its types and judges them by its record, and extends it as it would extend an embedded one,
        /// but never generates it again.
        /// </summary>
        private static List<ReferencedProtocol> ReadReferences(
            IEnumerable<RecordText>? references,
            List<CatalogueProblem> found,
            out Dictionary<string, List<ReferencedProtocol>> provided)
        {
            var referenced = ReferencedCatalogues.Read(references ?? Enumerable.Empty<RecordText>(), found);
            provided = referenced.GroupBy(r => r.Protocol.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            return referenced;
        }

        /// <summary>The root namespace: the CodebookNamespace property, else the catalogue's, else Codebook.</summary>
        private static string ChooseNamespace(string? namespaceOverride, Located<string>? written, List<CatalogueProblem> found)
        {
            if (!string.IsNullOrWhiteSpace(namespaceOverride))
            {
                var rootNamespace = namespaceOverride!.Trim();
                if (Naming.IsNamespace(rootNamespace))
                {
                    return rootNamespace;
                }
                found.Add(new CatalogueProblem(ProblemIds.InvalidEntry,
                    $"the CodebookNamespace property '{rootNamespace}' is not a C# namespace; '{DefaultNamespace}' is used",
                    new SourceRange("CodebookNamespace", new SourcePosition(1, 1), new SourcePosition(1, 1))));
                return DefaultNamespace;
            }
            if (written is { } ns)
            {
                if (Naming.IsNamespace(ns.Value))
                {
                    return ns.Value;
                }
                found.Add(new CatalogueProblem(ProblemIds.InvalidEntry,
                    $"expected namespace to be a C# namespace such as 'Contoso.Protocols' but found '{ns.Value}'", ns.Range));
            }
            return DefaultNamespace;
        }

        /// <summary>
        /// A problem in an inherited entry shows up once per protocol that inherits it: each place is reported once.
        /// Problems with no place (about references) are told apart by their messages.
        /// </summary>
        private static IEnumerable<CatalogueProblem> Distinct(List<CatalogueProblem> found)
        {
            var seen = new HashSet<(string, SourceRange, string)>();
            return found.Where(p => seen.Add((p.Id, p.Range, p.Range == SourceRange.Nowhere ? p.Message : "")));
        }

        /// <summary>
        /// Two references that generated the same types (a diamond: both public, same namespace) make every use of
        /// them ambiguous; two that generated one protocol in different namespaces make <c>extends</c> and
        /// <c>use</c> of its key ambiguous. Either is said, naming both assemblies.
        /// </summary>
        private static void ReportAmbiguousReferences(
            Dictionary<string, List<ReferencedProtocol>> provided,
            Dictionary<string, ProtocolEntry> protocols,
            List<Located<string>>? use,
            List<CatalogueProblem> found)
        {
            if (provided.Count == 0)
            {
                return;
            }
            // Same full type names from several assemblies (a protocol's types, or StatusClass, which every assembly
            // generates in its root namespace): one problem per set of assemblies, listing what they share.
            var all = provided.Values.SelectMany(g => g).ToList();
            var names = all.Select(r => (Type: $"{r.TypeNamespace}.{r.Protocol.Prefix}StatusCode", What: $"'{r.Protocol.Key}'", r.Assembly))
                .Concat(all.Select(r => (Type: $"{r.RootNamespace}.StatusClass", What: "StatusClass", r.Assembly)))
                .Distinct()
                .GroupBy(n => n.Type)
                .Select(g => (Type: g.Key, g.First().What, Owners: g.Select(n => n.Assembly).Distinct().OrderBy(a => a, StringComparer.Ordinal).ToList()))
                .Where(n => n.Owners.Count > 1);
            foreach (var clash in names.GroupBy(n => string.Join(" and ", n.Owners.Select(o => $"'{o}'"))))
            {
                var keys = clash.Where(c => c.What != "StatusClass").Select(c => c.What).ToList();
                var what = (keys.Count == 0 ? "" : $"protocol{(keys.Count > 1 ? "s" : "")} {string.Join(", ", keys)}")
                    + (clash.Any(c => c.What == "StatusClass") ? (keys.Count == 0 ? "StatusClass" : " and StatusClass") : "");
                found.Add(new CatalogueProblem(ProblemIds.AmbiguousReference,
                    $"the referenced assemblies {clash.Key} both generate {what} with the same types ({string.Join(", ", clash.Select(c => c.Type))}): " +
                    "code that names them does not compile (CS0433); keep the types to one of them by building the others with " +
                    "<CodebookVisibility>internal</CodebookVisibility> (or another CodebookNamespace), or reference the types from one shared project",
                    SourceRange.Nowhere));
            }
            foreach (var group in provided.Values.Where(g => g.Count > 1))
            {
                var key = group[0].Protocol.Key;
                var namespaces = group.Select(r => r.TypeNamespace).Distinct().ToList();
                if (namespaces.Count < 2)
                {
                    continue;
                }
                var places = protocols.Values
                    .Where(p => p.Extends is { } parent && parent.Value == key && !EmbeddedCatalogue.IsInherited(parent.Range.Path))
                    .Select(p => p.Extends!.Value.Range)
                    .Concat((use ?? new List<Located<string>>()).Where(u => u.Value == key).Select(u => u.Range));
                foreach (var place in places)
                {
                    found.Add(new CatalogueProblem(ProblemIds.AmbiguousReference,
                        $"'{key}' names a protocol that several referenced assemblies generate ({string.Join(", ", group.Select(r => $"'{r.Assembly}' in {r.TypeNamespace}"))}); " +
                        $"this project takes the one of '{group[0].Assembly}': give the others' protocols their own keys to choose",
                        place));
                }
            }
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
                            result.Generate = entry.Generate; // a child of a checked-only protocol is generated unless it says not
                        }
                    }
                }

                _resolved[key] = result;
                return result;
            }
        }
    }
}
