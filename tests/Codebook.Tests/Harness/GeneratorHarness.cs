using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codebook.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codebook.Tests.Harness;

/// <summary>An AdditionalFile given to the compilation.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>build_property.* values, as MSBuild passes them through the global analyzer config.</summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;
    private readonly Options _perFile;

    /// <param name="properties">MSBuild properties (build_property.*).</param>
    /// <param name="editorConfig">.editorconfig keys that apply to every source file.</param>
    public BuildProperties(IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, string>? editorConfig = null)
    {
        _global = new Options((properties ?? new Dictionary<string, string>()).ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));
        _perFile = new Options((editorConfig ?? new Dictionary<string, string>()).ToImmutableDictionary());
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perFile;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Output,
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriver Driver)
{
    /// <summary>Errors and warnings of the compilation with the generated code (what a build would fail on).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>Runs <see cref="CodebookGenerator"/> the way the compiler does, on a compilation we describe.</summary>
internal static class GeneratorHarness
{
    public static CSharpCompilation Compilation(
        TargetFramework framework,
        LanguageVersion? language = null,
        IEnumerable<string>? sources = null,
        bool nullable = true,
        IEnumerable<MetadataReference>? references = null,
        string assemblyName = "Consumer")
    {
        var parseOptions = new CSharpParseOptions(language ?? framework.DefaultLanguage, DocumentationMode.Diagnose);
        var trees = (sources ?? Enumerable.Empty<string>()).Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, $"Source{i}.cs"));
        var nullableContext = nullable && (language ?? framework.DefaultLanguage) >= LanguageVersion.CSharp8
            ? NullableContextOptions.Enable
            : NullableContextOptions.Disable;
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            framework.References.Concat(references ?? Enumerable.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullableContext,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Reference-assembly version unification chatter, not about generated code.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    public static GeneratorDriver CreateDriver(
        CSharpCompilation compilation,
        IEnumerable<AdditionalText>? additionalTexts = null,
        IReadOnlyDictionary<string, string>? properties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new CodebookGenerator().AsSourceGenerator() },
            additionalTexts,
            (CSharpParseOptions)compilation.SyntaxTrees.FirstOrDefault()?.Options! ?? CSharpParseOptions.Default,
            new BuildProperties(properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(
        TargetFramework framework,
        LanguageVersion? language = null,
        IEnumerable<(string Path, string Text)>? catalogues = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IEnumerable<string>? sources = null,
        bool nullable = true,
        IEnumerable<MetadataReference>? references = null,
        string assemblyName = "Consumer")
    {
        var compilation = Compilation(framework, language, sources ?? new[] { "namespace Consumer { internal static class Anchor { } }" }, nullable, references, assemblyName);
        var texts = (catalogues ?? Enumerable.Empty<(string, string)>()).Select(c => (AdditionalText)new InMemoryText(c.Item1, c.Item2));
        var driver = CreateDriver(compilation, texts, properties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var generated = result.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var exceptions = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        if (exceptions.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("the generator threw (CS8785 in a real build):\n" + string.Join("\n", exceptions));
        }
        return new GeneratorRun((CSharpCompilation)output, generated, diagnostics, driver);
    }
}
