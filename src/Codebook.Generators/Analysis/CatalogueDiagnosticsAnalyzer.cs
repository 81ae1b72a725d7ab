using System.Collections.Immutable;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codebook.Analysis
{
    /// <summary>
    /// Reports what is wrong in codes.yaml (CB0001-CB0004) at the file, line and column where it is written.
    /// The generator keeps going on a broken catalogue; this is where the user learns why something is missing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CatalogueDiagnosticsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor InvalidYaml = Create(DiagnosticIds.InvalidYaml,
            "codes.yaml is not valid YAML", "{0}");

        internal static readonly DiagnosticDescriptor InvalidEntry = Create(DiagnosticIds.InvalidEntry,
            "Invalid catalogue entry", "{0}");

        internal static readonly DiagnosticDescriptor Duplicate = Create(DiagnosticIds.Duplicate,
            "Duplicate code or member name in the catalogue", "{0}");

        internal static readonly DiagnosticDescriptor UndeclaredReference = Create(DiagnosticIds.UndeclaredReference,
            "Reference to an undeclared method, role, code or protocol", "{0}");

        internal static readonly DiagnosticDescriptor ReferenceConflict = Create(DiagnosticIds.ReferenceConflict,
            "Protocol conflicts with one a referenced assembly generated", "{0}");

        internal static readonly DiagnosticDescriptor AmbiguousReference = Create(DiagnosticIds.AmbiguousReference,
            "Several referenced assemblies generate the same protocol", "{0}", DiagnosticSeverity.Warning);

        internal static readonly DiagnosticDescriptor UnreadableReference = Create(DiagnosticIds.UnreadableReference,
            "A referenced assembly's catalogue cannot be read", "{0}", DiagnosticSeverity.Warning);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(InvalidYaml, InvalidEntry, Duplicate, UndeclaredReference, ReferenceConflict, AmbiguousReference, UnreadableReference);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();

            // Problems inside a codes.yaml file: reported while that file is analysed, so the IDE shows them live.
            context.RegisterAdditionalFileAction(file =>
            {
                if (!EmbeddedCatalogue.IsCatalogueFile(file.AdditionalFile.Path))
                {
                    return;
                }
                var snapshot = CatalogueSnapshot.Get(file.Options, file.Compilation, file.CancellationToken);
                var text = file.AdditionalFile.GetText(file.CancellationToken);
                foreach (var problem in snapshot.Problems.Where(p => p.Range.Path == file.AdditionalFile.Path))
                {
                    file.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Id), LocationOf(problem.Range, text), problem.Message));
                }
                // Interop names that resolve, in this compilation, to something the analyzers cannot use.
                if (text is not null && text.ToString() is var source
                    && (source.IndexOf("interop", System.StringComparison.Ordinal) >= 0 || source.IndexOf("stacks", System.StringComparison.Ordinal) >= 0))
                {
                    foreach (var problem in InteropNames.Mistakes(file.Compilation, new CatalogueSource(file.AdditionalFile.Path, source)))
                    {
                        file.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Id), LocationOf(problem.Range, text), problem.Message));
                    }
                }
            });

            // Problems with no file of the project to point at (the CodebookNamespace property, a reference's catalogue).
            context.RegisterCompilationAction(compilation =>
            {
                var snapshot = CatalogueSnapshot.Get(compilation.Options, compilation.Compilation, compilation.CancellationToken);
                var files = snapshot.Files.Select(f => f.Path).ToImmutableHashSet();
                foreach (var problem in snapshot.Problems.Where(p => !files.Contains(p.Range.Path)))
                {
                    compilation.ReportDiagnostic(Diagnostic.Create(Descriptor(problem.Id), Location.None, problem.Message));
                }
            });
        }

        private static DiagnosticDescriptor Descriptor(string id) => id switch
        {
            DiagnosticIds.InvalidYaml => InvalidYaml,
            DiagnosticIds.Duplicate => Duplicate,
            DiagnosticIds.UndeclaredReference => UndeclaredReference,
            DiagnosticIds.ReferenceConflict => ReferenceConflict,
            DiagnosticIds.AmbiguousReference => AmbiguousReference,
            DiagnosticIds.UnreadableReference => UnreadableReference,
            _ => InvalidEntry,
        };

        /// <summary>The catalogue's 1-based line and column as a location in the AdditionalFile.</summary>
        internal static Location LocationOf(SourceRange range, SourceText? text)
        {
            var start = new LinePosition(range.Start.Line - 1, range.Start.Column - 1);
            var end = new LinePosition(range.End.Line - 1, range.End.Column - 1);
            if (end < start)
            {
                end = start;
            }
            var span = new TextSpan(0, 0);
            if (text is not null && text.Lines.Count > 0)
            {
                span = TextSpan.FromBounds(Offset(text, start), Offset(text, end));
            }
            return Location.Create(range.Path, span, new LinePositionSpan(start, end));
        }

        private static int Offset(SourceText text, LinePosition position)
        {
            var line = text.Lines[System.Math.Min(position.Line, text.Lines.Count - 1)];
            return System.Math.Min(line.Start + position.Character, line.End);
        }

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
            new(id, title, message, DiagnosticIds.Category, severity, isEnabledByDefault: true,
                helpLinkUri: DiagnosticIds.HelpLink(id));
    }
}
