using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codebook.Tests.Harness;

/// <summary>
/// A framework a consuming project may target: its reference assemblies (from the NuGet folder or the SDK's
/// packs) and the language version such a project gets by default.
/// </summary>
public sealed class TargetFramework
{
    private readonly Lazy<IReadOnlyList<MetadataReference>> _references;

    private TargetFramework(string name, LanguageVersion defaultLanguage, Func<IEnumerable<string>> files)
    {
        Name = name;
        DefaultLanguage = defaultLanguage;
        _references = new Lazy<IReadOnlyList<MetadataReference>>(() =>
        {
            var list = files().ToList();
            if (list.Count == 0)
            {
                throw new InvalidOperationException($"no reference assemblies found for {name}; run dotnet restore on the test project");
            }
            return list.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
        });
    }

    public string Name { get; }

    public LanguageVersion DefaultLanguage { get; }

    public IReadOnlyList<MetadataReference> References => _references.Value;

    public override string ToString() => Name;

    private static string Package(params string[] parts) => Path.Combine(new[] { TestPaths.NuGetPackageRoot }.Concat(parts).ToArray());

    private static IEnumerable<string> Dlls(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.dll") : Enumerable.Empty<string>();

    /// <summary>netstandard2.0 alone: no System.ReadOnlySpan, so no span overloads; C# 7.3.</summary>
    public static TargetFramework NetStandard20 { get; } = new("netstandard2.0", LanguageVersion.CSharp7_3,
        () => Dlls(Package("netstandard.library", "2.0.3", "build", "netstandard2.0", "ref")));

    /// <summary>netstandard2.0 with System.Memory, as most libraries have it: span overloads under C# 7.3.</summary>
    public static TargetFramework NetStandard20WithMemory { get; } = new("netstandard2.0+System.Memory", LanguageVersion.CSharp7_3,
        () => NetStandard20.References.Select(r => r.Display!).Concat(new[]
        {
            Package("system.memory", "4.5.5", "lib", "netstandard2.0", "System.Memory.dll"),
        }));

    public static TargetFramework Net472 { get; } = new("net472", LanguageVersion.CSharp7_3,
        () =>
        {
            var root = Package("microsoft.netframework.referenceassemblies.net472", "1.0.3", "build", ".NETFramework", "v4.7.2");
            // The EnterpriseServices thunk and wrapper are native images shipped beside the reference assemblies.
            return Dlls(root).Concat(Dlls(Path.Combine(root, "Facades")))
                .Where(f => !Path.GetFileName(f).StartsWith("System.EnterpriseServices.", StringComparison.Ordinal));
        });

    public static TargetFramework Net80 { get; } = new("net8.0", LanguageVersion.CSharp12,
        () => Dlls(Package("microsoft.netcore.app.ref", "8.0.28", "ref", "net8.0")));

    /// <summary>The framework the tests run on (net10.0): its trusted platform assemblies.</summary>
    public static TargetFramework Net100 { get; } = new("net10.0", LanguageVersion.Latest,
        () => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll"));

    public static IEnumerable<TargetFramework> All => new[] { NetStandard20, NetStandard20WithMemory, Net472, Net80, Net100 };
}
