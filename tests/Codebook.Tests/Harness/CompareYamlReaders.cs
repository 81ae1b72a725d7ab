using System.Runtime.CompilerServices;
using Codebook.Catalogue;

namespace Codebook.Tests.Harness;

internal static class CompareYamlReaders
{
    /// <summary>
    /// Every catalogue any test parses in this process is read by both YAML readers, and a difference fails the
    /// test: the plain reader is held to YamlDotNet's tree on all of the suite's files, hostile and fuzzed ones included.
    /// </summary>
    [ModuleInitializer]
    internal static void Enable() => YamlTreeReader.CompareReaders = true;
}
