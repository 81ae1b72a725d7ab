using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Codebook.Analysis;
using Codebook.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codebook.Benchmarks;

/// <summary>
/// Build-time costs, measured with the Roslyn APIs the compiler uses: the generator cold and incremental, on
/// catalogues of growing size, and the analyzers' share of a compilation. Times are medians of several runs
/// after a warm-up; ratios matter more than absolute numbers.
/// </summary>
public static class BuildTime
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    /// <summary>
    /// The runtime settings of the C# compiler server (csc and VBCSCompiler run with server GC), and code fully
    /// optimized from the first round, as it is in a warm compiler server: without them, tiered compilation keeps
    /// Roslyn's own analyzer driver half-optimized for a dozen rounds and the analyzers' times wander by 5x.
    /// </summary>
    private static readonly (string Name, string Value)[] CompilerLikeRuntime =
    {
        ("DOTNET_gcServer", "1"),
        ("DOTNET_TieredCompilation", "0"),
    };

    public static void Run(string[] args)
    {
        if (CompilerLikeRuntime.Any(setting => Environment.GetEnvironmentVariable(setting.Name) != setting.Value))
        {
            // Runtime settings cannot change in a running process: run this measurement again in one that has them.
            var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
            var start = new ProcessStartInfo(host) { UseShellExecute = false };
            start.ArgumentList.Add(typeof(BuildTime).Assembly.Location);
            start.ArgumentList.Add("build-time");
            foreach (var argument in args)
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (name, value) in CompilerLikeRuntime)
            {
                start.Environment[name] = value;
            }
            using var child = Process.Start(start)!;
            child.WaitForExit();
            Environment.Exit(child.ExitCode);
        }
        var repetitions = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 7;
        var catalogue = File.ReadAllText(Path.Combine(RepositoryRoot(), "codes.yaml"));

        // "generator" or "analyzers" measures only that half.
        var part = args.Length > 1 ? args[1] : "all";
        if (part is not ("all" or "generator" or "analyzers"))
        {
            Console.Error.WriteLine($"build-time [repetitions] [generator|analyzers]: expected 'generator' or 'analyzers' but found '{part}'");
            Environment.Exit(2);
        }
        if (part is "all" or "generator")
        {
            Console.WriteLine("## Generator");
            Console.WriteLine();
            Console.WriteLine("| Catalogue | Protocols | Generated lines | Cold run (median) | Per protocol | Incremental run after an unrelated edit | Catalogue steps re-run |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var factor in new[] { 1, 10, 100 })
            {
                var yaml = factor == 1 ? null : Scaled(catalogue, factor);
                MeasureGenerator(factor, yaml, repetitions);
            }
        }
        if (part == "generator")
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("## Analyzers");
        Console.WriteLine();
        Console.WriteLine("| Project | Files | Status-code call sites | Diagnostics | Compilation (median) | Analyzers (median) | Analyzers' share |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        MeasureAnalyzers("status codes used", files: 200, sitesPerFile: 25, repetitions);
        MeasureAnalyzers("status codes used, types and catalogue from a referenced project", files: 200, sitesPerFile: 25, repetitions, fromReference: true);
        MeasureAnalyzers("no status codes", files: 200, sitesPerFile: 0, repetitions);
        if (AspNetCoreReferences() is { } web)
        {
            MeasureAnalyzers("ASP.NET Core: controllers and minimal APIs, no codes.yaml", files: 200, sitesPerFile: 25, repetitions, web: web);
            MeasureAnalyzers("ASP.NET Core, no status codes", files: 200, sitesPerFile: 0, repetitions, web: web);
        }
        else
        {
            Console.WriteLine("| ASP.NET Core | - | - | - | - | - | not measured: the SDK's Microsoft.AspNetCore.App.Ref pack was not found |");
        }
    }

    /// <summary>ASP.NET Core's reference assemblies from the SDK's pack, or null when it is missing.</summary>
    private static ImmutableArray<MetadataReference>? AspNetCoreReferences() =>
        Codebook.Testing.AspNetCorePack.Assemblies()?.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();

    private static string RepositoryRoot()
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

    /// <summary>The embedded catalogue's protocols copied <paramref name="factor"/> times under new keys and prefixes.</summary>
    private static string Scaled(string catalogue, int factor)
    {
        var protocols = catalogue.Substring(catalogue.IndexOf("protocols:\n", StringComparison.Ordinal) + "protocols:\n".Length);
        var yaml = new StringBuilder("use: []\nprotocols:\n");
        for (var i = 0; i < factor; i++)
        {
            var copy = Regex.Replace(protocols, @"^  ([a-z0-9]+):", m => $"  {m.Groups[1].Value}x{i}:", RegexOptions.Multiline);
            copy = Regex.Replace(copy, @"^    prefix: (\w+)", m => $"    prefix: {m.Groups[1].Value}X{i}", RegexOptions.Multiline);
            copy = Regex.Replace(copy, @"^    extends: (\w+)", m => $"    extends: {m.Groups[1].Value}x{i}", RegexOptions.Multiline);
            yaml.Append(copy);
        }
        return yaml.ToString();
    }

    private static void MeasureGenerator(int factor, string? yaml, int repetitions)
    {
        var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class A { }", ParseOptions) }, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var texts = yaml is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new Text("/bench/codes.yaml", yaml));
        GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new[] { new CodebookGenerator().AsSourceGenerator() }, texts, ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        NewDriver().RunGenerators(compilation); // warm-up: JIT and first-use costs
        var cold = new List<double>();
        var incremental = new List<double>();
        var lines = 0;
        var protocols = 0;
        var rerun = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var driver = NewDriver();
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            cold.Add(watch.Elapsed.TotalMilliseconds);
            var result = driver.GetRunResult().Results.Single();
            if (result.Exception is not null)
            {
                throw new InvalidOperationException("the generator failed", result.Exception);
            }
            lines = result.GeneratedSources.Sum(s => s.SourceText.Lines.Count);
            protocols = result.GeneratedSources.Length - 1;

            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText($"class B{i} {{ }}", ParseOptions));
            watch.Restart();
            driver = driver.RunGenerators(edited);
            incremental.Add(watch.Elapsed.TotalMilliseconds);
            rerun = driver.GetRunResult().Results.Single().TrackedSteps
                .Where(s => s.Key is CodebookGenerator.Steps.CatalogueFiles or CodebookGenerator.Steps.Catalogue or CodebookGenerator.Steps.Protocols)
                .SelectMany(s => s.Value).SelectMany(s => s.Outputs)
                .Count(o => o.Reason is not IncrementalStepRunReason.Cached);
        }
        var median = Median(cold);
        Console.WriteLine($"| {(factor == 1 ? "embedded" : $"{factor}x")} | {protocols} | {lines:N0} | {median:F1} ms | {median / protocols:F2} ms | {Median(incremental):F2} ms | {rerun} |");
    }

    /// <param name="fromReference">
    /// The solution case: the status types come from a referenced project that generated them (and recorded its
    /// catalogue), as in an application that references its contracts library; this project generates nothing.
    /// </param>
    /// <param name="web">ASP.NET Core's references: the project is a web API (see <see cref="WebSourceFile"/>), checked with no codes.yaml.</param>
    private static void MeasureAnalyzers(string label, int files, int sitesPerFile, int repetitions, bool fromReference = false, ImmutableArray<MetadataReference>? web = null)
    {
        var sources = Enumerable.Range(0, files)
            .Select(i => CSharpSyntaxTree.ParseText(web is null ? SourceFile(i, sitesPerFile) : WebSourceFile(i, sitesPerFile), ParseOptions, $"File{i}.cs"))
            .ToList();
        var references = fromReference ? References.Add(Contracts()) : web is { } aspNetCore ? References.AddRange(aspNetCore) : References;
        var baseCompilation = CSharpCompilation.Create("Consumer", sources, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new[] { new CodebookGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(baseCompilation, out var withGenerated, out _);
        var errors = withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("synthetic project does not compile: " + errors[0]);
        }
        if (fromReference && withGenerated.SyntaxTrees.Count() != sources.Count)
        {
            throw new InvalidOperationException("a project whose reference carries the catalogue generated types of its own");
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new StatusCodeUsageAnalyzer(), new CatalogueDiagnosticsAnalyzer());
        var compileTimes = new List<double>();
        var analyzerTimes = new List<double>();
        var compilationDiagnostics = 0;
        for (var i = 0; i <= repetitions; i++)
        {
            // The whole compilation, with the compiler's usual parallelism: a fresh compilation each time, so
            // nothing bound in an earlier round is reused, emitted to memory.
            var compilation = withGenerated.RemoveAllSyntaxTrees().AddSyntaxTrees(withGenerated.SyntaxTrees);
            var watch = Stopwatch.StartNew();
            if (!compilation.Emit(new MemoryStream()).Success)
            {
                throw new InvalidOperationException("synthetic project does not emit");
            }
            var compile = watch.Elapsed.TotalMilliseconds;

            // The analyzers on another fresh compilation. Roslyn binds and analyzes side by side and times each
            // analyzer callback by the clock; binding on one thread leaves the second core to the analyzers, so
            // their time is not inflated by parallel binding preempting them on this 2-core machine.
            var analyzed = withGenerated.RemoveAllSyntaxTrees().AddSyntaxTrees(withGenerated.SyntaxTrees)
                .WithOptions(withGenerated.Options.WithConcurrentBuild(false));
            var withAnalyzers = analyzed.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            compilationDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
            var analyzerTime = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
            if (i > 0) // the first round warms up
            {
                compileTimes.Add(compile);
                analyzerTimes.Add(analyzerTime);
            }
        }
        var compileMedian = Median(compileTimes);
        var reported = compilationDiagnostics;
        var analyzerMedian = Median(analyzerTimes);
        Console.WriteLine($"| {label} | {files} | {files * sitesPerFile:N0} | {reported} | {compileMedian:F0} ms | {analyzerMedian:F1} ms | {100 * analyzerMedian / (compileMedian + analyzerMedian):F2}% |");
    }

    /// <summary>A library with every embedded protocol generated, as an image a project references.</summary>
    private static MetadataReference Contracts()
    {
        var library = CSharpCompilation.Create("Contracts", new[] { CSharpSyntaxTree.ParseText("public static class Anchor { }", ParseOptions) }, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new[] { new CodebookGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(library, out var generated, out _);
        using var image = new MemoryStream();
        if (!generated.Emit(image).Success)
        {
            throw new InvalidOperationException("the referenced library does not emit");
        }
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>
    /// A handler file: a switch on the method sending the codes each method allows, with one mistake in every
    /// fifty (a realistic project keeps its warnings few), or the same file without any status code.
    /// </summary>
    internal static string SourceFile(int index, int sites)
    {
        var allowed = new (string Method, string[] Codes)[]
        {
            ("Invite", new[] { "Trying", "Ringing", "SessionProgress", "Ok", "BusyHere", "RequestTerminated", "NotAcceptableHere" }),
            ("Cancel", new[] { "Ok", "CallTransactionDoesNotExist" }),
            ("Bye", new[] { "Ok", "CallTransactionDoesNotExist" }),
            ("Register", new[] { "Ok", "Unauthorized", "IntervalTooBrief", "Forbidden" }),
            ("Options", new[] { "Ok", "NotFound", "ServiceUnavailable" }),
        };
        var text = new StringBuilder("using System;\nusing System.Collections.Generic;\nusing Codebook.Sip;\n");
        text.Append($"public sealed class Handler{index}\n{{\n    private readonly List<int> _log = new();\n    public void Send(SipStatusCode code) => _log.Add((int)code);\n    public void AddHeader(string name, string value) => _log.Add(name.Length + value.Length);\n");
        text.Append("    public int Compute(int x) { var total = 0; for (var i = 0; i < x; i++) { total += i * x % 7; } return total; }\n");
        text.Append("    public string Describe(string name) => string.Join(\", \", name.Split(' ')) + name.Length;\n");
        if (sites > 0)
        {
            text.Append("    public void Handle(SipMethod method)\n    {\n        switch (method)\n        {\n");
            for (var i = 0; i < sites; i++)
            {
                var (method, codes) = allowed[i / 5 % allowed.Length];
                if (i % 5 == 0)
                {
                    text.Append(i == 0 ? "" : "                break;\n").Append($"            case SipMethod.{method}:\n");
                    if (method == "Register")
                    {
                        // 401 and 423 require these headers (CB1006); a registrar sets them.
                        text.Append("                AddHeader(\"WWW-Authenticate\", \"Digest realm=\\\"example.com\\\"\");\n");
                        text.Append("                AddHeader(\"Min-Expires\", \"3600\");\n");
                    }
                }
                var site = index * sites + i;
                // The mistake: 180 Ringing, which only INVITE may get (CB1001).
                var code = site % 50 == 49 && method != "Invite" ? "Ringing" : codes[site % codes.Length];
                text.Append($"                Send(SipStatusCode.{code});\n");
            }
            text.Append("                break;\n        }\n    }\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>
    /// A web API file as ASP.NET Core developers write one: even files a controller, odd files minimal API routes and
    /// a middleware, sending codes through helpers (Ok, NotFound, NoContent), StatusCodes constants and
    /// Response.StatusCode, with one mistake in every fifty (304 to a POST, CB1001); or the same shapes without codes.
    /// </summary>
    internal static string WebSourceFile(int index, int sites)
    {
        var text = new StringBuilder("using System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\n");
        text.Append($"public sealed record Item{index}(int Id, string Name);\n");
        if (index % 2 == 0)
        {
            text.Append($"[ApiController, Route(\"items{index}\")]\npublic sealed class Items{index}Controller : ControllerBase\n{{\n");
            for (var i = 0; i < System.Math.Max(sites, 5); i++)
            {
                var site = index * sites + i;
                text.Append((i % 5) switch
                {
                    0 => $"    [HttpGet(\"{i}/{{id}}\")]\n    public IActionResult Get{i}(int id) => {(sites == 0 ? "new JsonResult(id)" : "id > 0 ? Ok(new Item" + index + "(id, \"x\")) : NotFound()")};\n",
                    1 => $"    [HttpPost(\"{i}\")]\n    public IActionResult Create{i}(Item{index} item) => {(sites == 0 ? "new JsonResult(item)" : (index * sites + i) / 5 % 10 == 9 ? "StatusCode(StatusCodes.Status304NotModified)" : "CreatedAtAction(nameof(Get" + (i - 1) + "), new { id = item.Id }, item)")};\n",
                    2 => $"    [HttpPut(\"{i}/{{id}}\")]\n    public IActionResult Put{i}(int id, Item{index} item) => {(sites == 0 ? "new JsonResult(item)" : "id == item.Id ? NoContent() : BadRequest()")};\n",
                    3 => $"    [HttpDelete(\"{i}/{{id}}\")]\n    public IActionResult Delete{i}(int id) => {(sites == 0 ? "new JsonResult(id)" : "id > 0 ? NoContent() : StatusCode(StatusCodes.Status409Conflict)")};\n",
                    _ => $"    [HttpGet(\"{i}\")]\n    public string Describe{i}(string name) => string.Join(\", \", name.Split(' ')) + name.Length;\n",
                });
            }
            return text.Append("}\n").ToString();
        }
        text.Append($"public static class Routes{index}\n{{\n    public static void Map(WebApplication app)\n    {{\n");
        for (var i = 0; i < System.Math.Max(sites, 5); i++)
        {
            var site = index * sites + i;
            text.Append((i % 5) switch
            {
                0 => $"        app.MapGet(\"/r{index}/{i}/{{id}}\", (int id) => {(sites == 0 ? "id.ToString()" : "id > 0 ? Results.Ok(new Item" + index + "(id, \"x\")) : Results.NotFound()")});\n",
                1 => $"        app.MapPost(\"/r{index}/{i}\", (Item{index} item) => {(sites == 0 ? "item.Name" : (index * sites + i) / 5 % 10 == 9 ? "Results.StatusCode(StatusCodes.Status304NotModified)" : "Results.Created($\"/r" + index + "/" + i + "/{item.Id}\", item)")});\n",
                2 => $"        app.MapPut(\"/r{index}/{i}/{{id}}\", (int id, Item{index} item) => {(sites == 0 ? "item.Name" : "id == item.Id ? Results.NoContent() : Results.BadRequest()")});\n",
                3 => $"        app.MapDelete(\"/r{index}/{i}/{{id}}\", (int id) => {(sites == 0 ? "id.ToString()" : "id > 0 ? Results.NoContent() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable)")});\n",
                _ => sites == 0
                    ? $"        app.Use(async (HttpContext context, RequestDelegate next) => {{ context.Items[\"n{i}\"] = {i}; await next(context); }});\n"
                    : $"        app.Use(async (HttpContext context, RequestDelegate next) => {{ if (context.Request.Path.Value == \"/gone{i}\") {{ context.Response.StatusCode = StatusCodes.Status410Gone; return; }} await next(context); }});\n",
            });
        }
        return text.Append("    }\n}\n").ToString();
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); 0 for none.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }
}
