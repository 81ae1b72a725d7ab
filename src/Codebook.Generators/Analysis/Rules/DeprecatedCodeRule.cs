using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1005: a status code the catalogue marks deprecated is sent (SIP 202, HTTP 305, RTSP 2.0 303).</summary>
    internal static class DeprecatedCodeRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.DeprecatedCode,
            "Deprecated status code",
            "{0} is deprecated{1}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The catalogue marks this code as no longer to be sent.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DeprecatedCode));

        public static void Check(StatusCodeSite site)
        {
            if (site.Protocol.Codes.TryGetValue(site.Value, out var code) && code.Deprecated is { } why)
            {
                site.Report(Descriptor, null, site.Protocol.Describe(site.Value), why.Length > 0 ? ": " + why : "");
            }
        }
    }
}
