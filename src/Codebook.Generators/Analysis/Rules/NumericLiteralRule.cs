using System.Linq;
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
            if (type is null || site.Protocol.StatusType.Equals(type, SymbolEqualityComparer.Default))
            {
                // The generated member; a fix is offered only where the enum itself fits.
                site.Report(Descriptor, type is null ? null : code.Name, site.Protocol.StatusType.Name, code.Name, site.Value);
                return;
            }
            // An existing stack's enum: name its own member for the value, if it has one.
            var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) == site.Value);
            if (member is not null)
            {
                site.Report(Descriptor, member.Name, type.Name, member.Name, site.Value);
            }
        }
    }
}
