using System;
using System.Linq;
using Codebook.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Harness;

/// <summary>ASP.NET Core's reference assemblies, from the SDK that runs the tests (see <see cref="AspNetCorePack"/>).</summary>
public static class AspNetCoreReferences
{
    private static readonly Lazy<MetadataReference[]> s_all = new(() =>
    {
        var assemblies = AspNetCorePack.Assemblies();
        Assert.True(assemblies is not null, $"the ASP.NET Core reference pack is not under {AspNetCorePack.Root}; these tests need the .NET SDK's Microsoft.AspNetCore.App.Ref");
        return assemblies!.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToArray();
    });

    public static MetadataReference[] All => s_all.Value;
}
