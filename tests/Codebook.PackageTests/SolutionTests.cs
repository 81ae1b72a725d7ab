using System;
using System.Linq;
using System.Text.RegularExpressions;
using Codebook.Testing;
using Xunit;

namespace Codebook.PackageTests;

/// <summary>
/// Solutions of several projects, each with the package, built and run with the real SDK: a protocol is
/// generated once, in the project whose catalogue defines it, and every project that references it uses those
/// types and is checked against that catalogue.
/// </summary>
[Collection(PackageCollection.Name)]
public class SolutionTests
{
    private readonly PackageFixture _package;

    public SolutionTests(PackageFixture package) => _package = package;

    private const string Codebook = PackageFixture.CodebookReference;

    private const string Strict = "<Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors>";

    private static string Project(string framework, string properties, string items) => PackageFixture.ProjectFile(framework, properties, items);

    /// <summary>A library whose public API speaks SipStatusCode, with a code of its own allowed only for INVITE.</summary>
    private static (string, string)[] Contracts(string name, string properties = "") => new[]
    {
        // netstandard2.0 with its default C# 7.3: no nullable annotations, warnings still errors.
        ($"{name}.csproj", Project("netstandard2.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>" + properties, Codebook)),
        ("codes.yaml", """
            use: [sip]
            protocols:
              sip:
                codes:
                  477: { reason: Send Failed, methods: [INVITE], reference: trunk rules }
            """),
        ("Registrar.cs", $$"""
            using Codebook.Sip;
            namespace {{name}}
            {
                public static class Registrar
                {
                    public static SipStatusCode Register(string user) => user.Length == 0 ? SipStatusCode.BadRequest : SipStatusCode.Ok;

                    public static SipStatusCode Trunk() => SipStatusCode.SendFailed;
                }
            }
            """),
    };

    private const string ServerProgram = """
        using System;
        using Codebook.Sip;

        SipStatusCode registered = Contracts.Registrar.Register("alice");
        SipStatusCode trunk = Contracts.Registrar.Trunk();
        Console.WriteLine($"{(int)registered} {registered.GetReasonPhrase()} / {(int)trunk} {trunk.GetReasonPhrase()} {trunk.IsAllowedFor(SipMethod.Register)} {Server.Dispatch.Reply(SipMethod.Invite)}");

        namespace Server
        {
            public static class Dispatch
            {
                public static SipStatusCode Reply(SipMethod method)
                {
                    switch (method)
                    {
                        case SipMethod.Invite: return SipStatusCode.SendFailed;
                        case SipMethod.Cancel: return SipStatusCode.Ok;
                        case SipMethod.Ack: throw new System.ArgumentException("ACK takes no response", nameof(method));
                        default: return SipStatusCode.NotImplemented;
                    }
                }
            }
        }
        """;

    private const string ChecksProgram = """
        using System;
        using Codebook.Sip;

        Console.WriteLine(Checks.Misuse.Reply(SipMethod.Cancel) + " " + Server.Dispatch.Reply(SipMethod.Cancel));

        namespace Checks
        {
            public static class Misuse
            {
                public static SipStatusCode Reply(SipMethod method)
                {
                    if (method == SipMethod.Ack)
                    {
                        throw new ArgumentException("ACK takes no response", nameof(method));
                    }
                    if (method == SipMethod.Cancel)
                    {
                        return SipStatusCode.RequestTerminated;
                    }
                    if (method == SipMethod.Register)
                    {
                        return SipStatusCode.SendFailed;
                    }
                    return SipStatusCode.Ok;
                }
            }
        }
        """;

    /// <summary>
    /// None of what breaks a solution: the generator failing (CS8785), an analyzer throwing (AD0001), a generated
    /// type conflicting with a referenced one (CS0436), a type two references define (CS0433), two status types
    /// that do not convert (CS0266).
    /// </summary>
    private static void AssertClean(ProcessRun run) =>
        Assert.DoesNotMatch(@"(error|warning) (CS8785|AD0001|CS0436|CS0433|CS0266)\b", run.Output);

