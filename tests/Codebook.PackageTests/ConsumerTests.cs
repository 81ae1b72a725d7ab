using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Codebook.Testing;
using Xunit;

namespace Codebook.PackageTests;

/// <summary>The package as users meet it: added to real projects of every kind, restored from a feed, built, run.</summary>
[Collection(PackageCollection.Name)]
public class ConsumerTests
{
    private readonly PackageFixture _package;

    public ConsumerTests(PackageFixture package) => _package = package;

    private const string Reference = PackageFixture.CodebookReference;

    private static string Project(string framework, string extra = "", string items = "") => PackageFixture.ProjectFile(framework, extra, Reference + items);

    private static void AssertNoLoadFailures(ProcessRun run)
    {
        Assert.DoesNotContain("CS8785", run.Output); // generator failed (e.g. YamlDotNet not found)
        Assert.DoesNotContain("AD0001", run.Output); // analyzer threw
        Assert.DoesNotContain("CS9057", run.Output); // analyzer built for a newer compiler
        Assert.DoesNotContain("CS8032", run.Output); // analyzer could not be loaded
    }

    [Fact]
    public void The_package_holds_the_analyzers_and_props_and_nothing_for_the_runtime()
    {
        var entries = _package.PackageEntries();
        Assert.Contains("analyzers/dotnet/cs/Codebook.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Codebook.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("buildTransitive/Codebook.props", entries);
        Assert.Contains("buildTransitive/Codebook.targets", entries);
        Assert.Contains("build/Codebook.props", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/") || e.StartsWith("ref/"));

        using var zip = ZipFile.OpenRead(_package.Package);
        using var nuspec = new StreamReader(zip.GetEntry("Codebook.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Contains("<readme>README.md</readme>", text);
        Assert.Contains("<repository type=\"git\"", text);
        Assert.Contains("<tags>", text);
        Assert.Contains("<description>", text);
        Assert.DoesNotContain("<dependencies>", text);
    }

    [Fact]
    public void Net10_console_without_a_catalogue_gets_every_protocol_and_runs()
    {
        var folder = _package.Consumer("ZeroConfig",
            ("ZeroConfig.csproj", Project("net10.0", "<OutputType>Exe</OutputType><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>")),
            ("Program.cs", """
                using System.Globalization;
                using Codebook.Gb28181;
                using Codebook.Rtsp;
                using Codebook.Sip;
                var zh = CultureInfo.GetCultureInfo("zh-CN");
                System.Console.WriteLine($"{(int)SipStatusCode.RequestTerminated} {SipStatusCode.RequestTerminated.GetReasonPhrase()} {SipStatusCode.RequestTerminated.ToUserMessage(zh)}");
                System.Console.WriteLine(Codebook.Rtsp.RtspStatusCode.InvalidRange.IsAllowedFor(Codebook.Rtsp.RtspMethod.Play));
                System.Console.WriteLine(Codebook.Http.HttpStatusCodes.FromValueOrClassDefault(299));
                System.Console.WriteLine(Codebook.Gb28181.Gb28181StatusCode.PlatformMessageSendFailed.ToUserMessage(zh));
                System.Console.WriteLine(Codebook.Rtsp2.Rtsp2StatusCodes.All.Count);
                """));
        var run = PackageFixture.Dotnet(folder, "run");
        AssertNoLoadFailures(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("487 Request Terminated 呼叫在接通前已被取消。", run.Output);
        Assert.Contains("True", run.Output);
        Assert.Contains("Ok", run.Output);
        Assert.Contains("平台消息发送失败", run.Output);
        Assert.Contains("49", run.Output);
    }

    [Fact]
    public void Net8_library_extends_sip_with_its_own_code_and_namespace()
    {
        _package.Consumer("Telephony",
            ("Telephony.csproj", Project("net8.0", "<Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><GenerateDocumentationFile>true</GenerateDocumentationFile>")),
            ("codes.yaml", """
                namespace: Contoso.Telephony
                use: [sip]
                protocols:
                  sip:
                    codes:
                      477:
                        reason: Send Failed
                        user: { en: "The call could not be sent on.", zh-CN: "呼叫无法转发。" }
                """),
            ("Api.cs", """
                using Contoso.Telephony.Sip;
                namespace Contoso.Telephony
                {
                    /// <summary>What the library offers.</summary>
                    public static class Api
                    {
                        /// <summary>The custom code's reason.</summary>
                        public static string Custom() => SipStatusCode.SendFailed.GetReasonPhrase() + " / " + SipStatusCode.SendFailed.ToUserMessage(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
                    }
                }
                """));
        var app = _package.Consumer("TelephonyApp",
            ("TelephonyApp.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <!-- Only the .NET 10 runtime may be installed: run the net8.0 app on it. -->
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework><OutputType>Exe</OutputType><RollForward>Major</RollForward></PropertyGroup>
                  <ItemGroup><ProjectReference Include="../Telephony/Telephony.csproj" /></ItemGroup>
                </Project>
                """),
            ("Program.cs", "System.Console.WriteLine(Contoso.Telephony.Api.Custom());"));
        var run = PackageFixture.Dotnet(app, "run");
        AssertNoLoadFailures(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Send Failed / 呼叫无法转发。", run.Output);
    }

    [Fact]
    public void Netstandard20_library_with_csharp_7_3_and_warnings_as_errors_builds()
    {
        var folder = _package.Consumer("Legacy",
            ("Legacy.csproj", Project("netstandard2.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><GenerateDocumentationFile>true</GenerateDocumentationFile><CodebookNamespace>Legacy.Codes</CodebookNamespace><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>")),
            ("Use.cs", """
                using Legacy.Codes.Sip;
                namespace Legacy
                {
                    /// <summary>Uses the generated API under C# 7.3.</summary>
                    public static class Use
                    {
                        /// <summary>Parses a line.</summary>
                        public static string Parse(string line)
                        {
                            SipStatusCode code;
                            string reason;
                            return SipStatusCodes.TryParseStatusLine(line, out code, out reason) ? code.GetReasonPhrase() + reason : "";
                        }
                    }
                }
                """));
        var run = PackageFixture.Dotnet(folder, "build");
        AssertNoLoadFailures(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 Warning(s)", run.Output);
        // The generated files are visible as usual.
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "obj"), "SipStatusCode.g.cs", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void A_broken_catalogue_is_reported_at_its_line_and_column()
    {
        var folder = _package.Consumer("Broken",
            ("Broken.csproj", Project("net10.0")),
            ("codes.yaml", "protocols:\n  sip:\n    colour: red\n    codes:\n      499: { reason: [not, text] }\n"),
            ("Class1.cs", "using Codebook.Sip; namespace Broken { public static class C { public static string R => SipStatusCode.Ok.GetReasonPhrase(); } }"));
        var run = PackageFixture.Dotnet(folder, "build");
        AssertNoLoadFailures(run);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"codes\.yaml\(3,5\): error CB0002: unknown key 'colour'", run.Output);
        Assert.Matches(@"codes\.yaml\(5,22\): error CB0002: expected reason to be text", run.Output);
        Assert.DoesNotMatch(@"error CS\d", run.Output); // the rest of the catalogue still generated: the C# compiles

        var yaml = _package.Consumer("BrokenYaml",
            ("BrokenYaml.csproj", Project("net10.0")),
            ("codes.yaml", "protocols:\n  sip: [\n"),
            ("Class1.cs", "namespace BrokenYaml { public static class C { } }"));
        run = PackageFixture.Dotnet(yaml, "build");
        AssertNoLoadFailures(run);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"codes\.yaml\(\d+,\d+\): error CB0001: codes\.yaml is not valid YAML", run.Output);
    }

    private const string Misuse = """
        using Codebook.Sip;
        namespace Misuse
        {
            public static class Handler
            {
                public static void Send(SipStatusCode code) { }

                public static void Handle(SipMethod method)
                {
                    if (method == SipMethod.Cancel)
                    {
                        Send(SipStatusCode.RequestTerminated);
                    }
                }
            }
        }
        """;

    [Theory]
    [InlineData("", "warning")]
    [InlineData("dotnet_diagnostic.CB1001.severity = error", "error")]
    [InlineData("dotnet_diagnostic.CB1001.severity = none", null)]
    public void A_misuse_is_reported_at_its_line_with_the_configured_severity(string setting, string? expected)
    {
        var folder = _package.Consumer("Misuse" + (expected ?? "none"),
            ("Misuse.csproj", Project("net10.0")),
            (".editorconfig", $"root = true\n[*.cs]\n{setting}\n"),
            ("Handler.cs", Misuse));
        var run = PackageFixture.Dotnet(folder, "build");
        AssertNoLoadFailures(run);
        if (expected is null)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("CB1001", run.Output);
            return;
        }
        Assert.Matches(new Regex($@"Handler\.cs\(12,22\): {expected} CB1001: SIP 487 Request Terminated is not sent in reply to CANCEL \(RFC 3261 §21\.4\.25\)"), run.Output);
        Assert.Equal(expected == "error", run.ExitCode != 0);
    }
}
