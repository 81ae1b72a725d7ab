using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>
    /// Contexts already worked out in this compilation: many codes share a branch, a member and a file, so each
    /// is read once (the analyzer's cost is dominated by this walk otherwise).
    /// </summary>
    internal sealed class ContextCache
    {
        public System.Collections.Concurrent.ConcurrentDictionary<(IOperation Branch, bool Else, ProtocolSymbols Protocol), IReadOnlyList<string>?> Branches { get; } = new();

        public System.Collections.Concurrent.ConcurrentDictionary<(ISymbol Member, ProtocolSymbols Protocol), Context> RespondsTo { get; } = new(new MemberComparer());

        public System.Collections.Concurrent.ConcurrentDictionary<(ISymbol Member, SyntaxTree Tree, ProtocolSymbols Protocol), Context> Roles { get; } = new(new MemberTreeComparer());

        private sealed class MemberComparer : IEqualityComparer<(ISymbol Member, ProtocolSymbols Protocol)>
        {
            public bool Equals((ISymbol Member, ProtocolSymbols Protocol) x, (ISymbol Member, ProtocolSymbols Protocol) y) =>
                SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && ReferenceEquals(x.Protocol, y.Protocol);

            public int GetHashCode((ISymbol Member, ProtocolSymbols Protocol) value) => SymbolEqualityComparer.Default.GetHashCode(value.Member);
        }

        private sealed class MemberTreeComparer : IEqualityComparer<(ISymbol Member, SyntaxTree Tree, ProtocolSymbols Protocol)>
        {
            public bool Equals((ISymbol Member, SyntaxTree Tree, ProtocolSymbols Protocol) x, (ISymbol Member, SyntaxTree Tree, ProtocolSymbols Protocol) y) =>
                SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && ReferenceEquals(x.Tree, y.Tree) && ReferenceEquals(x.Protocol, y.Protocol);

            public int GetHashCode((ISymbol Member, SyntaxTree Tree, ProtocolSymbols Protocol) value) => SymbolEqualityComparer.Default.GetHashCode(value.Member);
        }
    }

    /// <summary>Where a request method or a role was learnt from, for the diagnostic message.</summary>
    internal readonly record struct Context(IReadOnlyList<string> Tokens, string Source)
    {
        public bool IsKnown => Tokens is { Count: > 0 };
    }

    /// <summary>
    /// A constant status code in the user's code, and what surrounds it: whether it is sent (an argument, a return
    /// value, an assignment, an initializer) or only read (a comparison, a pattern, a lookup), which request
    /// method it answers and which role sends it.
    /// </summary>
    internal sealed class StatusCodeSite
    {
        private readonly OperationAnalysisContext _context;
        private readonly ContextCache _cache;

        public StatusCodeSite(OperationAnalysisContext context, ContextCache cache, ProtocolSymbols protocol, IOperation operation, int value)
        {
            _context = context;
            _cache = cache;
            Protocol = protocol;
            Operation = operation;
            Value = value;
        }

        public ProtocolSymbols Protocol { get; }

        public IOperation Operation { get; }

        public int Value { get; }

        public Location Location => Operation.Syntax.GetLocation();

        /// <summary>Reports at the code; <paramref name="replacement"/> names the member a code fix puts in its place.</summary>
        public void Report(DiagnosticDescriptor descriptor, string? replacement, params object[] arguments)
        {
            var properties = replacement is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.ReplacementProperty, replacement);
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, Location, properties, arguments));
        }

        /// <summary>The catalogue's suggestion for when this code is not allowed (`instead: { proxy: 407 }`).</summary>
        public (string Member, string Text)? Instead(IEnumerable<string> tokens)
        {
            if (!Protocol.Codes.TryGetValue(Value, out var code))
            {
                return null;
            }
            foreach (var substitute in code.Instead)
            {
                if (tokens.Contains(substitute.When) && Protocol.Codes.TryGetValue(substitute.Code, out var other))
                {
                    return (other.Name, $"; send {substitute.Code} {other.Reason} instead");
                }
            }
            return null;
        }

        private IOperation? _use;
        private IOperation? _value;

        /// <summary>The operation that consumes the code's value (see <see cref="FlowTarget"/>), worked out once.</summary>
        private IOperation? Use
        {
            get
            {
                if (_value is null)
                {
                    _use = FlowTarget(Operation, out var value);
                    _value = value;
                }
                return _use;
            }
        }

        /// <summary>True when the code's value is produced here for someone to send.</summary>
        public bool IsSent()
        {
            var use = Use;
            var value = _value;
            switch (use)
            {
                case IArgumentOperation argument:
                    return argument.Parameter is { } parameter
                        && Protocol.StatusType.Equals(Underlying(parameter.Type), SymbolEqualityComparer.Default)
                        && !Protocol.LookupTypes.Contains(parameter.ContainingType);
                case IReturnOperation:
                    return true;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Value == value;
                case IVariableInitializerOperation:
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Follows the value up through conversions, conditional branches and switch-expression arms to the
        /// operation that consumes it.
        /// </summary>
        private static IOperation? FlowTarget(IOperation operation, out IOperation value)
        {
            value = operation;
            var parent = operation.Parent;
            while (parent is not null)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case ICoalesceOperation:
                    case IConditionalOperation conditional when conditional.Condition != value:
                    case ISwitchExpressionArmOperation arm when arm.Value == value:
                    case ISwitchExpressionOperation switchExpression when switchExpression.Value != value:
                        value = parent;
                        parent = parent.Parent;
                        continue;
                    default:
                        return parent;
                }
            }
            return null;
        }

        /// <summary>
        /// The request methods this code answers, innermost first: a method constant passed in the same call, then
        /// an enclosing switch section or arm, or an <c>if</c> on the method, then [RespondsTo] on the member or type.
        /// </summary>
        public Context MethodContext()
        {
            var methodType = Protocol.MethodType;
            if (methodType is null)
            {
                return default;
            }

            // A method constant among the arguments of the same call.
            var arguments = Use switch
            {
                IArgumentOperation { Parent: IInvocationOperation invocation } => invocation.Arguments,
                IArgumentOperation { Parent: IObjectCreationOperation creation } => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            if (arguments.Length > 1)
            {
                foreach (var argument in arguments)
                {
                    var constant = Constant(argument.Value, methodType);
                    if (constant is not null)
                    {
                        return new Context(new[] { constant }, "the method passed in the same call");
                    }
                }
            }

            // Enclosing switch sections, switch-expression arms and if statements.
            var child = Operation;
            for (var parent = Operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                var inElse = parent is IConditionalOperation conditional && conditional.WhenFalse == child;
                var inBranch = parent switch
                {
                    ISwitchCaseOperation => true,
                    ISwitchExpressionArmOperation arm => arm.Value == child,
                    IConditionalOperation branch => branch.WhenTrue == child || inElse,
                    _ => false,
                };
                if (!inBranch)
                {
                    continue;
                }
                var branchChild = child;
                var tokens = _cache.Branches.GetOrAdd((parent, inElse, Protocol), _ => BranchMethods(parent, branchChild, methodType));
                if (tokens is { Count: > 0 })
                {
                    return new Context(tokens, "the enclosing branch on the request method");
                }
            }

            return _cache.RespondsTo.GetOrAdd((_context.ContainingSymbol, Protocol), _ => RespondsToContext());
        }

        /// <summary>The methods a branch (switch section, switch-expression arm, if) admits for <paramref name="child"/>.</summary>
        private IReadOnlyList<string>? BranchMethods(IOperation parent, IOperation child, INamedTypeSymbol methodType) =>
                parent switch
                {
                    ISwitchCaseOperation section when IsOn(section.Parent as ISwitchOperation, methodType) => SectionMethods(section, methodType),
                    ISwitchExpressionArmOperation arm when arm.Value == child && arm.Parent is ISwitchExpressionOperation switchExpression
                        && IsOnValue(switchExpression.Value, methodType) => PatternMethods(arm.Pattern, methodType),
                    IConditionalOperation conditional when conditional.WhenTrue == child => ConditionMethods(conditional.Condition, methodType, negated: false),
                    IConditionalOperation conditional when conditional.WhenFalse == child => ConditionMethods(conditional.Condition, methodType, negated: true),
                    _ => null,
                };

        /// <summary>[RespondsTo] on the member (or the member enclosing a lambda or local function), then on its types.</summary>
        private Context RespondsToContext()
        {
            if (Protocol.RespondsToAttribute is { } respondsTo)
            {
                for (var symbol = _context.ContainingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    var attribute = symbol.GetAttributes().FirstOrDefault(a => respondsTo.Equals(a.AttributeClass, SymbolEqualityComparer.Default));
                    if (attribute is { ConstructorArguments.Length: 1 })
                    {
                        var argument = attribute.ConstructorArguments[0];
                        var values = argument.Kind == TypedConstantKind.Array ? argument.Values.Select(v => v.Value) : new[] { argument.Value };
                        var tokens = values.Select(Protocol.MethodToken).OfType<string>().Distinct().ToList();
                        if (tokens.Count > 0)
                        {
                            return new Context(tokens, $"[{Protocol.Model.Prefix}RespondsTo] on {symbol.Name}");
                        }
                    }
                }
            }
            return default;
        }

        /// <summary>The role sending this code: [Role] on the member, its types or the assembly, else .editorconfig.</summary>
        public Context RoleContext() =>
            _cache.Roles.GetOrAdd((_context.ContainingSymbol, Operation.Syntax.SyntaxTree, Protocol), _ => FindRole());

        private Context FindRole()
        {
            if (Protocol.RoleAttribute is { } roleAttribute)
            {
                for (ISymbol? symbol = _context.ContainingSymbol; symbol is not null; symbol = symbol is INamespaceSymbol ? null : symbol.ContainingSymbol)
                {
                    var target = symbol is INamespaceSymbol ? null : symbol;
                    if (target is null)
                    {
                        break;
                    }
                    if (RoleFrom(target.GetAttributes(), roleAttribute) is { } role)
                    {
                        return new Context(new[] { role }, $"[{Protocol.Model.Prefix}Role] on {target.Name}");
                    }
                }
                if (RoleFrom(_context.Compilation.Assembly.GetAttributes(), roleAttribute) is { } assemblyRole)
                {
                    return new Context(new[] { assemblyRole }, $"[assembly: {Protocol.Model.Prefix}Role]");
                }
            }

            var key = $"codebook.{Protocol.Model.Key}.role";
            var options = _context.Options.AnalyzerConfigOptionsProvider.GetOptions(Operation.Syntax.SyntaxTree);
            if (options.TryGetValue(key, out var configured))
            {
                var token = Protocol.Model.Roles.FirstOrDefault(r => string.Equals(r.Token, configured.Trim(), System.StringComparison.OrdinalIgnoreCase))?.Token;
                if (token is not null)
                {
                    return new Context(new[] { token }, $"{key} in .editorconfig");
                }
            }
            return default;
        }

        private string? RoleFrom(IEnumerable<AttributeData> attributes, INamedTypeSymbol roleAttribute) =>
            attributes
                .Where(a => roleAttribute.Equals(a.AttributeClass, SymbolEqualityComparer.Default) && a.ConstructorArguments.Length == 1)
                .Select(a => Protocol.RoleToken(a.ConstructorArguments[0].Value))
                .FirstOrDefault(t => t is not null);

        private static ITypeSymbol? Underlying(ITypeSymbol? type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static bool IsOn(ISwitchOperation? switchOperation, INamedTypeSymbol methodType) =>
            switchOperation is not null && IsOnValue(switchOperation.Value, methodType);

        private static bool IsOnValue(IOperation value, INamedTypeSymbol methodType) =>
            methodType.Equals(Underlying(Unwrap(value).Type), SymbolEqualityComparer.Default);

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }
            return operation;
        }

        /// <summary>The method a constant of the method enum names, or null.</summary>
        private string? Constant(IOperation operation, INamedTypeSymbol methodType)
        {
            operation = Unwrap(operation);
            return methodType.Equals(Underlying(operation.Type), SymbolEqualityComparer.Default) && operation.ConstantValue.HasValue
                ? Protocol.MethodToken(operation.ConstantValue.Value)
                : null;
        }

        private IReadOnlyList<string>? SectionMethods(ISwitchCaseOperation section, INamedTypeSymbol methodType)
        {
            var tokens = new List<string>();
            foreach (var clause in section.Clauses)
            {
                var clauseTokens = clause switch
                {
                    ISingleValueCaseClauseOperation single => Constant(single.Value, methodType) is { } t ? new[] { t } : null,
                    IPatternCaseClauseOperation { Guard: null } pattern => PatternMethods(pattern.Pattern, methodType),
                    _ => null,
                };
                if (clauseTokens is null)
                {
                    return null; // default or a pattern we cannot read: this section says nothing definite
                }
                tokens.AddRange(clauseTokens);
            }
            return tokens;
        }

        private IReadOnlyList<string>? PatternMethods(IPatternOperation pattern, INamedTypeSymbol methodType)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return Constant(constant.Value, methodType) is { } token ? new[] { token } : null;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } alternatives:
                    var left = PatternMethods(alternatives.LeftPattern, methodType);
                    var right = PatternMethods(alternatives.RightPattern, methodType);
                    return left is null || right is null ? null : left.Concat(right).ToList();
                default:
                    return null;
            }
        }

        /// <summary>
        /// The methods a condition on the method enum admits: <c>m == X</c>, <c>m is X or Y</c>, <c>a || b</c>;
        /// with <paramref name="negated"/>, the methods of the else branch (<c>m != X</c>, <c>m is not X</c>).
        /// </summary>
        private IReadOnlyList<string>? ConditionMethods(IOperation condition, INamedTypeSymbol methodType, bool negated)
        {
            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ConditionMethods(not.Operand, methodType, !negated);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                    if (equals == negated)
                    {
                        return null;
                    }
                    var token = (Constant(comparison.RightOperand, methodType), Constant(comparison.LeftOperand, methodType)) switch
                    {
                        ({ } right, null) when IsOnValue(comparison.LeftOperand, methodType) => right,
                        (null, { } left) when IsOnValue(comparison.RightOperand, methodType) => left,
                        _ => null,
                    };
                    return token is null ? null : new[] { token };
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } when !negated:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } when negated:
                    var either = (IBinaryOperation)condition;
                    var first = ConditionMethods(either.LeftOperand, methodType, negated);
                    var second = ConditionMethods(either.RightOperand, methodType, negated);
                    return first is null || second is null ? null : first.Concat(second).Distinct().ToList();
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                    return ConditionMethods(both.LeftOperand, methodType, negated) ?? ConditionMethods(both.RightOperand, methodType, negated);
                case IIsPatternOperation isPattern when IsOnValue(isPattern.Value, methodType):
                    var pattern = isPattern.Pattern;
                    var isNot = false;
                    while (pattern is INegatedPatternOperation negatedPattern)
                    {
                        isNot = !isNot;
                        pattern = negatedPattern.Pattern;
                    }
                    return isNot == negated ? PatternMethods(pattern, methodType) : null;
                default:
                    return null;
            }
        }
    }
}
