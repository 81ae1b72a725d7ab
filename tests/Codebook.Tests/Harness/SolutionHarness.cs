using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Harness;

/// <summary>
/// Projects that reference each other: a library compiled with the generator, handed on as a reference the
/// way a build does (its emitted image, as a ProjectReference or a package gives it) or as the IDE does (the
/// compilation itself).
/// </summary>
internal static class SolutionHarness
{
    public const string Contracts = """
        using Codebook.Sip;
        namespace Contracts
        {
            public static class Registrar
            {
                public static SipStatusCode Register(string user) => user.Length == 0 ? SipStatusCode.BadRequest : SipStatusCode.Ok;
            }
        }
        """;

    /// <summary>Contracts' own catalogue: SIP alone, with 477 allowed only in reply to INVITE.</summary>
    public const string ContractsCatalogue = """
        use: [sip]
        protocols:
          sip:
            codes:
              477: { reason: Send Failed, methods: [INVITE], reference: Contracts' trunk rules }
        """;

    /// <summary>What a build would fail on, but for the test code's own missing XML comments (CS1591).</summary>
    public static IReadOnlyList<Diagnostic> Problems(GeneratorRun run) => run.CompilationProblems.Where(d => d.Id != "CS1591").ToList();

    /// <summary>Compiles a library with the generator; a compiler error or warning fails the test.</summary>
    public static MetadataReference Library(
        string name,
        string source,
        string? catalogue = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<MetadataReference>? references = null,
        bool asCompilation = false,
        TargetFramework? framework = null)
    {
        var run = GeneratorHarness.Run(framework ?? TargetFramework.Net100,
            catalogues: catalogue is null ? null : new[] { ($"/{name}/codes.yaml", catalogue) },
            properties: properties,
            sources: new[] { source },
            references: references,
            assemblyName: name);
        Assert.True(Problems(run).Count == 0, $"{name} does not compile:\n" + string.Join("\n", Problems(run)));
        var output = run.Output.WithOptions(run.Output.Options.WithSpecificDiagnosticOptions(
            run.Output.Options.SpecificDiagnosticOptions.SetItem("CS1591", ReportDiagnostic.Suppress)));
        if (asCompilation)
        {
            return output.ToMetadataReference();
        }
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: $"/{name}/bin/{name}.dll");
    }
}
