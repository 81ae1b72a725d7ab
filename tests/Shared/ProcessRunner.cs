using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Codebook.Testing;

/// <summary>What a process printed (standard output and error, as they came) and how it ended.</summary>
public sealed record ProcessRun(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>
/// Runs a program to its end within a time limit, collecting everything it prints. Shared, as a linked source
/// file, by the package tests, the SIP tests and the real-build benchmark, which all drive other programs.
/// </summary>
public static class ProcessRunner
{
    public static ProcessRun Run(string file, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null, Action<ProcessStartInfo>? configure = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        configure?.Invoke(start);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:F0} s:\n{output}");
        }
        process.WaitForExit(); // the output handlers are done only after this
        return new ProcessRun(process.ExitCode, output.ToString());
    }
}
