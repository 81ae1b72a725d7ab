namespace Codebook.Catalogue
{
    /// <summary>Where something is in a catalogue file: 1-based line and column, as editors show them.</summary>
    internal readonly record struct SourcePosition(int Line, int Column);

    /// <summary>A range of a catalogue file; <see cref="Path"/> is the AdditionalFile path, or the embedded name.</summary>
    internal readonly record struct SourceRange(string Path, SourcePosition Start, SourcePosition End)
    {
        /// <summary>No place in the project's files: reported without a location (a reference, a build property).</summary>
        public static readonly SourceRange Nowhere = new("", new SourcePosition(1, 1), new SourcePosition(1, 1));

        public override string ToString() => $"{Path}({Start.Line},{Start.Column})";
    }

    /// <summary>
    /// One thing wrong with a catalogue, kept as data: the generator never throws and never reports, the
    /// catalogue analyzer turns these into CB0xxx diagnostics at <see cref="Range"/>.
    /// </summary>
    internal sealed record CatalogueProblem(string Id, string Message, SourceRange Range)
    {
        public override string ToString() => $"{Range}: {Id}: {Message}";
    }

    /// <summary>The catalogue diagnostic IDs (see docs/rules).</summary>
    internal static class ProblemIds
    {
        public const string InvalidYaml = "CB0001";
        public const string InvalidEntry = "CB0002";
        public const string Duplicate = "CB0003";
        public const string UndeclaredReference = "CB0004";
        public const string ReferenceConflict = "CB0005";
        public const string AmbiguousReference = "CB0006";
        public const string UnreadableReference = "CB0007";
    }
}
