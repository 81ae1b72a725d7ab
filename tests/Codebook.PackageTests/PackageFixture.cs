using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using Codebook.Testing;
using Xunit;

namespace Codebook.PackageTests;

/// <summary>
/// Packs Codebook once per test run, with a version of its own so that no earlier package in the NuGet cache
/// can stand in for it, and writes a NuGet.config that takes Codebook from that folder only.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepositoryRoot = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        Root = Path.Combine(Path.GetTempPath(), "codebook-package-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Guid.NewGuid().ToString("N").Substring(0, 6)}";

        var pack = Dotnet(RepositoryRoot, "pack", Path.Combine(RepositoryRoot, "src", "Codebook", "Codebook.csproj"),
            "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
        Package = Path.Combine(Feed, $"Codebook.{Version}.nupkg");
        Assert.True(File.Exists(Package), $"{Package} was not produced");

        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="codebook-under-test" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="codebook-under-test"><package pattern="Codebook" /><package pattern="Solution.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // Consumers live outside the repository: none of its Directory.Build.* files may reach them.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public string[] PackageEntries()
    {
        using var zip = ZipFile.OpenRead(Package);
        return zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Packs a consumer project into the feed, as a library built with Codebook is published.</summary>
    public void Pack(string folder)
    {
        var pack = Dotnet(folder, "pack", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
    }

    /// <summary>The package reference a consumer writes; the version is filled in by <see cref="Consumer"/>.</summary>
    public const string CodebookReference = """<PackageReference Include="Codebook" Version="$(CodebookVersion)" PrivateAssets="all" />""";

    /// <summary>"(line,column)" of <paramref name="code"/> on the one line of <paramref name="text"/> that holds <paramref name="context"/>, as a regex of what the compiler prints.</summary>
    public static string At(string text, string context, string code)
    {
        var (line, index) = text.Replace("\r\n", "\n").Split('\n').Select((l, i) => (l, i)).Single(l => l.l.Contains(context));
        return $@"\({index + 1},{line.IndexOf(code, StringComparison.Ordinal) + 1}\)";
    }

    /// <summary>An SDK-style project file with these properties and items.</summary>
    public static string ProjectFile(string framework, string properties, string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{framework}</TargetFramework>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            {items}
          </ItemGroup>
        </Project>
        """;

    /// <summary>Writes a consumer project (files by relative path) and returns its folder.</summary>
    public string Consumer(string name, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(Root, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.Replace("$(CodebookVersion)", Version));
        }
        return folder;
    }

    public static ProcessRun Dotnet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, TimeSpan.FromMinutes(10), workingDirectory, start =>
        {
            // Builds inside a test run must not reuse the test host's MSBuild node or compiler server settings.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment.Remove("MSBuildSDKsPath");
        });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the system.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
