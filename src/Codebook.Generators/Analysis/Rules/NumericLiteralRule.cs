using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1007: a number cast to a status type where the catalogue has a named member (<c>(SipStatusCode)487</c>).</summary>
    internal static class NumericLiteralRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.NumericLiteral,
            "Numeric literal where a named status code exists",
            "Use {0}.{1} instead of the number {2}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Named members say what the code means and let the analyzer and readers follow it.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.NumericLiteral));

        /// <param name="type">The enum the number is cast to (generated or an existing stack's); null for an integer member, which gets nothing.</param>
        public static void Check(StatusCodeSite site, ITypeSymbol? type)
        {
            // Only where the enum the number is cast to (generated, or the stack's own) has a member for it: an
            // integer status property of a stack has no name to offer in its place.
            if (!site.Protocol.Codes.ContainsKey(site.Value) || type is null || site.MemberFor(site.Value) is not { } member)
            {
                return;
            }
            var named = CodebookSymbols.Underlying(type)!; // (SipStatusCode?)487 names SipStatusCode, not Nullable
            site.Report(Descriptor, member, named.Name, member, site.Value);
        }
    }
}
