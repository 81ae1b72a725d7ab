using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codebook.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Codebook.Tests.Harness;

/// <summary>Applies Codebook's code fix to each diagnostic of a source, the way the IDE's light bulb does.</summary>
internal static class CodeFixHarness
{
    /// <summary>Fixes every diagnostic with <paramref name="id"/> one after another and returns the final source.</summary>
    /// <param name="references">Assemblies beyond the framework (ASP.NET Core's): the workspace gets them too, so a fix's names are simplified as in an IDE.</param>
    public static async Task<string> FixAllAsync(string source, string id, IReadOnlyDictionary<string, string>? editorConfig = null, IEnumerable<(string Path, string Text)>? catalogues = null,
        IReadOnlyList<MetadataReference>? references = null)
    {
        var provider = new StatusCodeCodeFixProvider();
        Assert.Contains(id, provider.FixableDiagnosticIds);
        for (var round = 0; round < 20; round++)
        {
            var diagnostic = (await AnalyzerHarness.AnalyzeAsync(source, catalogues, editorConfig: editorConfig, references: references)).FirstOrDefault(d => d.Id == id);
            if (diagnostic is null)
            {
                return source;
            }

            using var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution.AddProject("Consumer", "Consumer", LanguageNames.CSharp);
            if (references is not null)
            {
                project = project.WithMetadataReferences(GeneratorHarness.Compilation(TargetFramework.Net100, sources: new[] { "" }, references: references).References);
            }
            var document = project.AddDocument("Source0.cs", SourceText.From(source));
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var action = Assert.Single(actions);
            var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            source = (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        }
        throw new Xunit.Sdk.XunitException("the fix did not converge");
    }
}