    [Fact]
    public void Contracts_Server_and_Checks_share_one_catalogue()
    {
        _package.Consumer("Layout/Contracts", Contracts("Contracts"));
        _package.Consumer("Layout/Server",
            ("Server.csproj", Project("net10.0", "<OutputType>Exe</OutputType>" + Strict,
                Codebook + """<ProjectReference Include="../Contracts/Contracts.csproj" />""")),
            ("Program.cs", ServerProgram));
        var checks = _package.Consumer("Layout/Server.Checks",
            ("Server.Checks.csproj", Project("net10.0", "<OutputType>Exe</OutputType>" + Strict + "<WarningsNotAsErrors>CB1001</WarningsNotAsErrors>",
                Codebook + """<ProjectReference Include="../Server/Server.csproj" />""")),
            ("Program.cs", ChecksProgram));

        var server = PackageFixture.Dotnet(_package.Root, "run", "--project", "Layout/Server");
        AssertClean(server);
        Assert.True(server.ExitCode == 0, server.ToString());
        Assert.Contains("200 OK / 477 Send Failed False SendFailed", server.Output);
        Assert.DoesNotContain("CB1", server.Output);

        var run = PackageFixture.Dotnet(checks, "run");
        AssertClean(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("RequestTerminated Ok", run.Output);
        var cancel = PackageFixture.At(ChecksProgram, "return SipStatusCode.RequestTerminated;", "SipStatusCode.RequestTerminated");
        var register = PackageFixture.At(ChecksProgram, "return SipStatusCode.SendFailed;", "SipStatusCode.SendFailed");
        Assert.Matches(new Regex($@"Program\.cs{cancel}: warning CB1001: SIP 487 Request Terminated is not sent in reply to CANCEL \(RFC 3261 §21\.4\.25\)"), run.Output);
        Assert.Matches(new Regex($@"Program\.cs{register}: warning CB1001: SIP 477 Send Failed is not sent in reply to REGISTER \(trunk rules\)"), run.Output);
        Assert.Equal(2, Regex.Matches(run.Output, @"Program\.cs\(\d+,\d+\): warning CB\d+").Select(m => m.Value).Distinct().Count());
    }

    [Fact]
    public void Internal_types_reach_a_test_project_through_InternalsVisibleTo()
    {
        _package.Consumer("Internal/Core",
            ("Core.csproj", Project("net10.0", Strict + "<CodebookVisibility>internal</CodebookVisibility>",
                Codebook + """<InternalsVisibleTo Include="Core.Tests" />""")),
            ("Core.cs", """
                using Codebook.Sip;
                namespace Core
                {
                    internal static class Registrar
                    {
                        internal static SipStatusCode Refuse() => SipStatusCode.Forbidden;
                    }
                }
                """));
        var tests = _package.Consumer("Internal/Core.Tests",
            ("Core.Tests.csproj", Project("net10.0", "<OutputType>Exe</OutputType>" + Strict,
                Codebook + """<ProjectReference Include="../Core/Core.csproj" />""")),
            ("Program.cs", """
                using Codebook.Sip;
                SipStatusCode code = Core.Registrar.Refuse();
                System.Console.WriteLine($"{(int)code} {code.GetReasonPhrase()} {code.IsAllowedFor(SipMethod.Register)}");
                """));
        var run = PackageFixture.Dotnet(tests, "run");
        AssertClean(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("403 Forbidden True", run.Output);
    }

    [Fact]
    public void A_library_packed_with_its_catalogue_is_consumed_by_an_app_with_Codebook()
    {
        var library = _package.Consumer("Packed/Solution.Telephony", Contracts("Solution.Telephony"));
        _package.Pack(library);
        var program = """
            using Codebook.Sip;
            SipStatusCode trunk = Solution.Telephony.Registrar.Trunk();
            System.Console.WriteLine($"{(int)trunk} {trunk.GetReasonPhrase()}");
            Handler.On(SipMethod.Register);

            static class Handler
            {
                public static void Send(SipStatusCode code) { }

                public static void On(SipMethod method)
                {
                    if (method == SipMethod.Register)
                    {
                        Send(SipStatusCode.SendFailed);
                    }
                }
            }
            """;
        var app = _package.Consumer("Packed/App",
            ("App.csproj", Project("net10.0", "<OutputType>Exe</OutputType>" + Strict + "<WarningsNotAsErrors>CB1001</WarningsNotAsErrors>",
                Codebook + """<PackageReference Include="Solution.Telephony" Version="$(CodebookVersion)" />""")),
            ("Program.cs", program));
        var run = PackageFixture.Dotnet(app, "run");
        AssertClean(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("477 Send Failed", run.Output);
        Assert.Matches(new Regex($@"Program\.cs{PackageFixture.At(program, "Send(SipStatusCode.SendFailed)", "SipStatusCode.SendFailed")}: warning CB1001: SIP 477 Send Failed is not sent in reply to REGISTER \(trunk rules\)"), run.Output);
    }

    [Fact]
    public void Redefinition_and_a_diamond_are_reported_where_they_are()
    {
        _package.Consumer("Conflicts/Contracts", Contracts("Contracts"));
        var catalogue = "use: [sip]\nprotocols:\n  sip:\n    codes:\n      478: { reason: Trunk Busy }\n";
        var redefining = _package.Consumer("Conflicts/Redefining",
            ("Redefining.csproj", Project("net10.0", "", Codebook + """<ProjectReference Include="../Contracts/Contracts.csproj" />""")),
            ("codes.yaml", catalogue),
            ("Use.cs", "public static class Use { public static Codebook.Sip.SipStatusCode Code => Contracts.Registrar.Trunk(); }"));
        var run = PackageFixture.Dotnet(redefining, "build");
        AssertClean(run);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Matches(@"codes\.yaml\(3,3\): error CB0005: protocol 'sip' is generated by the referenced assembly 'Contracts' \(types in Codebook\.Sip\)", run.Output);
        Assert.DoesNotMatch(@"error CS\d", run.Output); // the referenced types stay the only ones

        _package.Consumer("Conflicts/Left", ("Left.csproj", Project("net10.0", "", Codebook)), ("L.cs", "public static class L { }"));
        _package.Consumer("Conflicts/Right", ("Right.csproj", Project("net10.0", "", Codebook)), ("R.cs", "public static class R { }"));
        var diamond = _package.Consumer("Conflicts/Diamond",
            ("Diamond.csproj", Project("net10.0", "", Codebook + """<ProjectReference Include="../Left/Left.csproj" /><ProjectReference Include="../Right/Right.csproj" />""")),
            ("D.cs", "public static class D { }"));
        run = PackageFixture.Dotnet(diamond, "build");
        AssertClean(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"warning CB0006: the referenced assemblies 'Left' and 'Right' both generate protocols 'sip', 'gb28181', 'rtsp', 'rtsp2', 'http' and StatusClass with the same types \(Codebook\.Sip\.SipStatusCode, ", run.Output);
    }

    [Fact]
    public void A_downstream_project_extends_a_referenced_protocol_with_codes_of_its_own()
    {
        _package.Consumer("Extending/Contracts", Contracts("Contracts"));
        var program = """
            using Codebook.Trunk;
            TrunkStatusCode busy = TrunkStatusCode.TrunkBusy;
            System.Console.WriteLine($"{(int)busy} {busy.GetReasonPhrase()} {busy.GetStatusClass()} {TrunkStatusCode.SendFailed.IsAllowedFor(TrunkMethod.Register)} {Contracts.Registrar.Trunk()}");
            """;
        var app = _package.Consumer("Extending/App",
            ("App.csproj", Project("net10.0", "<OutputType>Exe</OutputType>" + Strict, Codebook + """<ProjectReference Include="../Contracts/Contracts.csproj" />""")),
            ("codes.yaml", "protocols:\n  trunk:\n    extends: sip\n    prefix: Trunk\n    codes:\n      478: { reason: Trunk Busy, methods: [INVITE] }\n"),
            ("Program.cs", program));
        var run = PackageFixture.Dotnet(app, "run");
        AssertClean(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("478 Trunk Busy ClientError False SendFailed", run.Output);
    }
}
