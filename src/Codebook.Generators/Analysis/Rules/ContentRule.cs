using Microsoft.CodeAnalysis;

namespace Codebook.Analysis.Rules
{
    /// <summary>
    /// CB1008: a code whose responses carry no content (HTTP 204, 304, 1xx: <c>content: false</c>) is sent with
    /// content: a value in the same call (<c>Results.Json(item, statusCode: 204)</c>), or a body written after it
    /// (<c>Response.StatusCode = 204; await Response.WriteAsync("done");</c>).
    /// </summary>
    internal static class ContentRule
    {
        public static readonly DiagnosticDescriptor Descriptor = new(
            DiagnosticIds.ContentWithoutContentCode,
            "Content sent with a code that carries none",
            "{0} carries no content ({1}), but {2}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A response with this code ends at its headers; content sent with it is dropped by the server or breaks the connection's framing. Send the content with a code that carries it (200), or send none.",
            helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ContentWithoutContentCode));

        public static void Check(StatusCodeSite site)
        {
            if (!site.Protocol.Codes.TryGetValue(site.Value, out var code) || !code.NoContent || site.Protocol.ContentMembers.Count == 0)
            {
                return;
            }
            if (site.ContentSentWith() is { } content)
            {
                var reference = code.Reference.Length > 0 ? code.Reference : site.Protocol.Model.Reference;
                site.Report(Descriptor, null, site.Protocol.Describe(site.Value), reference, content);
            }
        }
    }
}
