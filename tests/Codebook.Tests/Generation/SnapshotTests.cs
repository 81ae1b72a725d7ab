using System.IO;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Codebook.Tests.Generation;

/// <summary>The generated files, compared with reviewed snapshots (Snapshots/*.verified.cs).</summary>
public class SnapshotTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Fixtures", name));

    [Theory]
    [InlineData("SipStatusCode.g.cs")]
    [InlineData("Gb28181StatusCode.g.cs")]
    [InlineData("RtspStatusCode.g.cs")]
    [InlineData("Rtsp2StatusCode.g.cs")]
    [InlineData("HttpStatusCode.g.cs")]
    [InlineData("StatusClass.g.cs")]
    public void Embedded_catalogue(string file)
    {
        var run = GeneratorHarness.Run(TargetFramework.Net100);
        Snapshot.Verify(run.Sources[file], file.Replace(".g.cs", ""));
    }

    [Fact]
    public void Fixture_for_csharp_7_3_without_spans()
    {
        var run = GeneratorHarness.Run(TargetFramework.NetStandard20, LanguageVersion.CSharp7_3, new[] { ("/p/codes.yaml", Fixture("mini.codes.yaml")) });
        Assert.Empty(run.CompilationProblems);
        Snapshot.Verify(run.Sources["MiniStatusCode.g.cs"], "Mini");
    }

    [Fact]
    public void Fixture_for_latest_csharp_with_spans()
    {
        var run = GeneratorHarness.Run(TargetFramework.Net100, LanguageVersion.Latest, new[] { ("/p/codes.yaml", Fixture("mini.codes.yaml")) });
        Assert.Empty(run.CompilationProblems);
        Snapshot.Verify(run.Sources["MiniStatusCode.g.cs"], "Mini");
    }
}
