using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1001: a status code sent in reply to a method the catalogue does not allow it for (487 to CANCEL).</summary>
    internal static class MethodRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.MethodNotAllowed,
            "Status code not allowed in reply to this method",
            "{0} is not sent in reply to {1} ({2}){3}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The catalogue restricts which request methods this status code may answer; the method here comes from the enclosing branch, the same call or [RespondsTo].",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.MethodNotAllowed));

        public static void Check(StatusCodeSite site, Context methods)
        {
            if (site.Protocol.Codes.TryGetValue(site.Value, out var code))
            {
                // Methods that take no response at all are CB1003's.
                site.ReportRefused(Descriptor, methods, code.AllowedMethods, site.Protocol.Model.NoResponse, code.MethodRuleReference);
            }
        }
    }
}
