using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codebook.Analysis
{
    /// <summary>
    /// The catalogue as the analyzers see it: the same composition the generator runs, from the same inputs
    /// (AdditionalFiles named codes.yaml, the CodebookNamespace property). Composition runs once per distinct
    /// input, not once per compilation or analyzer: the last result is kept and reused while the inputs match.
    /// </summary>
    internal sealed class CatalogueSnapshot
    {
        private static CatalogueSnapshot? s_last;

        private CatalogueSnapshot(ImmutableArray<CatalogueSource> files, string? namespaceOverride)
        {
            Files = files;
            NamespaceOverride = namespaceOverride;
            var problems = new List<CatalogueProblem>();
            Model = EmbeddedCatalogue.Compose(files, namespaceOverride, problems);
            Problems = problems.ToImmutableArray();
            Protocols = Model.Protocols.Select(protocol => new ProtocolIndex(protocol)).ToImmutableArray();
        }

        public ImmutableArray<CatalogueSource> Files { get; }

        public string? NamespaceOverride { get; }

        public CatalogueModel Model { get; }

        public ImmutableArray<CatalogueProblem> Problems { get; }

        /// <summary>Each protocol arranged for the analyzers' lookups, once per catalogue rather than per compilation.</summary>
        public ImmutableArray<ProtocolIndex> Protocols { get; }

        public static CatalogueSnapshot Get(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = options.AdditionalFiles
                .Where(f => EmbeddedCatalogue.IsCatalogueFile(f.Path))
                .Select(f => new CatalogueSource(f.Path, f.GetText(cancellationToken)?.ToString() ?? ""))
                .ToImmutableArray();
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.CodebookNamespace", out var ns);
            ns = string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim();

            var last = Volatile.Read(ref s_last);
            if (last is not null && last.NamespaceOverride == ns && last.Files.SequenceEqual(files))
            {
                return last;
            }
            var snapshot = new CatalogueSnapshot(files, ns);
            Volatile.Write(ref s_last, snapshot);
            return snapshot;
        }
    }
}
