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

        /// <param name="type">The enum the number is cast to (generated or an existing stack's); null for an integer member.</param>
        public static void Check(StatusCodeSite site, ITypeSymbol? type)
        {
            if (!site.Protocol.Codes.TryGetValue(site.Value, out var code))
            {
                return;
            }
            // The member of the enum the number is cast to (generated, or the stack's own); an integer sink gets the
            // generated name in the message and no fix, since the enum does not fit there.
            var member = type is null ? null : site.MemberFor(site.Value);
            type = CodebookSymbols.Underlying(type); // (SipStatusCode?)487 names SipStatusCode, not Nullable
            // An integer sink is pointed at the generated member, where the project has the generated types.
            if ((type ?? site.Protocol.StatusType) is { } named && (type is null || member is not null))
            {
                site.Report(Descriptor, member, named.Name, member ?? code.Name, site.Value);
            }
        }
    }
}
