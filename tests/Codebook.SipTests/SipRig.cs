using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Codebook.Testing;
using Xunit;

namespace Codebook.SipTests;

/// <summary>sipp's summary of a run: its exit code and the successful and failed calls it counted.</summary>
public sealed record SippRun(int ExitCode, int Successful, int Failed, string Output)
{
    public override string ToString() => $"sipp exit code {ExitCode}, {Successful} successful, {Failed} failed\n{Output}";
}

/// <summary>
/// Starts samples/SipServer and sipp on 127.0.0.1, each on a free UDP port, each bounded in time; a missing sipp
/// is a failure that says how to install it, never a skip.
/// </summary>
internal static class SipRig
{
    private static string Metadata(string key) =>
        typeof(SipRig).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string ServerDll => Metadata("SipServerDll");

    public static string Scenario(string name) => Path.Combine(Metadata("Scenarios"), name);

    public static string Sipp
    {
        get
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
            {
                var path = Path.Combine(folder, "sipp");
                if (File.Exists(path))
                {
                    return path;
                }
            }
            Assert.Fail("sipp is not installed: these tests drive the SIP server with it. On Debian: apt-get install -y sip-tester " +
                        "(.ci/run does this when it runs as root and the package registry answers).");
            return "";
        }
    }

    /// <summary>A UDP port nothing listens on now (taken from the system, then released).</summary>
    public static int FreePort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    /// <summary>The server, listening; stopped with SIGTERM, as Ctrl+C or a service manager stops it.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public Server(int ringMilliseconds = 300)
        {
            Port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { ServerDll, "--port", Port.ToString(), "--ring", ringMilliseconds.ToString() })
            {
                start.ArgumentList.Add(argument);
            }
            _process = Process.Start(start)!;
            var listening = new ManualResetEventSlim();
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
                if (e.Data.StartsWith("listening on udp", StringComparison.Ordinal))
                {
                    listening.Set();
                }
            };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Assert.True(listening.Wait(TimeSpan.FromSeconds(30)), "the server did not start listening within 30 s:\n" + Output);
        }

        public int Port { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Sends SIGTERM and returns everything the server printed, its table of codes last.</summary>
        public ProcessRun Stop()
        {
            using (var kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString() }))
            {
                kill.WaitForExit();
            }
            if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail("the server did not stop within 15 s of SIGTERM:\n" + Output);
            }
            _process.WaitForExit();
            return new ProcessRun(_process.ExitCode, Output);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }

    /// <summary>Runs sipp (never longer than <paramref name="seconds"/> of its own timeout plus a margin) and reads its final statistics.</summary>
    public static SippRun RunSipp(string target, int calls, int seconds, params string[] scenario) =>
        RunSipp(target, FreePort(), calls, seconds, scenario);

    public static SippRun RunSipp(string target, int localPort, int calls, int seconds, params string[] scenario)
    {
        var screen = Path.Combine(Path.GetTempPath(), $"codebook-sipp-{Guid.NewGuid():N}.screen");
        var arguments = scenario.Concat(new[]
        {
            "-p", localPort.ToString(), "-i", "127.0.0.1", "-m", calls.ToString(), "-timeout", $"{seconds}s", "-timeout_error",
            "-nostdin", "-trace_screen", "-screen_file", screen,
        });
        if (target.Length > 0)
        {
            arguments = new[] { target }.Concat(arguments);
        }
        var run = Execute(Sipp, arguments.ToArray(), TimeSpan.FromSeconds(seconds + 30));
        var text = File.Exists(screen) ? File.ReadAllText(screen) : run.Output;
        File.Delete(screen);
        int Count(string name) => Regex.Match(text, $@"{name}\s+\|\s+\d+\s+\|\s+(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : -1;
        return new SippRun(run.ExitCode, Count("Successful call"), Count("Failed call"), run.Output + "\n" + text);
    }

    public static ProcessRun Execute(string file, string[] arguments, TimeSpan limit)
    {
        try
        {
            return ProcessRunner.Run(file, arguments, limit);
        }
        catch (TimeoutException e)
        {
            Assert.Fail(e.Message);
            throw;
        }
    }
}
