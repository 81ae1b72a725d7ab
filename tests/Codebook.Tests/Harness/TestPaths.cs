using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Codebook.Tests.Harness;

/// <summary>Folders the tests read: the repository (for codes.yaml and snapshots) and the NuGet package folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    public static string Repository(params string[] parts) => Path.Combine(new[] { RepositoryRoot }.Concat(parts).ToArray());

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}
