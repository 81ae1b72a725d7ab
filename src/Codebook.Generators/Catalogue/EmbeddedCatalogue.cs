using System;
using System.Collections.Generic;
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

        /// <summary>The embedded catalogue with the project's files laid over it.</summary>
        public static CatalogueModel Compose(
            IEnumerable<CatalogueSource> projectFiles,
            string? namespaceOverride,
            List<CatalogueProblem> problems,
            IEnumerable<RecordText>? references = null) =>
            CatalogueComposer.Compose(Source, projectFiles, namespaceOverride, problems, references);
    }
}
