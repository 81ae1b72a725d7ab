using System;
using System.IO;
using System.Linq;

namespace Codebook.Testing;

/// <summary>
/// ASP.NET Core's reference assemblies in the SDK that runs this process (its Microsoft.AspNetCore.App.Ref pack, beside
/// <c>shared/</c>). Shared, as a linked source, by the analyzer tests and the build-time benchmark.
/// </summary>
public static class AspNetCorePack
{
    /// <summary>Where the pack is, when the SDK has it: <c>&lt;dotnet&gt;/packs/Microsoft.AspNetCore.App.Ref</c>.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(
        Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.AspNetCore.App.Ref"));

    /// <summary>The reference assemblies of the newest net10.0 pack, or null when the SDK has none.</summary>
    public static string[]? Assemblies()
    {
        var folder = Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Select(v => Path.Combine(v, "ref", "net10.0")).Where(Directory.Exists).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault()
            : null;
        return folder is null ? null : Directory.GetFiles(folder, "*.dll");
    }
}
