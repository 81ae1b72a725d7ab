using System.Collections.Generic;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis
{
    /// <summary>
    /// The names under <c>interop:</c> resolved in a compilation, and the mappings that cannot work there: a listed
    /// type that is no enum, a status member that holds no integer, a method member that is neither string nor enum.
    /// Those are CB0002 at the name in codes.yaml; a name that resolves to nothing stays silent, since one codes.yaml
    /// may serve projects that see different stacks (docs/adopting.md).
    /// </summary>
    internal static class InteropNames
    {
        /// <summary>
        /// "Namespace.Type.Member" (a property or field), "Namespace.Type.Method(parameter)", or
        /// "Namespace.Type..ctor(parameter)" for a constructor's parameter (the metadata name of a constructor).
        /// </summary>
        public static IEnumerable<ISymbol> Members(TypeLookup types, string name)
        {
            var open = name.IndexOf('(');
            var path = open < 0 ? name : name.Substring(0, open);
            var constructor = path.EndsWith("..ctor", System.StringComparison.Ordinal);
            var dot = constructor ? path.Length - "..ctor".Length : path.LastIndexOf('.');
            if (dot <= 0 || types.Find(path.Substring(0, dot)) is not { } type)
            {
                yield break;
            }
            var memberName = constructor ? ".ctor" : path.Substring(dot + 1);
            if (open < 0)
            {
                foreach (var member in type.GetMembers(memberName).Where(m => m is IPropertySymbol or IFieldSymbol))
                {
                    yield return member;
                }
                yield break;
            }
            var parameterName = name.Substring(open + 1).TrimEnd(')').Trim();
            foreach (var method in type.GetMembers(memberName).OfType<IMethodSymbol>())
            {
                foreach (var parameter in method.Parameters.Where(p => p.Name == parameterName))
                {
                    yield return parameter;
                }
            }
        }

        /// <summary>"Namespace.Type.Member": every member of that name (methods, properties, fields, events).</summary>
        public static IEnumerable<ISymbol> AnyMembers(TypeLookup types, string name)
        {
            var dot = name.LastIndexOf('.');
            return dot > 0 && types.Find(name.Substring(0, dot)) is { } type
                ? type.GetMembers(name.Substring(dot + 1))
                : Enumerable.Empty<ISymbol>();
        }

        /// <summary>The mappings of <paramref name="file"/> that resolve to something unusable in <paramref name="compilation"/>.</summary>
        public static IEnumerable<CatalogueProblem> Mistakes(Compilation compilation, CatalogueSource file)
        {
            var document = CatalogueParser.Parse(file.Text, file.Path, new List<CatalogueProblem>()); // its own problems are reported already
            var types = new TypeLookup(compilation);
            foreach (var interop in document.Interop.Concat(document.Stacks.SelectMany(s => s.Protocols)))
            {
                foreach (var (name, kind) in interop.StatusTypes.Select(n => (n, "status-types")).Concat(interop.MethodTypes.Select(n => (n, "method-types"))))
                {
                    if (types.Find(name.Value.Trim()) is { TypeKind: not TypeKind.Enum } type)
                    {
                        yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                            $"{kind} names '{name.Value}', which is {WithArticle(type.TypeKind.ToString().ToLowerInvariant())}, not an enum; list enums here, and integer members under status-members",
                            name.Range);
                    }
                }
                foreach (var name in interop.StatusMembers)
                {
                    foreach (var member in Members(types, name.Value.Trim()))
                    {
                        var type = Underlying(TypeOf(member));
                        if (type is not null && !IsInteger(type) && type.SpecialType != SpecialType.System_String)
                        {
                            yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                                $"status-members names '{name.Value}', which holds {type.ToDisplayString()}; status members must hold the code as an integer or as a status line string (\"487 Request Terminated\")" +
                                (type.TypeKind == TypeKind.Enum ? $" (list the enum {type.ToDisplayString()} under status-types instead)" : ""),
                                name.Range);
                            break;
                        }
                    }
                }
                foreach (var name in interop.StatusConstants)
                {
                    if (types.Find(name.Value.Trim()) is { TypeKind: not (TypeKind.Class or TypeKind.Struct) } type)
                    {
                        yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                            $"status-constants names '{name.Value}', which is {WithArticle(type.TypeKind.ToString().ToLowerInvariant())}; list classes whose constants name codes here, and enums under status-types",
                            name.Range);
                    }
                }
                foreach (var (name, kind) in interop.ImpliedCodes.Select(i => (i.Member, "implied-codes")).Concat(interop.HandlerCalls.Select(h => (h.Member, "handler-calls"))))
                {
                    // Only a call sends a code or registers a handler: a property or field of that name does nothing.
                    var members = AnyMembers(types, name.Value.Trim()).ToList();
                    if (members.Count > 0 && !members.Any(m => m is IMethodSymbol))
                    {
                        yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                            $"{kind} names '{name.Value}', which is {WithArticle(members[0].Kind == SymbolKind.NamedType ? "nested type" : members[0].Kind.ToString().ToLowerInvariant())}, not a method; list methods here", name.Range);
                    }
                }
                foreach (var name in interop.MethodAttributes)
                {
                    if (types.Find(name.Value.Trim()) is { } type && !IsAttribute(type))
                    {
                        yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                            $"method-attributes names '{name.Value}', which is not an attribute class; list attributes such as Microsoft.AspNetCore.Mvc.HttpGetAttribute here", name.Range);
                    }
                }
                foreach (var (name, _) in interop.RequestTypes)
                {
                    if (types.Find(name.Value.Trim()) is { TypeKind: not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) } type)
                    {
                        yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                            $"request-types names '{name.Value}', which is {WithArticle(type.TypeKind.ToString().ToLowerInvariant())}; list the request classes a stack has per method here", name.Range);
                    }
                }
                foreach (var name in interop.MethodMembers)
                {
                    foreach (var member in Members(types, name.Value.Trim()))
                    {
                        var type = Underlying(TypeOf(member));
                        if (type is not null && type.SpecialType != SpecialType.System_String && type.TypeKind != TypeKind.Enum)
                        {
                            yield return new CatalogueProblem(ProblemIds.InvalidEntry,
                                $"method-members names '{name.Value}', which holds {type.ToDisplayString()}; method members must hold the method as a string or an enum",
                                name.Range);
                            break;
                        }
                    }
                }
            }
        }

        private static bool IsAttribute(INamedTypeSymbol type)
        {
            for (var at = type.BaseType; at is not null; at = at.BaseType)
            {
                if (at is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }
            return false;
        }

        private static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        private static ITypeSymbol? Underlying(ITypeSymbol? type) => CodebookSymbols.Underlying(type);

        private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Byte or SpecialType.System_SByte;

        /// <summary>"an enum", "a struct", "an event": the word a message names a symbol's kind with.</summary>
        private static string WithArticle(string kind) => ("aeiou".IndexOf(kind[0]) >= 0 ? "an " : "a ") + kind;
    }

    /// <summary>
    /// Types by metadata name in one compilation, each looked up once: the stacks name the same few types many
    /// times (<c>Microsoft.AspNetCore.Http.Results</c> for every helper), and most compilations have none of them.
    /// A name whose namespace the compilation lacks is not looked for at all: the lookup of a type searches each of
    /// the ~160 references, the namespace is one look in the namespaces the compiler has merged already. (A stack
    /// referenced under an extern alias is outside those namespaces; such a reference went unchecked before this
    /// shortcut too.)
    /// </summary>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<string, INamedTypeSymbol?> _found = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _namespaces = new(System.StringComparer.Ordinal);

        public TypeLookup(Compilation compilation) => _compilation = compilation;

        public INamedTypeSymbol? Find(string name)
        {
            if (!_found.TryGetValue(name, out var type))
            {
                _found[name] = type = MayExist(name) ? _compilation.GetTypeByMetadataName(name) : null;
            }
            return type;
        }

        /// <summary>False when the namespace of <paramref name="name"/> is in neither the project nor its references.</summary>
        private bool MayExist(string name)
        {
            var plus = name.IndexOf('+');
            var dot = (plus < 0 ? name : name.Substring(0, plus)).LastIndexOf('.');
            if (dot <= 0)
            {
                return true;
            }
            var ns = name.Substring(0, dot);
            if (!_namespaces.TryGetValue(ns, out var exists))
            {
                _namespaces[ns] = exists = HasNamespace(_compilation.GlobalNamespace, ns);
            }
            return exists;
        }

        private static bool HasNamespace(INamespaceSymbol global, string name)
        {
            var current = global;
            foreach (var part in name.Split('.'))
            {
                INamespaceSymbol? next = null;
                foreach (var member in current.GetMembers(part))
                {
                    if (member is INamespaceSymbol ns)
                    {
                        next = ns;
                        break;
                    }
                }
                if (next is null)
                {
                    return false;
                }
                current = next;
            }
            return true;
        }
    }
}
