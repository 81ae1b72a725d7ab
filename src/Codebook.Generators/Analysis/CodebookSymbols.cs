using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis
{
    /// <summary>One protocol's generated types in a compilation, beside its catalogue entry.</summary>
    internal sealed class ProtocolSymbols
    {
        public ProtocolSymbols(ProtocolModel model, INamedTypeSymbol statusType, Compilation compilation, string ns)
        {
            Model = model;
            StatusType = statusType;
            MethodType = compilation.GetTypeByMetadataName($"{ns}.{model.Prefix}Method");
            RoleType = compilation.GetTypeByMetadataName($"{ns}.{model.Prefix}Role");
            RoleAttribute = compilation.GetTypeByMetadataName($"{ns}.{model.Prefix}RoleAttribute");
            RespondsToAttribute = compilation.GetTypeByMetadataName($"{ns}.{model.Prefix}RespondsToAttribute");
            LookupTypes = new[] { "StatusCodeExtensions", "StatusCodes", "Methods" }
                .Select(suffix => compilation.GetTypeByMetadataName($"{ns}.{model.Prefix}{suffix}"))
                .OfType<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            Codes = model.Codes.ToDictionary(c => c.Value);
        }

        public ProtocolModel Model { get; }

        public INamedTypeSymbol StatusType { get; }

        public INamedTypeSymbol? MethodType { get; }

        public INamedTypeSymbol? RoleType { get; }

        public INamedTypeSymbol? RoleAttribute { get; }

        public INamedTypeSymbol? RespondsToAttribute { get; }

        /// <summary>The generated lookup classes: passing a code to them reads it, it does not send it.</summary>
        public ImmutableHashSet<INamedTypeSymbol> LookupTypes { get; }

        public Dictionary<int, StatusCodeModel> Codes { get; }

        /// <summary>"SIP": how messages name the protocol.</summary>
        public string DisplayName => Model.Key.ToUpperInvariant();

        public string Describe(int value) =>
            Codes.TryGetValue(value, out var code) ? $"{DisplayName} {value} {code.Reason}" : $"{DisplayName} {value}";

        /// <summary>The method token for a value of the generated method enum (members are numbered from 1).</summary>
        public string? MethodToken(object? value) => Token(Model.Methods, value);

        public string? RoleToken(object? value) => Token(Model.Roles, value);

        private static string? Token(EquatableArray<NamedToken> tokens, object? value) =>
            value is int index && index >= 1 && index <= tokens.Count ? tokens[index - 1].Token : null;
    }

    /// <summary>The generated types of every protocol present in a compilation; resolved once per compilation.</summary>
    internal sealed class CodebookSymbols
    {
        private readonly Dictionary<ITypeSymbol, ProtocolSymbols> _byStatusType;

        private CodebookSymbols(List<ProtocolSymbols> protocols)
        {
            Protocols = protocols;
            _byStatusType = new Dictionary<ITypeSymbol, ProtocolSymbols>(SymbolEqualityComparer.Default);
            foreach (var protocol in protocols)
            {
                _byStatusType[protocol.StatusType] = protocol;
            }
        }

        public IReadOnlyList<ProtocolSymbols> Protocols { get; }

        /// <summary>Null when the compilation holds none of the catalogue's status types: nothing to check.</summary>
        public static CodebookSymbols? Resolve(Compilation compilation, CatalogueModel model)
        {
            var protocols = new List<ProtocolSymbols>();
            foreach (var protocol in model.Protocols)
            {
                var ns = $"{model.Namespace}.{protocol.Prefix}";
                var statusType = compilation.GetTypeByMetadataName($"{ns}.{protocol.Prefix}StatusCode");
                if (statusType is { TypeKind: TypeKind.Enum })
                {
                    protocols.Add(new ProtocolSymbols(protocol, statusType, compilation, ns));
                }
            }
            return protocols.Count == 0 ? null : new CodebookSymbols(protocols);
        }

        /// <summary>The protocol whose status enum is <paramref name="type"/> (or a nullable of it).</summary>
        public ProtocolSymbols? ForStatusType(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }
            return type is not null && _byStatusType.TryGetValue(type, out var protocol) ? protocol : null;
        }
    }
}
