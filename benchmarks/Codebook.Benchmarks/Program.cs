using System.Linq;
using BenchmarkDotNet.Running;
using Codebook.Benchmarks;

// dotnet run -c Release --project benchmarks/Codebook.Benchmarks -- [BenchmarkDotNet arguments]
// dotnet run -c Release --project benchmarks/Codebook.Benchmarks -- build-time
// dotnet run -c Release --project benchmarks/Codebook.Benchmarks -- real-build [builds per row [package folder, version]]
if (args.Length > 0 && args[0] == "build-time")
{
    BuildTime.Run(args.Skip(1).ToArray());
    return;
}
if (args.Length > 0 && args[0] == "real-build")
{
    RealBuild.Run(args.Skip(1).ToArray());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Workloads).Assembly).Run(args);
