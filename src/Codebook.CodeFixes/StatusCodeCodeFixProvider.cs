using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Codebook.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Codebook.CodeFixes
{
    /// <summary>
    /// Puts the member the analyzer suggests in place of the flagged status code: the named member for a number
    /// (CB1007), the class default for an undefined number (CB1004), and the catalogue's <c>instead</c>
    /// suggestion for a code not allowed for the method or role (CB1001, CB1002).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatusCodeCodeFixProvider)), Shared]
    public sealed class StatusCodeCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.NumericLiteral, DiagnosticIds.UndefinedCode, DiagnosticIds.MethodNotAllowed, DiagnosticIds.RoleNotAllowed);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.ReplacementProperty, out var member) || member is null)
                {
                    continue;
                }
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var replacement = Replacement(node, member);
                if (replacement is null)
                {
                    continue;
                }
                var title = $"Use {replacement}";
                context.RegisterCodeFix(
                    CodeAction.Create(title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))),
                        equivalenceKey: diagnostic.Id + ":" + member),
                    diagnostic);
            }
        }

        /// <summary>
        /// <c>(SipStatusCode)487</c> and <c>SipStatusCode.X</c> both become <c>SipStatusCode.Member</c>; a number given
        /// to a stack's status member becomes the stack's constant, which the analyzer names in full
        /// (<c>global::Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound</c>), shortened where the usings allow.
        /// </summary>
        private static ExpressionSyntax? Replacement(SyntaxNode node, string member)
        {
            if (member.StartsWith("global::", System.StringComparison.Ordinal))
            {
                return node is LiteralExpressionSyntax ? SyntaxFactory.ParseExpression(member).WithAdditionalAnnotations(Simplifier.Annotation) : null;
            }
            var name = SyntaxFactory.IdentifierName(member);
            return node switch
            {
                CastExpressionSyntax { Type: NullableTypeSyntax nullable } => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, nullable.ElementType.WithoutTrivia(), name),
                CastExpressionSyntax cast => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, cast.Type.WithoutTrivia(), name),
                MemberAccessExpressionSyntax access => access.WithName(name),
                IdentifierNameSyntax => name,
                _ => null,
            };
        }
    }
}
