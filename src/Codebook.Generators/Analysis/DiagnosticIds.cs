namespace Codebook.Analysis
{
    /// <summary>Every diagnostic ID Codebook reports, in one place (docs/rules/&lt;ID&gt;.md documents each).</summary>
    internal static class DiagnosticIds
    {
        public const string InvalidYaml = "CB0001";
        public const string InvalidEntry = "CB0002";
        public const string Duplicate = "CB0003";
        public const string UndeclaredReference = "CB0004";
        public const string ReferenceConflict = "CB0005";
        public const string AmbiguousReference = "CB0006";
        public const string UnreadableReference = "CB0007";
        public const string MethodNotAllowed = "CB1001";
        public const string RoleNotAllowed = "CB1002";
        public const string ResponseToNoResponseMethod = "CB1003";
        public const string UndefinedCode = "CB1004";
        public const string DeprecatedCode = "CB1005";
        public const string MissingRequiredHeader = "CB1006";
        public const string NumericLiteral = "CB1007";
        public const string ContentWithoutContentCode = "CB1008";

        public const string Category = "Codebook";

        /// <summary>Diagnostic property: the status enum member a code fix puts in place of the flagged code.</summary>
        public const string ReplacementProperty = "Replacement";

        public static string HelpLink(string id) => $"https://github.com/codebook-dev/codebook/blob/main/docs/rules/{id}.md";
    }
}
