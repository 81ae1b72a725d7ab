using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Harness;

/// <summary>Emits a compilation and loads it in a collectible context, to call generated code by reflection.</summary>
internal sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new("codebook-test", isCollectible: true);

    public LoadedAssembly(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        Assembly = _context.LoadFromStream(stream);
    }

    public Assembly Assembly { get; }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Calls a public static method, picking the overload by parameter count.</summary>
    public object? Call(string typeName, string method, params object?[] arguments) =>
        Type(typeName).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .First(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .Invoke(null, arguments);

    public object Enum(string typeName, int value) => System.Enum.ToObject(Type(typeName), value);

    public void Dispose() => _context.Unload();
}
