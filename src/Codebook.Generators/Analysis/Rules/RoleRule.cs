using Codebook.Catalogue;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1002: a status code sent by a role the catalogue does not allow (305 from a proxy, 6xx from a registrar).</summary>
    internal static class RoleRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.RoleNotAllowed,
            "Status code not allowed from this role",
            "{0} is not sent by a {1} ({2}){3}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The catalogue restricts which roles may send this status code; the role comes from [Role] on the member, type or assembly, or from codebook.<protocol>.role in .editorconfig.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.RoleNotAllowed));

        public static void Check(StatusCodeSite site, Context roles)
        {
            if (site.Protocol.Codes.TryGetValue(site.Value, out var code))
            {
                site.ReportRefused(Descriptor, roles, code.AllowedRoles, EquatableArray<string>.Empty, code.RoleRuleReference);
            }
        }
    }
}
