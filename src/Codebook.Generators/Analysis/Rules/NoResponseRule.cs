using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>CB1003: any status code sent in reply to a method that takes no response (SIP ACK).</summary>
    internal static class NoResponseRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.ResponseToNoResponseMethod,
            "Response to a method that takes none",
            "{0} is sent in reply to {1}, which is never answered ({2})",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The catalogue lists methods that receive no response at all (no-response), such as SIP ACK.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ResponseToNoResponseMethod));

        public static void Check(StatusCodeSite site, Context methods)
        {
            List<string>? silent = null;
            for (var i = 0; i < methods.Tokens.Count; i++)
            {
                var method = methods.Tokens[i];
                if (site.Protocol.Model.NoResponse.Contains(method))
                {
                    (silent ??= new List<string>()).Add(method);
                }
            }
            if (silent is not null)
            {
                site.Report(Descriptor, null, site.Protocol.Describe(site.Value), methods.Name(silent), site.Protocol.Model.Reference);
            }
        }
    }
}
