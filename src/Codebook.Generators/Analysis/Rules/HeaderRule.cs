using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>
    /// CB1006: a response is produced with a code whose catalogue entry requires headers (405 needs Allow), and
    /// nothing in the method that produces it sets them: no string equal to the header name ("Allow",
    /// "WWW-Authenticate", "Allow: INVITE"), no member named like it (Allow, WwwAuthenticate, MinExpires).
    /// </summary>
    internal static class HeaderRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.MissingRequiredHeader,
            "Response lacks a required header",
            "{0} requires the {1} header ({2}); nothing in this method sets it",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The catalogue lists headers a response with this code must carry. Headers a pipeline adds later can be declared with codebook.<protocol>.headers-added-elsewhere in .editorconfig.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.MissingRequiredHeader));

        public static void Check(StatusCodeSite site)
        {
            // A member that returns the code to its caller builds no response: the caller sets the headers.
            if (!site.Protocol.Codes.TryGetValue(site.Value, out var code) || code.Headers.Count == 0 || site.IsReturned)
            {
                return;
            }
            List<string>? missing = null;
            foreach (var header in code.Headers)
            {
                // The body first: it usually sets the header, and its searches are kept per branch; the
                // file's options are read only for a header it lacks.
                if (!site.MethodMentions(header) && !site.HeadersAddedElsewhere().Contains(header))
                {
                    (missing ??= new List<string>()).Add(header);
                }
            }
            if (missing is not null)
            {
                var reference = code.Reference.Length > 0 ? code.Reference : site.Protocol.Model.Reference;
                site.Report(Descriptor, null, site.Protocol.Describe(site.Value), string.Join(" and ", missing), reference);
            }
        }
    }
}
