using Microsoft.CodeAnalysis.Diagnostics;

namespace Codebook.Generation
{
    /// <summary>
    /// MSBuild properties the generator reads (made visible by Codebook.props through CompilerVisibleProperty):
    /// <c>CodebookNamespace</c> overrides the catalogue's root namespace; <c>CodebookVisibility</c> = internal
    /// keeps the generated types internal, for libraries that must not expose them.
    /// </summary>
    internal sealed record CodebookSettings(string? Namespace, bool Public)
    {
        public static CodebookSettings Read(AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property.CodebookNamespace", out var ns);
            options.TryGetValue("build_property.CodebookVisibility", out var visibility);
            var isInternal = string.Equals(visibility?.Trim(), "internal", System.StringComparison.OrdinalIgnoreCase);
            return new CodebookSettings(string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim(), !isInternal);
        }
    }
}
