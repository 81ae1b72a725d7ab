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

        public static void Check(StatusCodeSite site)
        {
            if (site.Protocol.Codes.TryGetValue(site.Value, out var code))
            {
                site.Report(Descriptor, code.Name, site.Protocol.StatusType.Name, code.Name, site.Value);
            }
        }
    }
}
