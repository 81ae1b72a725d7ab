using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>
    /// CB1007: a number cast to a status type where the catalogue has a named member (<c>(SipStatusCode)487</c>), or
    /// given to a stack's integer status member where the stack names the code (<c>StatusCodes.Status404NotFound</c>).
    /// </summary>
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

        /// <param name="type">The enum the number is cast to (generated or an existing stack's); null for an integer member.</param>
        public static void Check(StatusCodeSite site, ITypeSymbol? type)
        {
            if (!site.Protocol.Codes.ContainsKey(site.Value))
            {
                return;
            }
            if (type is null)
            {
                // An integer status member: only where the stack has a constant to name instead (ASP.NET Core's
                // StatusCodes); a stack that has none has no name to offer in place of the number.
                if (site.Protocol.ConstantFor(site.Value) is var (constants, constant))
                {
                    site.Report(Descriptor, constants.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + constant, constants.Name, constant, site.Value);
                }
                return;
            }
            // Only where the enum the number is cast to (generated, or the stack's own) has a member for it.
            if (site.MemberFor(site.Value) is not { } member)
            {
                return;
            }
            var named = CodebookSymbols.Underlying(type)!; // (SipStatusCode?)487 names SipStatusCode, not Nullable
            site.Report(Descriptor, member, named.Name, member, site.Value);
        }
    }
}
