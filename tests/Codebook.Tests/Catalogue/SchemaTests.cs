using System.IO;
using System.Linq;
using System.Text.Json;
using Codebook.Catalogue;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Catalogue;

/// <summary>codes.schema.json, which editors use, accepts exactly the keys the parser reads.</summary>
public class SchemaTests
{
    private static readonly JsonElement Definitions =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Repository("codes.schema.json"))).RootElement.GetProperty("$defs");

    [Theory]
    [InlineData("catalogue", "Root")]
    [InlineData("protocol", "Protocol")]
    [InlineData("unknown", "Unknown")]
    [InlineData("classes", "Classes")]
    [InlineData("classRule", "ClassRule")]
    [InlineData("code", "Code")]
    [InlineData("interop", "Interop")]
    public void Schema_keys_match_the_parser(string definition, string level)
    {
        var schemaKeys = Definitions.GetProperty(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(k => k);
        var parserKeys = ((string[])typeof(CatalogueParser.Keys).GetField(level)!.GetValue(null)!).OrderBy(k => k);
        Assert.Equal(parserKeys, schemaKeys);
        Assert.False(Definitions.GetProperty(definition).GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Catalogues_reference_the_schema()
    {
        Assert.StartsWith("# yaml-language-server: $schema=./codes.schema.json", File.ReadAllText(TestPaths.Repository("codes.yaml")));
        Assert.StartsWith("# yaml-language-server: $schema=../../codes.schema.json", File.ReadAllText(TestPaths.Repository("samples", "Quickstart", "codes.yaml")));
    }
}
