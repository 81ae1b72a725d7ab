using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>The canonical catalogue (the repository's codes.yaml), embedded in this assembly.</summary>
    internal static class EmbeddedCatalogue
    {
        public const string Path = "codes.yaml (embedded in Codebook)";

        private static readonly Lazy<CatalogueSource> s_source = new(() =>
        {
            using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("Codebook.codes.yaml")
                ?? throw new InvalidOperationException("Codebook.codes.yaml is missing from the assembly's resources.");
            using var reader = new StreamReader(stream);
            return new CatalogueSource(Path, reader.ReadToEnd());
        });

        public static CatalogueSource Source => s_source.Value;

        /// <summary>The path entries rebuilt from a referenced assembly's record are placed at (see <see cref="ReferencedEntry"/>).</summary>
        public static string ReferencedPath(string assembly) => $"{assembly}{ReferencedSuffix}";

        private const string ReferencedSuffix = " (catalogue of a referenced assembly)";

        /// <summary>Not a project file: the embedded catalogue, or one a reference recorded. Its problems are the project's change's.</summary>
        public static bool IsInherited(string path) => path == Path || path.EndsWith(ReferencedSuffix, StringComparison.Ordinal);

        /// <summary>Is this AdditionalFile a catalogue? Any file named codes.yaml, in any folder.</summary>
        public static bool IsCatalogueFile(string path) =>
            string.Equals(System.IO.Path.GetFileName(path), "codes.yaml", StringComparison.OrdinalIgnoreCase);

        private static readonly Lazy<ReadyCatalogue?> s_ready = new(() =>
        {
            using var stream = typeof(EmbeddedCatalogue).Assembly.GetManifestResourceStream("Codebook.codes.model");
            if (stream is null)
            {
                return null;
            }
            using var reader = new StreamReader(stream);
            return CatalogueRecord.ReadReady(reader.ReadToEnd(), Source.Text);
        });

        /// <summary>
        /// The embedded catalogue composed when Codebook was built (codes.model beside this file, kept current by
        /// EmbeddedCatalogueTests): a project without codes.yaml reads it instead of parsing 135 KB of YAML. Null
        /// when it is missing or was made from another codes.yaml; composition then parses the YAML, as always.
        /// </summary>
        public static ReadyCatalogue? Ready => s_ready.Value;

        private static readonly Lazy<EmbeddedSections?> s_sections = new(() => EmbeddedSections.Of(Source.Text));

        /// <summary>Where each protocol is written in the embedded codes.yaml (see <see cref="EmbeddedSections"/>).</summary>
        public static EmbeddedSections? Sections => s_sections.Value;

        /// <summary>The embedded catalogue with the project's files laid over it.</summary>
        public static CatalogueModel Compose(
            IEnumerable<CatalogueSource> projectFiles,
            string? namespaceOverride,
            List<CatalogueProblem> problems,
            IEnumerable<RecordText>? references = null)
        {
            var files = projectFiles.ToImmutableArray();
            var records = (references ?? Enumerable.Empty<RecordText>()).ToEquatableArray();
            lock (s_recent)
            {
                foreach (var kept in s_recent)
                {
                    if (kept.Namespace == namespaceOverride && kept.References.Equals(records) && kept.Files.SequenceEqual(files))
                    {
                        problems.AddRange(kept.Problems);
                        return kept.Model;
                    }
                }
            }
            var found = new List<CatalogueProblem>();
            var model = files.Length == 0 && Ready is { } ready
                ? CatalogueComposer.ComposeReady(ready, namespaceOverride, found, records)
                : CatalogueComposer.Compose(Source, files, namespaceOverride, found, records);
            lock (s_recent)
            {
                s_recent.Insert(0, new Composition(files, namespaceOverride, records, model, found.ToImmutableArray()));
                if (s_recent.Count > Kept)
                {
                    s_recent.RemoveAt(Kept);
                }
            }
            problems.AddRange(found);
            return model;
        }

        /// <summary>
        /// The last compositions, shared by the generator and the analyzers of one compiler process: the analyzers
        /// compose from the same inputs the generator just did, and a build server compiles a solution's projects in turn.
        /// </summary>
        private static readonly List<Composition> s_recent = new();

        private const int Kept = 4;

        private sealed record Composition(
            ImmutableArray<CatalogueSource> Files,
            string? Namespace,
            EquatableArray<RecordText> References,
            CatalogueModel Model,
            ImmutableArray<CatalogueProblem> Problems);
    }
}
