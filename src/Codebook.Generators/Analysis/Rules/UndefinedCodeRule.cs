using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1004: a number cast to a status type that the catalogue does not define (<c>(SipStatusCode)499</c>).</summary>
    internal static class UndefinedCodeRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.UndefinedCode,
            "Status code not defined in the catalogue",
            "{0} is not a status code of the {1} catalogue; {2}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Receivers that do not know a code fall back to the default of its class; add the code to codes.yaml or use a defined one.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.UndefinedCode));

        public static void Check(StatusCodeSite site)
        {
            var model = site.Protocol.Model;
            if (site.Protocol.Codes.ContainsKey(site.Value) || site.IsPlaceholder())
            {
                return;
            }
            if (site.Value < model.Min || site.Value > model.Max)
            {
                // 0, 7, -1, 1000: no class of the protocol, so nothing a receiver could read as a code (and no class default to fix it to).
                site.Report(Descriptor, null, site.Value, site.Protocol.DisplayName,
                    $"it is outside every class of {site.Protocol.DisplayName} ({model.Min}-{model.Max}), so no receiver reads it as a status code");
                return;
            }
            var digit = site.Value / 100; // 1-9 here: the range lies within [100, 999]; classes past 6 have no fallback of their own
            var fallback = digit <= 6 && model.UnknownTargets[digit - 1] != 0 ? model.UnknownTargets[digit - 1] : model.OutOfRangeTarget;
            var replacement = site.Protocol.Codes.TryGetValue(fallback, out var target) ? target : null;
            site.Report(Descriptor, replacement is null ? null : site.MemberFor(replacement.Value), site.Value, site.Protocol.DisplayName,
                replacement is null ? "a receiver does not know it" : "a receiver treats it as " + site.Protocol.Describe(fallback));
        }
    }
}
