using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Codebook.Catalogue
{
    /// <summary>
    /// Finds the catalogues that referenced assemblies recorded (<see cref="CatalogueRecord"/>), as the generator
    /// and the analyzers both need them. Only assemblies whose types this compilation can use count: a public
    /// record, or an internal one whose assembly gives this one access (InternalsVisibleTo).
    /// </summary>
    internal static class ReferencedCatalogues
    {
        /// <summary>
        /// Public key tokens of the .NET platform's own assemblies, which no Codebook user builds: skipping them
        /// leaves a handful of assemblies whose attributes are read, out of the ~160 a project references.
        /// </summary>
        private static readonly byte[][] PlatformKeys =
        {
            new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
            new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },
            new byte[] { 0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35 },
            new byte[] { 0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60 },
            new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
            new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
        };

        public static EquatableArray<RecordText> Find(Compilation compilation)
        {
            List<RecordText>? found = null;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (IsPlatform(assembly))
                {
                    continue;
                }
                bool? reachable = null;
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (attribute.AttributeClass is not { Name: "AssemblyMetadataAttribute" } type
                        || type.ContainingNamespace?.ToDisplayString() != "System.Reflection"
                        || attribute.ConstructorArguments.Length != 2
                        || attribute.ConstructorArguments[0].Value as string != CatalogueRecord.MetadataKey
                        || attribute.ConstructorArguments[1].Value is not string text)
                    {
                        continue;
                    }
                    // Public records are read as they are; an internal one counts only where its types are visible.
                    reachable ??= assembly.GivesAccessTo(compilation.Assembly);
                    if (CatalogueRecord.IsPublic(text) || reachable.Value)
                    {
                        (found ??= new List<RecordText>()).Add(new RecordText(assembly.Identity.Name, text));
                    }
                }
            }
            return found is null ? EquatableArray<RecordText>.Empty : found.OrderBy(r => r.Assembly, StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>Reads every record; the unreadable ones become problems naming their assembly.</summary>
        public static List<ReferencedProtocol> Read(IEnumerable<RecordText> records, List<CatalogueProblem> problems)
        {
            var result = new List<ReferencedProtocol>();
            foreach (var record in records)
            {
                if (CatalogueRecord.Read(record, out var error) is { } protocol)
                {
                    result.Add(protocol);
                }
                else
                {
                    problems.Add(new CatalogueProblem(ProblemIds.UnreadableReference,
                        $"the referenced assembly '{record.Assembly}' was built with Codebook, but {error}; its types are not checked",
                        SourceRange.Nowhere));
                }
            }
            return result;
        }

        /// <summary>One of the .NET platform's own assemblies (by its public key token): no Codebook user builds one.</summary>
        public static bool IsPlatform(IAssemblySymbol assembly)
        {
            var token = assembly.Identity.PublicKeyToken;
            if (token.Length != 8)
            {
                return false;
            }
            foreach (var key in PlatformKeys)
            {
                var same = true;
                for (var i = 0; i < 8 && same; i++)
                {
                    same = token[i] == key[i];
                }
                if (same)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
