using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Codebook.Testing;

namespace Codebook.Benchmarks;

/// <summary>
/// Codebook's cost as users pay it: real <c>dotnet build</c> runs of projects that get Codebook from its packed
/// nupkg, with <c>-p:ReportAnalyzer=true</c>, once in a fresh compiler process per build (csc started each time,
/// as with UseSharedCompilation=false or a first build) and once in a warm compiler server (VBCSCompiler,
/// the default for a developer's repeated builds). Codebook's generator and analyzers are reported as a share of
/// the Csc task; the SDK's System.Text.Json generator on one type is the fresh-process yardstick.
/// </summary>
public static class RealBuild
{
    private sealed record Project(string Name, string Label, bool Codebook, Dictionary<string, string> Files)
    {
        /// <summary>One C# file, as the (0) yardstick has: its difference from (0) is what Codebook (or the SDK's generator) adds.</summary>
        public bool OneClass => Files.Keys.Count(name => name.EndsWith(".cs", StringComparison.Ordinal)) == 1;
    }

    private sealed record Sample(double Csc, double Generator, double Analyzers, double Json, double AllGenerators);

    /// <summary>Builds of each project in the compiler server before its builds are measured.</summary>
    private const int WarmUpBuilds = 4;

    public static void Run(string[] args)
    {
        var repetitions = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var root = Path.Combine(Path.GetTempPath(), "codebook-real-build", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        var feed = Path.Combine(root, "feed");
        var version = "0.1.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(feed);
        if (args.Length > 2)
        {
            // real-build N <folder> <version>: measure a package packed elsewhere (an older commit, for a before/after).
            feed = Path.GetFullPath(args[1]);
            version = args[2];
        }
        else
        {
            Dotnet(root, true, "pack", Path.Combine(Repository(), "src", "Codebook", "Codebook.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}");
        }
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="bench" value="{feed}" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
              <packageSourceMapping>
                <packageSource key="bench"><package pattern="Codebook" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />");

        var projects = new[]
        {
            // The yardstick for the whole cost: the same one class without Codebook, so every other row can say what
            // Codebook adds to the Csc task and to the generators' total, wherever the compiler happens to charge it.
            new Project("Plain", "(0) one class, no Codebook", false, new() { ["C.cs"] = "namespace Plain { public class C { } }" }),
            new Project("Empty", "(a) one class, no codes.yaml", true, new() { ["C.cs"] = "namespace Empty { public class C { } }" }),
            new Project("OwnCatalogue", "(b) one class, its own codes.yaml (sip and rtsp, a code added)", true, new()
            {
                ["C.cs"] = "namespace OwnCatalogue { public class C { } }",
                ["codes.yaml"] = "use: [sip, rtsp]\nprotocols:\n  sip:\n    codes:\n      477: { reason: Send Failed, methods: [INVITE] }\n",
            }),
            new Project("Dense", "(c) 200 files, 5,000 status-code call sites", true,
                Enumerable.Range(0, 200).ToDictionary(i => $"Handler{i}.cs", i => BuildTime.SourceFile(i, 25))),
            new Project("Json", "System.Text.Json source generation for one type, no Codebook", false, new()
            {
                ["Model.cs"] = "namespace Json { public sealed class Reading { public string Name { get; set; } = \"\"; public int Value { get; set; } }\n" +
                               "[System.Text.Json.Serialization.JsonSerializable(typeof(Reading))] public partial class ReadingContext : System.Text.Json.Serialization.JsonSerializerContext { } }",
            }),
        };
        foreach (var project in projects)
        {
            var folder = Path.Combine(root, project.Name);
            Directory.CreateDirectory(folder);
            var reference = project.Codebook ? $"""<ItemGroup><PackageReference Include="Codebook" Version="{version}" PrivateAssets="all" /></ItemGroup>""" : "";
            File.WriteAllText(Path.Combine(folder, project.Name + ".csproj"),
                $"""<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>{reference}</Project>""");
            foreach (var (name, text) in project.Files)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }
            Dotnet(folder, true, "restore");
        }

        Console.WriteLine($"Real builds: `dotnet build --no-restore --no-incremental -p:ReportAnalyzer=true`, {repetitions} builds per row, medians.");
        Console.WriteLine();
        Console.WriteLine("| Project | Compiler | Csc task | Over (0) | Codebook generator | Generator's share | Codebook analyzers | Analyzers' share | All generators over (0) | System.Text.Json generator |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var shared in new[] { false, true })
        {
            if (shared)
            {
                Dotnet(root, false, "build-server", "shutdown");
            }
            if (shared)
            {
                // A developer's server has compiled the projects before: its first compilation loads and JITs
                // everything, and the next few still run code the runtime has not optimized yet (a server's
                // analyzer time falls by two thirds over its first four builds of a project). Every project is
                // warmed before any is measured, so the (0) yardstick meets as warm a server as the rows after it.
                foreach (var project in projects)
                {
                    for (var warmUp = 0; warmUp < WarmUpBuilds; warmUp++)
                    {
                        Build(Path.Combine(root, project.Name), shared: true);
                    }
                }
            }
            Sample? plain = null;
            foreach (var project in projects)
            {
                var folder = Path.Combine(root, project.Name);
                var samples = Enumerable.Range(0, repetitions).Select(_ => Build(folder, shared)).ToList();
                var csc = BuildTime.Median(samples.Select(s => s.Csc));
                var generator = BuildTime.Median(samples.Select(s => s.Generator));
                var analyzers = BuildTime.Median(samples.Select(s => s.Analyzers));
                // A server's analyzer time jumps when a garbage collection pauses the compiler inside a callback.
                var analyzerRange = $"{samples.Min(s => s.Analyzers):F0}-{samples.Max(s => s.Analyzers):F0}";
                var json = BuildTime.Median(samples.Select(s => s.Json));
                var all = BuildTime.Median(samples.Select(s => s.AllGenerators));
                var compiler = shared ? "warm server" : "fresh csc";
                if (plain is null)
                {
                    plain = new Sample(csc, 0, 0, 0, all);
                    Console.WriteLine($"| {project.Label} | {compiler} | {csc:F0} ms | | | | | | ({all:F0} ms) | |");
                    continue;
                }
                // Only a project of the same one class says what Codebook adds; (c)'s difference is mostly its 200 files.
                var over = project.OneClass ? $"{csc - plain.Csc:+0;-0} ms" : "";
                var allOver = project.OneClass ? $"{all - plain.AllGenerators:+0;-0} ms" : "";
                Console.WriteLine(project.Codebook
                    ? $"| {project.Label} | {compiler} | {csc:F0} ms | {over} | {generator:F0} ms | {100 * generator / csc:F1}% | {analyzers:F0} ms ({analyzerRange}) | {100 * analyzers / csc:F1}% | {allOver} | |"
                    : $"| {project.Label} | {compiler} | {csc:F0} ms | {over} | | | | | {allOver} | {json:F0} ms ({100 * json / csc:F1}%) |");
            }
        }
        Dotnet(root, false, "build-server", "shutdown");
    }

    private static Sample Build(string folder, bool shared)
    {
        var output = Dotnet(folder, true, "build", "--no-restore", "--no-incremental", "-p:ReportAnalyzer=true", $"-p:UseSharedCompilation={(shared ? "true" : "false")}",
            "-v:d", "-clp:PerformanceSummary");
        double Seconds(string pattern) => Regex.Matches(output, pattern, RegexOptions.Multiline)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Sum() * 1000;
        var csc = Regex.Match(output, @"^\s+(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline);
        if (!csc.Success)
        {
            throw new InvalidOperationException("no Csc task time in the build output:\n" + output);
        }
        return new Sample(
            double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture),
            Seconds(@"^\s+([\d.]+)\s+\d+\s+Codebook\.Generation\.CodebookGenerator\s*$"),
            Seconds(@"^\s+([\d.]+)\s+\d+\s+Codebook\.Analysis\.\w+Analyzer \("),
            Seconds(@"^\s+([\d.]+)\s+\d+\s+System\.Text\.Json\.SourceGeneration\.JsonSourceGenerator\s*$"),
            Seconds(@"^\s*Total generator execution time: ([\d.]+) seconds"));
    }

    private static string Dotnet(string folder, bool mustSucceed, params string[] arguments)
    {
        // The command line says which compiler to use, whatever the environment says.
        var run = ProcessRunner.Run("dotnet", arguments, TimeSpan.FromMinutes(20), folder, start => start.Environment.Remove("UseSharedCompilation"));
        if (mustSucceed && run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {folder}:\n{run.Output}");
        }
        return run.Output;
    }

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Generators.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }

}
