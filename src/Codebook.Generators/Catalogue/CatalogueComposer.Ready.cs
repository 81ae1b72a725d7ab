using System;
using System.Collections.Generic;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>Which embedded protocols and stacks a composition takes from the ready model rather than the YAML.</summary>
    internal static partial class CatalogueComposer
    {
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

        /// <summary>The ready model of <paramref name="embedded"/>, when it is Codebook's own catalogue and the model is current.</summary>
        private static ReadyCatalogue? ReadyFor(CatalogueSource embedded) =>
            EmbeddedCatalogue.Ready is { } ready && embedded.Path == EmbeddedCatalogue.Path && embedded.Text == EmbeddedCatalogue.Source.Text ? ready : null;

        /// <summary>
        /// The embedded protocols to parse: those a project file writes or a reference provides, those that extend
        /// them (their ready models would miss the change), the parents of all of these and of every protocol the
        /// project extends (to resolve them), and any the ready model lacks.
        /// </summary>
        internal static HashSet<string> SectionsToParse(
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
            var document = CatalogueParser.Parse(sections.Text(chain, withStacks: false), path, new List<CatalogueProblem>());
            var entries = document.Protocols.ToDictionary(p => p.Key.Value, StringComparer.Ordinal);
            return new ExtendsResolver(entries, new List<CatalogueProblem>()).Resolve(key)!;
        }
    }
}
