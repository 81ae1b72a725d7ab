using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>Which request methods a code answers: the call, the branches and guards around it, the handler's registration and attributes.</summary>
    internal sealed partial class StatusCodeSite
    {
        /// <summary>
        /// The request methods this code answers, innermost first: a method constant passed in the same call, then
        /// an enclosing switch section or arm, or an <c>if</c> on the method, then [RespondsTo] on the member or type.
        /// </summary>
        public Context MethodContext()
        {
            if (!Protocol.HasMethodSources)
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
                    // Only a parameter that holds a method: a reason phrase "Update" is not a method.
                    if (argument.Parameter is null || !Protocol.IsMethodType(Underlying(argument.Parameter.OriginalDefinition.Type)))
                    {
                        continue;
                    }
                    var constant = Protocol.MethodToken(Unwrap(argument.Value));
                    if (constant is not null)
                    {
                        return new Context(new[] { constant }, "the method passed in the same call");
                    }
                }
            }

            // Enclosing switch sections, switch-expression arms and if statements, and guard clauses before the code.
            var child = Operation;
            for (var parent = Operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IArgumentOperation { Parent: IInvocationOperation registration } && Protocol.HandlerCalls.Count > 0
                    && HandlerCallMethods(registration) is { Count: > 0 } registered)
                {
                    // app.MapGet("/items", () => ...): the handler given to the call answers its method.
                    return new Context(registered, $"the {registration.TargetMethod.Name} call that registers this handler");
                }
                if (parent is IBlockOperation block)
                {
                    if (!_cache.TryGetGuards(child, out var guarded))
                    {
                        guarded = GuardMethods(block, child);
                        _cache.AddGuards(child, guarded);
                    }
                    if (guarded is not { Count: > 0 })
                    {
                        continue;
                    }
                    return new Context(guarded, "the guard clause before it, which leaves on every other method");
                }
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
                if (!_cache.TryGetBranch(parent, inElse, out var tokens))
                {
                    tokens = BranchMethods(parent, child);
                    _cache.AddBranch(parent, inElse, tokens);
                }
                if (tokens is { Count: > 0 })
                {
                    return new Context(tokens, "the enclosing branch on the request method");
                }
            }

            return MemberCache().RespondsTo ??= RespondsToContext();
        }

        /// <summary>
        /// The methods a guard clause earlier in <paramref name="block"/> leaves for <paramref name="statement"/>:
        /// <c>if (m != SipMethod.Invite) return;</c> (or throw, break, continue) means what follows answers INVITE.
        /// The nearest guard that says something wins.
        /// </summary>
        private IReadOnlyList<string>? GuardMethods(IBlockOperation block, IOperation statement)
        {
            var index = block.Operations.IndexOf(statement);
            for (var i = index - 1; i >= 0; i--)
            {
                if (block.Operations[i] is not IConditionalOperation { WhenFalse: null } guard || !Leaves(guard.WhenTrue))
                {
                    continue;
                }
                var tokens = ConditionMethods(guard.Condition, negated: true);
                if (tokens is { Count: > 0 })
                {
                    return tokens;
                }
            }
            return null;
        }

        /// <summary>A statement that never falls through to the next one: return, throw, break, continue, or a block ending in one.</summary>
        private static bool Leaves(IOperation statement) => statement switch
        {
            IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue } => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IBlockOperation { Operations.Length: > 0 } inner => Leaves(inner.Operations[inner.Operations.Length - 1]),
            _ => false,
        };

        /// <summary>The methods a branch (switch section, switch-expression arm, if) admits for <paramref name="child"/>.</summary>
        private IReadOnlyList<string>? BranchMethods(IOperation parent, IOperation child) =>
                parent switch
                {
                    ISwitchCaseOperation { Parent: ISwitchOperation switchOperation } section when IsOn(switchOperation) || Protocol.RequestTypes.Count > 0 =>
                        SectionMethods(section, typesOnly: !IsOn(switchOperation)),
                    ISwitchExpressionArmOperation arm when arm.Value == child && arm.Parent is ISwitchExpressionOperation switchExpression
                        && (IsMethodValue(switchExpression.Value) || Protocol.RequestTypes.Count > 0) => PatternMethods(arm.Pattern, typesOnly: !IsMethodValue(switchExpression.Value)),
                    IConditionalOperation conditional when conditional.WhenTrue == child => ConditionMethods(conditional.Condition, negated: false),
                    IConditionalOperation conditional when conditional.WhenFalse == child => ConditionMethods(conditional.Condition, negated: true),
                    _ => null,
                };

        /// <summary>
        /// [RespondsTo] on the member (or the member enclosing a lambda or local function), then on its types; else a
        /// parameter of the member typed as a stack's request class (<c>OnPlay(RtspRequestPlay request)</c>).
        /// </summary>
        private Context RespondsToContext()
        {
            var respondsTo = RespondsToAttributeContext();
            if (respondsTo.IsKnown)
            {
                return respondsTo;
            }
            if (Protocol.MethodAttributes.Count > 0)
            {
                // [HttpGet] on an action; a lambda or local function inside it answers the same request.
                for (var symbol = _context.ContainingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    foreach (var attribute in symbol.GetAttributes())
                    {
                        if (AttributeMethods(attribute) is { } tokens)
                        {
                            return new Context(tokens, $"[{attribute.AttributeClass!.Name}] on {symbol.Name}");
                        }
                    }
                }
            }
            if (Protocol.RequestTypes.Count == 0)
            {
                return default;
            }
            for (var symbol = _context.ContainingSymbol; symbol is IMethodSymbol method; symbol = symbol.ContainingSymbol)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (Protocol.RequestMethod(parameter.Type) is { } token)
                    {
                        return new Context(new[] { token }, $"the {parameter.Type.Name} parameter of {method.Name}");
                    }
                }
            }
            return default;
        }

        /// <summary>The methods a handler-registering call (interop handler-calls) says: its own, or those its strings name (MapMethods).</summary>
        private IReadOnlyList<string>? HandlerCallMethods(IInvocationOperation call)
        {
            if (!Protocol.HandlerCalls.TryGetValue(call.TargetMethod.OriginalDefinition, out var method))
            {
                return null;
            }
            if (method.Length > 0)
            {
                return new[] { method };
            }
            var named = new List<string>();
            foreach (var argument in call.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is ILiteralOperation && Protocol.MethodToken(operation) is { } token && !named.Contains(token))
                    {
                        named.Add(token);
                    }
                }
            }
            return named;
        }

        /// <summary>The methods an attribute says (interop method-attributes): by its name, <c>HttpGet</c>, else by its strings, <c>AcceptVerbs("GET", "HEAD")</c>.</summary>
        private IReadOnlyList<string>? AttributeMethods(AttributeData attribute)
        {
            if (attribute.AttributeClass is not { } type || !Protocol.MethodAttributes.Contains(type.OriginalDefinition))
            {
                return null;
            }
            var name = type.Name.EndsWith("Attribute", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - 9) : type.Name;
            NamedToken? byName = null;
            foreach (var method in Protocol.Model.Methods)
            {
                // HttpGet ends with Get; of two matches (Put, Output) the longer one names the method.
                if (name.EndsWith(method.Member, StringComparison.OrdinalIgnoreCase) && (byName is null || method.Member.Length > byName.Member.Length))
                {
                    byName = method;
                }
            }
            if (byName is not null)
            {
                return new[] { byName.Token };
            }
            var named = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                var values = argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArray.Create(argument);
                foreach (var value in values)
                {
                    if (value.Value is string text && Protocol.Index.TryGetMethod(text, out var spelled) && string.Equals(spelled, text, StringComparison.OrdinalIgnoreCase) && !named.Contains(spelled))
                    {
                        named.Add(spelled);
                    }
                }
            }
            return named.Count > 0 ? named : null;
        }

        private Context RespondsToAttributeContext()
        {
            if (Protocol.RespondsToAttribute is { } respondsTo)
            {
                for (var symbol = _context.ContainingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    var attribute = symbol.GetAttributes().FirstOrDefault(a => respondsTo.Equals(a.AttributeClass, SymbolEqualityComparer.Default));
                    if (attribute is { ConstructorArguments.Length: 1 } && !attribute.ConstructorArguments[0].IsNull)
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

        private static ITypeSymbol? Underlying(ITypeSymbol? type) => CodebookSymbols.Underlying(type);

        private bool IsOn(ISwitchOperation? switchOperation) =>
            switchOperation is not null && IsMethodValue(switchOperation.Value);

        /// <summary>A value that holds a request's method: of a method enum, or an interop method member.</summary>
        private bool IsMethodValue(IOperation value)
        {
            value = Unwrap(value);
            // request.Method.ToUpperInvariant(), as switches on a method string are often written.
            while (value is IInvocationOperation { Instance: { } instance, TargetMethod: { Name: "ToUpperInvariant" or "ToUpper" or "ToLowerInvariant" or "ToLower" or "Trim", ContainingType.SpecialType: SpecialType.System_String } })
            {
                value = Unwrap(instance);
            }
            return Protocol.IsMethodType(Underlying(value.Type))
                || value is IMemberReferenceOperation reference && Protocol.MethodMembers.Contains(reference.Member.OriginalDefinition);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }
            return operation;
        }

        /// <param name="typesOnly">The switch is not on a method value: only request classes (<c>case RtspRequestPlay p:</c>) say anything.</param>
        private IReadOnlyList<string>? SectionMethods(ISwitchCaseOperation section, bool typesOnly)
        {
            List<string>? tokens = null;
            IReadOnlyList<string>? single = null;
            foreach (var clause in section.Clauses)
            {
                var clauseTokens = clause switch
                {
                    ISingleValueCaseClauseOperation value when !typesOnly => Protocol.MethodToken(Unwrap(value.Value)) is { } t ? new[] { t } : null,
                    IPatternCaseClauseOperation { Guard: null } pattern => PatternMethods(pattern.Pattern, typesOnly),
                    _ => null,
                };
                if (clauseTokens is null)
                {
                    return null; // default or a pattern we cannot read: this section says nothing definite
                }
                if (single is null)
                {
                    single = clauseTokens; // the usual `case X:` needs no list of its own
                }
                else
                {
                    (tokens ??= new List<string>(single)).AddRange(clauseTokens);
                }
            }
            return tokens ?? single ?? Array.Empty<string>();
        }

        /// <summary>The methods a pattern admits: method constants (unless <paramref name="typesOnly"/>), and request classes.</summary>
        private IReadOnlyList<string>? PatternMethods(IPatternOperation pattern, bool typesOnly)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when !typesOnly:
                    return Protocol.MethodToken(Unwrap(constant.Value)) is { } token ? new[] { token } : null;
                case IDeclarationPatternOperation { MatchedType: var matched }:
                    return Protocol.RequestMethod(matched) is { } declared ? new[] { declared } : null;
                case ITypePatternOperation { MatchedType: var matched }:
                    return Protocol.RequestMethod(matched) is { } typed ? new[] { typed } : null;
                case IRecursivePatternOperation { MatchedType: var matched }:
                    return Protocol.RequestMethod(matched) is { } recursive ? new[] { recursive } : null;
                case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } alternatives:
                    var left = PatternMethods(alternatives.LeftPattern, typesOnly);
                    var right = PatternMethods(alternatives.RightPattern, typesOnly);
                    return left is null || right is null ? null : left.Concat(right).ToList();
                default:
                    return null;
            }
        }

        /// <summary>The method a comparison of a method value with a method constant, either way round, tests for.</summary>
        private IReadOnlyList<string>? ComparedMethod(IOperation left, IOperation right)
        {
            var token = (Protocol.MethodToken(Unwrap(right)), Protocol.MethodToken(Unwrap(left))) switch
            {
                ({ } r, null) when IsMethodValue(left) => r,
                (null, { } l) when IsMethodValue(right) => l,
                _ => null,
            };
            return token is null ? null : new[] { token };
        }

        /// <summary>The two strings a call to string.Equals (static or instance, with or without a StringComparison) compares.</summary>
        private static (IOperation Left, IOperation Right)? EqualsOperands(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod is not { Name: "Equals" } method || method.ContainingType.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
            {
                return null;
            }
            var arguments = invocation.Arguments;
            if (method.IsStatic)
            {
                return arguments.Length >= 2 ? (arguments[0].Value, arguments[1].Value) : null;
            }
            return invocation.Instance is { } instance && arguments.Length >= 1 ? (instance, arguments[0].Value) : null;
        }

        /// <summary>
        /// The methods a condition on the method enum admits: <c>m == X</c>, <c>m is X or Y</c>, <c>a || b</c>;
        /// with <paramref name="negated"/>, the methods of the else branch (<c>m != X</c>, <c>m is not X</c>).
        /// </summary>
        private IReadOnlyList<string>? ConditionMethods(IOperation condition, bool negated)
        {
            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ConditionMethods(not.Operand, !negated);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                    if (equals == negated)
                    {
                        return null;
                    }
                    return ComparedMethod(comparison.LeftOperand, comparison.RightOperand);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } when !negated:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } when negated:
                    var either = (IBinaryOperation)condition;
                    var first = ConditionMethods(either.LeftOperand, negated);
                    var second = ConditionMethods(either.RightOperand, negated);
                    return first is null || second is null ? null : first.Concat(second).Distinct().ToList();
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                    return ConditionMethods(both.LeftOperand, negated) ?? ConditionMethods(both.RightOperand, negated);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } neither when negated:
                    // not (a || b) holds a and b both false: either one's methods are a definite answer
                    return ConditionMethods(neither.LeftOperand, negated) ?? ConditionMethods(neither.RightOperand, negated);
                case IInvocationOperation test when !negated && Protocol.MethodTests.Count > 0 && test.TargetMethod.IsStatic
                    && Protocol.MethodTests.Contains(test.TargetMethod.ContainingType.OriginalDefinition)
                    && test.TargetMethod.Name.StartsWith("Is", StringComparison.Ordinal) && Protocol.Index.TryGetMethod(test.TargetMethod.Name.Substring(2), out var tested):
                    // HttpMethods.IsGet(context.Request.Method)
                    return new[] { tested };
                case IInvocationOperation invocation when !negated && EqualsOperands(invocation) is var (left, right):
                    // string.Equals(m, "INVITE"[, comparison]), m.Equals("INVITE"[, comparison])
                    return ComparedMethod(left, right);
                case IIsTypeOperation { IsNegated: false } isType when !negated:
                    // request is RtspRequestPlay
                    return Protocol.RequestMethod(isType.TypeOperand) is { } requested ? new[] { requested } : null;
                case IIsPatternOperation isPattern when Protocol.RequestTypes.Count > 0 || IsMethodValue(isPattern.Value):
                    var typesOnly = !IsMethodValue(isPattern.Value);
                    var pattern = isPattern.Pattern;
                    var isNot = false;
                    while (pattern is INegatedPatternOperation negatedPattern)
                    {
                        isNot = !isNot;
                        pattern = negatedPattern.Pattern;
                    }
                    return isNot == negated ? PatternMethods(pattern, typesOnly) : null;
                default:
                    return null;
            }
        }
    }
}
