using System.Collections.Generic;
using System.Linq;
using Codebook.Catalogue;

namespace Codebook.Tests.Catalogue;

internal static class CatalogueFixture
{
    /// <summary>Composes the embedded catalogue with project files given as YAML text.</summary>
    public static (CatalogueModel Model, List<CatalogueProblem> Problems) Compose(params string[] yaml) =>
        ComposeFiles(yaml.Select((text, i) => ($"/project/{(i == 0 ? "" : i + "/")}codes.yaml", text)).ToArray());

    public static (CatalogueModel Model, List<CatalogueProblem> Problems) ComposeFiles(params (string Path, string Text)[] files)
    {
        // Always from the YAML: the embedded catalogue's ready model is checked against this (EmbeddedCatalogueTests).
        var problems = new List<CatalogueProblem>();
        var model = CatalogueComposer.Compose(EmbeddedCatalogue.Source, files.Select(f => new CatalogueSource(f.Path, f.Text)), null, problems);
        return (model, problems);
    }

    public static ProtocolModel Protocol(this CatalogueModel model, string key) => model.Protocols.Single(p => p.Key == key);

    public static StatusCodeModel Code(this ProtocolModel protocol, int value) => protocol.Codes.Single(c => c.Value == value);
}
