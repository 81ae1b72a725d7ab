using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>
    /// One protocol's types in a compilation, beside its catalogue entry: the generated ones (from this project or
    /// a reference; none for a protocol checked with <c>generate: false</c>) and those of a stack mapped onto it.
    /// </summary>
    internal sealed class ProtocolSymbols
    {
        public ProtocolSymbols(ProtocolIndex index, INamedTypeSymbol? statusType, Compilation compilation, TypeLookup types)
        {
            Index = index;
            var model = index.Model;
            var interop = index.Interop;
            StatusType = statusType;
            ForeignStatusTypes = SymbolSet(Types(types, interop?.StatusTypes).Where(t => t.TypeKind == TypeKind.Enum));
            ForeignMethodTypes = SymbolSet(Types(types, interop?.MethodTypes).Where(t => t.TypeKind == TypeKind.Enum));
            StatusSinks = SymbolSet(Members(types, interop?.StatusMembers));
            StatusConstantTypes = Types(types, interop?.StatusConstants).Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct).ToList();
            MethodMembers = SymbolSet(Members(types, interop?.MethodMembers));
            RequestTypes = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            HeaderMembers = new Dictionary<ISymbol, List<string>>(SymbolEqualityComparer.Default);
            foreach (var header in interop?.HeaderMembers ?? EquatableArray<HeaderMember>.Empty)
            {
                foreach (var member in InteropNames.AnyMembers(types, header.Member))
                {
                    if (!HeaderMembers.TryGetValue(member, out var headers))
                    {
                        HeaderMembers[member] = headers = new List<string>();
                    }
                    headers.Add(header.Header);
                }
            }
            ImpliedCodes = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            foreach (var implied in interop?.ImpliedCodes ?? EquatableArray<ImpliedCode>.Empty)
            {
                foreach (var method in InteropNames.AnyMembers(types, implied.Member).OfType<IMethodSymbol>())
                {
                    AddFirst(ImpliedCodes, method, implied.Code);
                }
            }
            HandlerCalls = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            foreach (var call in interop?.HandlerCalls ?? EquatableArray<MappedMethod>.Empty)
            {
                foreach (var method in InteropNames.AnyMembers(types, call.Name).OfType<IMethodSymbol>())
                {
                    AddFirst(HandlerCalls, method, call.Method);
                }
            }
            MethodAttributes = SymbolSet(Types(types, interop?.MethodAttributes));
            MethodTests = SymbolSet(Types(types, interop?.MethodTests));
            // A parameter takes content as an argument; a method's call or a property's use writes it.
            ContentMembers = SymbolSet((interop?.ContentMembers ?? EquatableArray<string>.Empty)
                .SelectMany(name => name.IndexOf('(') >= 0 ? InteropNames.Members(types, name) : InteropNames.AnyMembers(types, name)));
            foreach (var request in interop?.RequestTypes ?? EquatableArray<MappedMethod>.Empty)
            {
                if (types.Find(request.Name) is { } type)
                {
                    AddFirst(RequestTypes, type, request.Method);
                }
            }
            MethodType = Generated("Method");
            RoleAttribute = Generated("RoleAttribute");
            RespondsToAttribute = Generated("RespondsToAttribute");
            LookupTypes = SymbolSet(new[] { "StatusCodeExtensions", "StatusCodes", "Methods" }
                .Select(Generated)
                .OfType<INamedTypeSymbol>());
            AssemblyRole = RoleAttribute is null ? null : RoleIn(compilation.Assembly.GetAttributes());

            // The generator emits a protocol's types together: look beside the status type, not through every
            // referenced assembly as a compilation-wide lookup does.
            INamedTypeSymbol? Generated(string suffix) => statusType?.ContainingNamespace.GetTypeMembers(model.Prefix + suffix, 0).FirstOrDefault();
        }

        /// <summary>Anything in this compilation to check: generated types, or a stack's types mapped onto the protocol.</summary>
        public bool HasTypes => StatusType is not null || ForeignStatusTypes.Count > 0 || StatusSinks.Count > 0 || ImpliedCodes.Count > 0;

        /// <summary>The code a string status member receives: "487 Request Terminated", "487"; null for any other text.</summary>
        public static int? CodeInText(string? text) =>
            text is not null && ThreeDigitsAt(text, 0) && (text.Length == 3 || text[3] == ' ') ? Number(text, 0) : null;

        /// <summary>Three digits at <paramref name="index"/> with no digit right after them.</summary>
        private static bool ThreeDigitsAt(string text, int index) =>
            index + 3 <= text.Length && IsDigit(text[index]) && IsDigit(text[index + 1]) && IsDigit(text[index + 2])
            && (index + 3 == text.Length || !IsDigit(text[index + 3]));

        /// <summary>0-9 only: char.IsDigit takes other scripts' digits too, which are no status code.</summary>
        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private static int Number(string text, int index) => (text[index] - '0') * 100 + (text[index + 1] - '0') * 10 + (text[index + 2] - '0');

        /// <summary>
        /// The code a static readonly string of a status-constants class holds, as a stack built without constants
        /// writes it (<c>public static readonly string x487_Request_Terminated = "487 Request Terminated"</c>):
        /// from its initializer when the source is in this compilation, else from the three digits in its name.
        /// </summary>
        public int? CodeOfReadonlyString(IFieldSymbol field)
        {
            if (!field.IsStatic || !field.IsReadOnly || field.Type.SpecialType != SpecialType.System_String || !StatusConstantTypes.Contains(field.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                return null;
            }
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal })
                {
                    return CodeInText(literal.Token.ValueText);
                }
            }
            var name = field.Name;
            for (var i = 0; i + 3 <= name.Length; i++)
            {
                if ((i == 0 || !IsDigit(name[i - 1])) && ThreeDigitsAt(name, i))
                {
                    return Number(name, i);
                }
            }
            return null;
        }

        /// <summary>The catalogue side, shared by every compilation.</summary>
        public ProtocolIndex Index { get; }

        public ProtocolModel Model => Index.Model;

        /// <summary>Enums of an existing stack whose values are this protocol's codes (interop status-types).</summary>
        public HashSet<ISymbol> ForeignStatusTypes { get; }

        /// <summary>Enums of an existing stack whose member names are this protocol's methods (interop method-types).</summary>
        public HashSet<ISymbol> ForeignMethodTypes { get; }

        /// <summary>Integer properties, fields and parameters that receive a status code (interop status-members).</summary>
        public HashSet<ISymbol> StatusSinks { get; }

        /// <summary>Members holding a request's method, as a string or an enum (interop method-members).</summary>
        public HashSet<ISymbol> MethodMembers { get; }

        /// <summary>Classes whose constants (or static readonly strings) name codes: <c>StatusCodes.Status404NotFound</c>, <c>SIP_ResponseCodes.x487_Request_Terminated</c>.</summary>
        public List<INamedTypeSymbol> StatusConstantTypes { get; }

        /// <summary>Helpers whose call sends a code of their own (interop implied-codes): <c>Results.NoContent()</c> is 204.</summary>
        public Dictionary<ISymbol, int> ImpliedCodes { get; }

        /// <summary>Calls that register a handler for a method (interop handler-calls); "" when the call's strings name it.</summary>
        public Dictionary<ISymbol, string> HandlerCalls { get; }

        /// <summary>Attributes on a handler that say its method (interop method-attributes): <c>[HttpGet]</c>, <c>[AcceptVerbs("GET")]</c>.</summary>
        public HashSet<ISymbol> MethodAttributes { get; }

        /// <summary>Classes whose <c>Is{Method}</c> methods test the request's method (interop method-tests): <c>HttpMethods.IsGet</c>.</summary>
        public HashSet<ISymbol> MethodTests { get; }

        /// <summary>The role that sends a code given to a status member or helper of a stack that says so (interop sink-role), or null.</summary>
        public string? SinkRole => Index.Interop is { SinkRole.Length: > 0 } interop ? interop.SinkRole : null;

        /// <summary>Members that put content in the response (interop content-members): methods, properties, parameters.</summary>
        public HashSet<ISymbol> ContentMembers { get; }

        /// <summary>Anything that can tell the method a code answers.</summary>
        public bool HasMethodSources => MethodType is not null || ForeignMethodTypes.Count > 0 || MethodMembers.Count > 0 || RequestTypes.Count > 0
            || HandlerCalls.Count > 0 || MethodAttributes.Count > 0 || MethodTests.Count > 0;

        /// <summary>Members that set or add headers (interop header-members): using one counts as setting them.</summary>
        public Dictionary<ISymbol, List<string>> HeaderMembers { get; }

        /// <summary>A stack's request class per method (interop request-types): <c>RtspRequestPlay</c> is PLAY.</summary>
        public Dictionary<ISymbol, string> RequestTypes { get; }

        /// <summary>The method a request class (or a class derived from one) stands for.</summary>
        public string? RequestMethod(ITypeSymbol? type)
        {
            for (var t = type; t is not null && RequestTypes.Count > 0; t = t.BaseType)
            {
                if (RequestTypes.TryGetValue(t.OriginalDefinition, out var method))
                {
                    return method;
                }
            }
            return null;
        }

        /// <summary>
        /// The stack's own named constant for <paramref name="code"/> ("StatusCodes.Status404NotFound"), to name in
        /// place of a number; null when the stack has none.
        /// </summary>
        public (INamedTypeSymbol Type, string Member)? ConstantFor(int code)
        {
            foreach (var type in StatusConstantTypes)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { IsConst: true, DeclaredAccessibility: Accessibility.Public, ConstantValue: int value } field && value == code)
                    {
                        return (type, field.Name);
                    }
                }
            }
            return null;
        }

        public bool IsStatusType(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && (named.Equals(StatusType, SymbolEqualityComparer.Default) || ForeignStatusTypes.Contains(named));

        public bool IsMethodType(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && (named.Equals(MethodType, SymbolEqualityComparer.Default) || ForeignMethodTypes.Contains(named));

        /// <summary>The method token a constant names: a generated or foreign method enum member, or a string.</summary>
        public string? MethodToken(IOperation operation)
        {
            if (!operation.ConstantValue.HasValue)
            {
                return null;
            }
            var value = operation.ConstantValue.Value;
            if (value is string text)
            {
                return Index.TryGetMethod(text, out var token) && string.Equals(token, text, StringComparison.OrdinalIgnoreCase) ? token : null;
            }
            var type = CodebookSymbols.Underlying(operation.Type);
            if (type is null)
            {
                return null;
            }
            if (type.Equals(MethodType, SymbolEqualityComparer.Default))
            {
                return MethodToken(value);
            }
            if (type is INamedTypeSymbol named && ForeignMethodTypes.Contains(named))
            {
                // Foreign method enums map by member name: CANCEL, Cancel and SET_PARAMETER / SetParameter match.
                var name = operation is IFieldReferenceOperation field
                    ? field.Field.Name
                    : named.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;
                return name is not null && Index.TryGetMethod(name, out var token) ? token : null;
            }
            return null;
        }

        /// <summary>Filled once, then only read (by concurrent callbacks too): a plain set looks up faster than an immutable one.</summary>
        private static HashSet<ISymbol> SymbolSet(IEnumerable<ISymbol> symbols) => new(symbols, SymbolEqualityComparer.Default);

        /// <summary>
        /// The project's mappings come before the built-in stacks' (<see cref="CatalogueModel.CheckedInteropFor"/>):
        /// where both map one member, the project's word stands.
        /// </summary>
        private static void AddFirst<T>(Dictionary<ISymbol, T> map, ISymbol key, T value)
        {
            if (!map.ContainsKey(key))
            {
                map[key] = value;
            }
        }

        private static IEnumerable<INamedTypeSymbol> Types(TypeLookup types, EquatableArray<string>? names) =>
            (names ?? EquatableArray<string>.Empty).Select(types.Find).OfType<INamedTypeSymbol>();

        private static IEnumerable<ISymbol> Members(TypeLookup types, EquatableArray<string>? names) =>
            (names ?? EquatableArray<string>.Empty).SelectMany(name => InteropNames.Members(types, name));

        public INamedTypeSymbol? StatusType { get; }

        public INamedTypeSymbol? MethodType { get; }

        public INamedTypeSymbol? RoleAttribute { get; }

        public INamedTypeSymbol? RespondsToAttribute { get; }

        /// <summary>The generated lookup classes: passing a code to them reads it, it does not send it.</summary>
        public HashSet<ISymbol> LookupTypes { get; }

        public Dictionary<int, StatusCodeModel> Codes => Index.Codes;

        /// <summary>The role a [Role] attribute among <paramref name="attributes"/> names, if any.</summary>
        public string? RoleIn(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } type && type.Equals(RoleAttribute, SymbolEqualityComparer.Default)
                    && attribute.ConstructorArguments.Length == 1 && RoleToken(attribute.ConstructorArguments[0].Value) is { } role)
                {
                    return role;
                }
            }
            return null;
        }

        /// <summary>The role [assembly: Role] names, if any.</summary>
        public string? AssemblyRole { get; }

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
        private readonly Dictionary<ISymbol, ProtocolSymbols> _byStatusType;
        private readonly Dictionary<ISymbol, (ProtocolSymbols Protocol, int Code)> _byStatusField;
        private readonly Dictionary<ISymbol, ProtocolSymbols> _bySink;
        private readonly Dictionary<ISymbol, (ProtocolSymbols Protocol, int Code)> _byImplied;

        /// <summary>True when some protocol maps integer members onto its codes: integer literals need a look.</summary>
        public bool HasSinks => _bySink.Count > 0;

        /// <summary>True when some protocol has helpers whose call sends a code: invocations need a look.</summary>
        public bool HasImpliedCodes => _byImplied.Count > 0;

        /// <summary>The protocol and code a call of <paramref name="method"/> sends (interop implied-codes), if any.</summary>
        public (ProtocolSymbols Protocol, int Code)? ForImplied(IMethodSymbol method) =>
            _byImplied.TryGetValue(method.OriginalDefinition, out var implied) ? implied : null;

        /// <summary>The protocol whose codes <paramref name="symbol"/> (an interop status member) receives.</summary>
        public ProtocolSymbols? ForSink(ISymbol? symbol) =>
            symbol is not null && _bySink.TryGetValue(symbol.OriginalDefinition, out var protocol) ? protocol : null;

        private CodebookSymbols(List<ProtocolSymbols> protocols)
        {
            _byStatusType = new Dictionary<ISymbol, ProtocolSymbols>(SymbolEqualityComparer.Default);
            _byStatusField = new Dictionary<ISymbol, (ProtocolSymbols, int)>(SymbolEqualityComparer.Default);
            _bySink = new Dictionary<ISymbol, ProtocolSymbols>(SymbolEqualityComparer.Default);
            _byImplied = new Dictionary<ISymbol, (ProtocolSymbols, int)>(SymbolEqualityComparer.Default);
            foreach (var protocol in protocols)
            {
                foreach (var implied in protocol.ImpliedCodes)
                {
                    _byImplied[implied.Key] = (protocol, implied.Value);
                }
                if (protocol.StatusType is not null)
                {
                    _byStatusType[protocol.StatusType] = protocol;
                }
                foreach (var foreign in protocol.ForeignStatusTypes)
                {
                    _byStatusType[foreign] = protocol;
                }
                foreach (var sink in protocol.StatusSinks)
                {
                    _bySink[sink] = protocol;
                }
            }
            foreach (var pair in _byStatusType)
            {
                foreach (var member in ((INamedTypeSymbol)pair.Key).GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && AsCode(field.ConstantValue) is { } code)
                    {
                        _byStatusField[field] = (pair.Value, code);
                    }
                }
            }
        }

        /// <summary>
        /// The protocol and code of a status enum's member (generated or a stack's): read once per compilation, so
        /// that each of a project's thousands of uses is a lookup rather than a boxed constant.
        /// </summary>
        public (ProtocolSymbols Protocol, int Code)? ForStatusField(IFieldSymbol field) =>
            _byStatusField.TryGetValue(field, out var found) ? found : null;

        /// <summary>An integral constant as a code; values no status type can hold (unchecked casts of huge numbers) become -1; anything else null.</summary>
        public static int? AsCode(object? value) => value switch
        {
            int i => i,
            short s => s,
            ushort us => us,
            byte b => b,
            sbyte sb => sb,
            long l => l is >= int.MinValue and <= int.MaxValue ? (int)l : -1,
            uint u => u <= int.MaxValue ? (int)u : -1,
            ulong ul => ul <= int.MaxValue ? (int)ul : -1,
            _ => null,
        };

        /// <summary>Null when the compilation holds none of the catalogue's status types: nothing to check.</summary>
        public static CodebookSymbols? Resolve(Compilation compilation, CatalogueSnapshot catalogue)
        {
            var protocols = new List<ProtocolSymbols>();
            var types = new TypeLookup(compilation);
            foreach (var index in catalogue.Protocols)
            {
                var statusType = StatusTypeOf(compilation, index);
                var protocol = new ProtocolSymbols(index, statusType is { TypeKind: TypeKind.Enum } ? statusType : null, compilation, types);
                if (protocol.HasTypes)
                {
                    protocols.Add(protocol);
                }
            }
            return protocols.Count == 0 ? null : new CodebookSymbols(protocols);
        }

        /// <summary>The generated status enum, looked up in the assembly that generated it (this one, or the reference).</summary>
        private static INamedTypeSymbol? StatusTypeOf(Compilation compilation, ProtocolIndex index)
        {
            if (index.TypeNamespace is not { } ns)
            {
                return null;
            }
            var name = $"{ns}.{index.Model.Prefix}StatusCode";
            if (index.Assembly is null)
            {
                return compilation.Assembly.GetTypeByMetadataName(name);
            }
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == index.Assembly)
                {
                    return assembly.GetTypeByMetadataName(name);
                }
            }
            return null;
        }

        /// <summary>The protocol whose status enum is <paramref name="type"/> (or a nullable of it).</summary>
        public ProtocolSymbols? ForStatusType(ITypeSymbol? type) =>
            Underlying(type) is { } underlying && _byStatusType.TryGetValue(underlying, out var protocol) ? protocol : null;

        /// <summary>T for T?, else the type itself: a nullable status or method is still one.</summary>
        public static ITypeSymbol? Underlying(ITypeSymbol? type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
    }
}
