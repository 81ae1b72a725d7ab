using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Harness;

/// <summary>ASP.NET Core's reference assemblies, from the SDK that runs the tests (its Microsoft.AspNetCore.App.Ref pack).</summary>
public static class AspNetCoreReferences
{
    private static readonly Lazy<MetadataReference[]> s_all = new(() =>
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ is where the runtime is; the packs are beside shared/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var pack = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.AspNetCore.App.Ref"));
        var folder = Directory.Exists(pack)
            ? Directory.GetDirectories(pack).Select(v => Path.Combine(v, "ref", "net10.0")).Where(Directory.Exists).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault()
            : null;
        Assert.True(folder is not null, $"the ASP.NET Core reference pack is not under {pack}; these tests need the .NET SDK's Microsoft.AspNetCore.App.Ref");
        return Directory.GetFiles(folder!, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToArray();
    });

    public static MetadataReference[] All => s_all.Value;
}
