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

        /// <summary>Whether every protocol the ready model's stacks map onto has, in this project, the methods and roles it has there.</summary>
        private static bool ReadyStacksApply(ReadyCatalogue ready, List<ProtocolModel> known)
        {
            foreach (var interop in ready.BuiltIn)
            {
                if (known.FirstOrDefault(m => m.Key == interop.Protocol) is { } protocol
                    && (ready.Protocols.FirstOrDefault(m => m.Key == interop.Protocol) is not { } embedded
                        || !protocol.Methods.Equals(embedded.Methods) || !protocol.Roles.Equals(embedded.Roles)))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// The composition of the embedded catalogue alone, from its ready model (see <see cref="EmbeddedCatalogue.Ready"/>):
        /// what <see cref="Compose"/> gives for a project without codes.yaml, without parsing or validating YAML.
        /// </summary>
        public static CatalogueModel ComposeReady(
            ReadyCatalogue ready,
            string? namespaceOverride,
            List<CatalogueProblem> problems,
            IEnumerable<RecordText>? references = null)
        {
            var found = new List<CatalogueProblem>();
            var referenced = ReadReferences(references, found, out var provided);
            var rootNamespace = ChooseNamespace(namespaceOverride, new Located<string>(ready.Namespace, default), found);
            ReportAmbiguousReferences(provided, new Dictionary<string, ProtocolEntry>(), null, found);
            // With a reference that carries a catalogue, nothing is generated unless a project file asks.
            var models = references?.Any() != true ? ready.Protocols : EquatableArray<ProtocolModel>.Empty;
            problems.AddRange(Distinct(found));
            // The ready model holds every built-in stack (no project file turned one off), merged per protocol.
            var builtIn = ready.BuiltIn.Where(i => models.Any(m => m.Key == i.Protocol) || referenced.Any(r => r.Protocol.Key == i.Protocol));
            return new CatalogueModel(rootNamespace, models, EquatableArray<InteropModel>.Empty, EquatableArray<ProtocolModel>.Empty, referenced.ToEquatableArray(),
                builtIn.ToEquatableArray());
        }

        /// <summary>One protocol's mappings from every entry that names it; names trimmed, blanks and repeats dropped.</summary>
        /// <param name="protocol">The protocol, to check request-types' methods against; null when the project does not have it.</param>
        private static InteropModel ToInteropModel(string key, ProtocolModel? protocol, IEnumerable<InteropEntry> entries, List<CatalogueProblem> found)
        {
            var list = entries.ToList();
            EquatableArray<string> Names(Func<InteropEntry, List<Located<string>>> names) =>
                list.SelectMany(names).Select(n => n.Value.Trim()).Where(n => n.Length > 0).Distinct().ToEquatableArray();
            EquatableArray<MappedMethod> Methods(Func<InteropEntry, List<(Located<string>, Located<string>)>> pairs, string field, bool fromArguments)
            {
                var mapped = new List<MappedMethod>();
                foreach (var (name, method) in list.SelectMany(pairs))
                {
                    var written = method.Value.Trim();
                    if (protocol is null || (fromArguments && written.Length == 0))
                    {
                        mapped.Add(new MappedMethod(name.Value.Trim(), written));
                    }
                    else if (protocol.Methods.FirstOrDefault(m => string.Equals(m.Token, written, StringComparison.OrdinalIgnoreCase)) is { } token)
                    {
                        mapped.Add(new MappedMethod(name.Value.Trim(), token.Token));
                    }
                    else
                    {
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"{field} maps '{name.Value}' to '{method.Value}', which is not a method of protocol '{protocol.Key}'; its methods: {string.Join(", ", protocol.Methods.Select(m => m.Token))}",
                            method.Range));
                    }
                }
                return mapped.Distinct().ToEquatableArray();
            }
            string SinkRole()
            {
                foreach (var role in list.Select(i => i.SinkRole).OfType<Located<string>>())
                {
                    if (protocol is null || protocol.Roles.Any(r => r.Token == role.Value.Trim()))
                    {
                        return role.Value.Trim();
                    }
                    found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                        $"sink-role names '{role.Value}', which is not a role of protocol '{protocol.Key}'; its roles: {string.Join(", ", protocol.Roles.Select(r => r.Token))}", role.Range));
                }
                return "";
            }
            var implied = new List<ImpliedCode>();
            foreach (var (member, code) in list.SelectMany(i => i.ImpliedCodes))
            {
                if (int.TryParse(code.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 100 and <= 999)
                {
                    implied.Add(new ImpliedCode(member.Value.Trim(), value));
                }
                else
                {
                    found.Add(new CatalogueProblem(ProblemIds.InvalidEntry, $"expected the status code '{member.Value}' sends, a number such as 204, but found '{code.Value}'", code.Range));
                }
            }
            return InteropModel.Empty(key) with
            {
                StatusTypes = Names(i => i.StatusTypes),
                StatusMembers = Names(i => i.StatusMembers),
                StatusConstants = Names(i => i.StatusConstants),
                MethodTypes = Names(i => i.MethodTypes),
                MethodMembers = Names(i => i.MethodMembers),
                RequestTypes = Methods(i => i.RequestTypes, "request-types", fromArguments: false),
                HeaderMembers = list.SelectMany(i => i.HeaderMembers).Select(h => new HeaderMember(h.Header.Value.Trim(), h.Member.Value.Trim())).Distinct().ToEquatableArray(),
                ImpliedCodes = implied.Distinct().ToEquatableArray(),
                HandlerCalls = Methods(i => i.HandlerCalls, "handler-calls", fromArguments: true),
                MethodAttributes = Names(i => i.MethodAttributes),
                MethodTests = Names(i => i.MethodTests),
                ContentMembers = Names(i => i.ContentMembers),
                SinkRole = SinkRole(),
            };
        }

        /// <summary>The stacks the embedded catalogue knows, their methods checked against the protocols this project has.</summary>
        private static EquatableArray<StackModel> StackModels(
            CatalogueDocument embedded, List<string> declared, List<ProtocolModel> known, List<CatalogueProblem> found)
        {
            var stacks = new List<StackModel>();
            foreach (var stack in embedded.Stacks)
            {
                var mapped = new List<InteropModel>();
                foreach (var group in stack.Protocols.GroupBy(i => i.Protocol.Value))
                {
                    if (!declared.Contains(group.Key))
                    {
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"stack '{stack.Key.Value}' maps types onto protocol '{group.Key}', which the catalogue does not declare", group.First().Protocol.Range));
                        continue;
                    }
                    mapped.Add(ToInteropModel(group.Key, known.FirstOrDefault(m => m.Key == group.Key), group, found));
                }
                stacks.Add(new StackModel(stack.Key.Value, mapped.ToEquatableArray()));
            }
            return stacks.ToEquatableArray();
        }

        /// <summary>
        /// The built-in stacks' mappings, per protocol, for the protocols this project knows; a stack turned off
        /// (<c>stacks: { sipsorcery: false }</c>) is left out. A stack's protocol the project does not have (its
        /// <c>use:</c> left it out) is simply not checked: nothing the project wrote asked for it.
        /// </summary>
        private static EquatableArray<InteropModel> BuiltIn(EquatableArray<StackModel> stacks, Dictionary<string, Located<bool>> switches, List<ProtocolModel> known)
        {
            var merged = new List<InteropModel>();
            foreach (var stack in stacks)
            {
                if (switches.TryGetValue(stack.Key, out var enabled) && !enabled.Value)
                {
                    continue;
                }
                foreach (var interop in stack.Protocols.Where(i => known.Any(m => m.Key == i.Protocol)))
                {
                    var index = merged.FindIndex(m => m.Protocol == interop.Protocol);
                    if (index < 0)
                    {
                        merged.Add(interop);
                    }
                    else
                    {
                        merged[index] = InteropModel.Merge(merged[index], interop)!;
                    }
                }
            }
            return merged.ToEquatableArray();
        }

        /// <summary>The ready model of <paramref name="embedded"/>, when it is Codebook's own catalogue and the model is current.</summary>
        private static ReadyCatalogue? ReadyFor(CatalogueSource embedded) =>
            EmbeddedCatalogue.Ready is { } ready && embedded.Path == EmbeddedCatalogue.Path && embedded.Text == EmbeddedCatalogue.Source.Text ? ready : null;

        /// <summary>
        /// The embedded protocols to parse: those a project file writes or a reference provides, those that extend
        /// them (their ready models would miss the change), the parents of all of these and of every protocol the
        /// project extends (to resolve them), and any the ready model lacks.
        /// </summary>
        private static HashSet<string> SectionsToParse(
            EmbeddedSections sections, ReadyCatalogue ready, List<CatalogueDocument> documents, IEnumerable<string> provided)
        {
            var changed = new HashSet<string>(
                documents.SelectMany(d => d.Protocols).Select(p => p.Key.Value)
                    .Concat(provided)
                    .Concat(sections.Keys.Where(k => !ready.Protocols.Any(m => m.Key == k)))
                    .Where(sections.Contains),
                StringComparer.Ordinal);
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var key in sections.Keys)
                {
                    if (sections.ExtendsOf(key) is { } parent && changed.Contains(parent) && changed.Add(key))
                    {
                        grew = true;
                    }
                }
            }
            var parse = new HashSet<string>(changed, StringComparer.Ordinal);
            var pending = new Queue<string>(changed.Concat(documents.SelectMany(d => d.Protocols).Select(p => p.Extends?.Value).OfType<string>()));
            while (pending.Count > 0)
            {
                var key = pending.Dequeue();
                if (sections.Contains(key))
                {
                    parse.Add(key);
                    if (sections.ExtendsOf(key) is { } parent && !parse.Contains(parent))
                    {
                        pending.Enqueue(parent);
                    }
                }
            }
            return parse;
        }

        /// <summary>An embedded protocol taken from the ready model, parsed and resolved after all (for a problem's place).</summary>
        private static ProtocolEntry ParseReady(string path, EmbeddedSections sections, string key)
        {
            var chain = new List<string>();
            for (string? at = key; at is not null && !chain.Contains(at); at = sections.ExtendsOf(at))
            {
                chain.Add(at);
            }
            var document = CatalogueParser.Parse(sections.Text(chain), path, new List<CatalogueProblem>());
            var entries = document.Protocols.ToDictionary(p => p.Key.Value, StringComparer.Ordinal);
            return new ExtendsResolver(entries, new List<CatalogueProblem>()).Resolve(key)!;
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
