using System.Collections.Generic;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codebook.Generation
{
    /// <summary>What <c>CodebookCatalogue.g.cs</c> records: each generated protocol with the interop that maps onto it.</summary>
    internal sealed record RecordSource(string RootNamespace, bool Public, EquatableArray<ProtocolRecord> Protocols);

    internal sealed record ProtocolRecord(ProtocolModel Protocol, InteropModel? Interop);

    /// <summary>The project's codes.yaml files.</summary>
    internal sealed record CatalogueFiles(EquatableArray<CatalogueSource> Sources);

    /// <summary>What the catalogue is composed from, but the references: the files and the CodebookNamespace property.</summary>
    internal sealed record CatalogueInput(CatalogueFiles Files, string? Namespace);

    /// <summary>What a compilation's references hold that the generator needs.</summary>
    internal sealed record CompilationFacts(EquatableArray<RecordText> Records, bool HasAssemblyMetadata, bool HasSpan);

    /// <summary>
    /// Compiles the catalogue (embedded codes.yaml, plus any codes.yaml the project adds as an AdditionalFile)
    /// into enums and lookups. The pipeline is a straight line of equatable values:
    /// catalogue files -> catalogue model -> one source per protocol. It reports nothing: catalogue problems are
    /// the catalogue analyzer's to report, so a broken file costs generated code only where it is broken.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class CodebookGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for incrementality tests.</summary>
        public static class Steps
        {
            public const string CatalogueFiles = nameof(CatalogueFiles);
            public const string References = nameof(References);
            public const string Catalogue = nameof(Catalogue);
            public const string EmitOptions = nameof(EmitOptions);
            public const string Protocols = nameof(Protocols);
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Every value between the steps is a class (no bool, struct or nested tuple): each value type a step
            // carries makes the compiler JIT its own copy of the pipeline's generic code, tens of milliseconds in a
            // fresh compiler process; classes and pairs of classes share the one copy every generator uses.
            var files = context.AdditionalTextsProvider
                .Where(static text => EmbeddedCatalogue.IsCatalogueFile(text.Path))
                .Select(static (text, cancellationToken) => new CatalogueSource(text.Path, text.GetText(cancellationToken)?.ToString() ?? ""))
                .WithTrackingName(Steps.CatalogueFiles)
                .Collect()
                .Select(static (files, _) => new CatalogueFiles(files.ToEquatableArray()));

            var settings = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => CodebookSettings.Read(options.GlobalOptions));

            // What the compilation's references hold: the catalogues they recorded, as raw text (a look at a few
            // assemblies' attributes), and two platform types. Found on every compilation, compared by value, so
            // an edit that changes no reference stops here.
            var references = context.CompilationProvider
                .Select(static (compilation, _) => new CompilationFacts(
                    ReferencedCatalogues.Find(compilation),
                    HasPlatformType(compilation, "System.Reflection.AssemblyMetadataAttribute"),
                    HasPlatformType(compilation, "System.ReadOnlySpan`1")))
                .WithTrackingName(Steps.References);

            var catalogue = files
                .Combine(settings)
                .Select(static (input, _) => new CatalogueInput(input.Left, input.Right.Namespace))
                .Combine(references)
                .Select(static (input, _) => EmbeddedCatalogue.Compose(input.Left.Files.Sources, input.Left.Namespace, new List<CatalogueProblem>(), input.Right.Records))
                .WithTrackingName(Steps.Catalogue);

            var emitOptions = settings
                .Combine(references)
                .Select(static (input, _) => new EmitOptions(input.Left.Public, input.Right.HasSpan, Nullable: false))
                .Combine(context.ParseOptionsProvider)
                .Select(static (input, _) => input.Left with { Nullable = input.Right is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 } })
                .WithTrackingName(Steps.EmitOptions);

            var protocols = catalogue
                .Combine(emitOptions)
                .SelectMany(static (input, _) => input.Left.Protocols.Select(p => new ProtocolSource(input.Left.Namespace, p, input.Right)))
                .WithTrackingName(Steps.Protocols);

            context.RegisterSourceOutput(protocols, static (output, source) =>
                output.AddSource(ProtocolEmitter.HintName(source.Protocol), ProtocolEmitter.Emit(source)));

            // StatusClass comes with the protocols, unless a reference already brings one to this root namespace
            // (the assembly that generated the protocols this project uses or extends): the type is looked for, not
            // inferred, so a record without it (or a StatusClass of the project's own) is never wrong.
            var statusClass = catalogue
                .Select(static (c, _) => c.Protocols.Count > 0 ? c.Namespace : null)
                .Combine(context.CompilationProvider)
                .Select(static (input, _) => input.Left is { } ns && !HasStatusClass(input.Right, ns) ? ns : null);
            context.RegisterSourceOutput(statusClass.Combine(emitOptions), static (output, input) =>
            {
                if (input.Left is { } rootNamespace)
                {
                    output.AddSource("StatusClass.g.cs", ProtocolEmitter.EmitStatusClass(rootNamespace, input.Right.Public));
                }
            });

            // The catalogue travels with the types: downstream projects read it from this assembly's metadata.
            var records = catalogue
                .Combine(emitOptions)
                .Select(static (input, _) => new RecordSource(
                    input.Left.Namespace,
                    input.Right.Public,
                    input.Left.Protocols.Select(p => new ProtocolRecord(p, input.Left.InteropFor(p.Key))).ToEquatableArray()));
            context.RegisterSourceOutput(records.Combine(references), static (output, input) =>
            {
                if (input.Right.HasAssemblyMetadata && input.Left.Protocols.Count > 0)
                {
                    output.AddSource("CodebookCatalogue.g.cs", RecordEmitter.Emit(input.Left));
                }
            });
        }

        /// <summary>
        /// A type of the platform: looked for in the core library first (one assembly), and only then in every
        /// reference (ReadOnlySpan from the System.Memory package on .NET Framework): a lookup in all of a project's
        /// ~160 references costs a fresh compiler process tens of milliseconds.
        /// </summary>
        private static bool HasPlatformType(Compilation compilation, string metadataName) =>
            compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.GetTypeByMetadataName(metadataName) is not null
            || compilation.GetTypeByMetadataName(metadataName) is not null;

        /// <summary>
        /// A StatusClass this compilation can use in <paramref name="rootNamespace"/>: its own, else exactly one in a
        /// reference (a reference's internal one needs InternalsVisibleTo; two would be ambiguous). The platform's
        /// assemblies hold none, so they are not searched.
        /// </summary>
        private static bool HasStatusClass(Compilation compilation, string rootNamespace)
        {
            var name = rootNamespace + ".StatusClass";
            if (compilation.Assembly.GetTypeByMetadataName(name) is not null)
            {
                return true;
            }
            var found = 0;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!ReferencedCatalogues.IsPlatform(assembly) && assembly.GetTypeByMetadataName(name) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    found++;
                }
            }
            return found == 1;
        }
    }
}
