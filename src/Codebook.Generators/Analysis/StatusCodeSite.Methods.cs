using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codebook.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>Which request methods a code answers: the call, the branches and guards around it, the handler's registration and attributes.</summary>
    internal sealed partial class StatusCodeSite
    {
        /// <summary>
        /// The request methods this code answers, innermost first: a method constant passed in the same call, then
        /// an enclosing switch section or arm, or an <c>if</c> on the method, then [RespondsTo] on the member or type.
        /// Branches that rule methods out (the else of <c>m == INVITE</c>, a <c>default:</c>, <c>if (m == ACK) return;</c>)
        /// narrow what is found further out; with nothing found, the code answers every method they leave.
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
                        return new Context(new[] { constant });
                    }
                }
            }

            // Enclosing switch sections, switch-expression arms and if statements, and guard clauses before the code.
            List<string>? excluded = null;
            var child = Operation;
            ISymbol? localFunction = null;
            for (var parent = Operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is ILocalFunctionOperation local)
                {
                    // A local function runs where it is called, not where it is written: its callers say the method.
                    localFunction = local.Symbol;
                    break;
                }
                if (parent is IAnonymousFunctionOperation && !IsHandlerArgument(parent))
                {
                    // A callback (bus.On("BYE", r => ...)) runs later, for whatever request it is given: the
                    // branch it is written in says nothing of that request's method.
                    return default;
                }
                if (parent is IArgumentOperation { Parent: IInvocationOperation registration } && Protocol.HandlerCalls.Count > 0
                    && HandlerCallMethods(registration) is { Count: > 0 } registered)
                {
                    // app.MapGet("/items", () => ...): the handler given to the call answers its method.
                    return Narrowed(new Context(registered), excluded);
                }
                if (parent is IBlockOperation block)
                {
                    if (!_cache.TryGetGuards(child, out var guarded))
                    {
                        guarded = GuardMethods(block, child);
                        _cache.AddGuards(child, guarded);
                    }
                    if (guarded is null)
                    {
                        continue;
                    }
                    if (guarded.Excluded)
                    {
                        Exclude(ref excluded, guarded.Tokens);
                        continue;
                    }
                    return Narrowed(new Context(guarded.Tokens), excluded);
                }
                var inElse = parent is IConditionalOperation conditional && conditional.WhenFalse == child;
                var inBranch = parent switch
                {
                    ISwitchCaseOperation => true,
                    ISwitchExpressionArmOperation arm => arm.Value == child,
                    IConditionalOperation ifStatement => ifStatement.WhenTrue == child || inElse,
                    _ => false,
                };
                if (!inBranch)
                {
                    continue;
                }
                if (!_cache.TryGetBranch(parent, inElse, out var branch))
                {
                    branch = BranchMethods(parent, child) is { Count: > 0 } admitted
                        ? new MethodSet(admitted, Excluded: false)
                        : BranchExclusions(parent, child) is { Count: > 0 } left ? new MethodSet(left, Excluded: true) : null;
                    _cache.AddBranch(parent, inElse, branch);
                }
                if (branch is null)
                {
                    continue;
                }
                if (branch.Excluded)
                {
                    Exclude(ref excluded, branch.Tokens);
                    continue;
                }
                return Narrowed(new Context(branch.Tokens), excluded);
            }

            var member = MemberCache().RespondsTo ??= RespondsToContext();
            if (!member.IsKnown)
            {
                // A private handler (case OPTIONS: ProcessOptions(request);): the methods its callers answer.
                member = CallersContext(localFunction ?? _owner);
            }
            if (excluded is null || member.IsKnown)
            {
                return Narrowed(member, excluded);
            }
            // Nothing says which method this is, only which it is not: every other method the protocol has.
            var rest = Protocol.Model.Methods.Select(m => m.Token).Where(t => !excluded.Contains(t)).ToList();
            return rest.Count == 0 ? default : new Context(rest, $"this branch answers every method but {string.Join(", ", excluded)}");
        }

        /// <summary>A lambda given to one of the stack's handler calls (<c>app.MapGet("/items", () => ...)</c>), which says its method.</summary>
        private bool IsHandlerArgument(IOperation lambda)
        {
            var at = lambda.Parent;
            while (at is IDelegateCreationOperation or IConversionOperation)
            {
                at = at.Parent;
            }
            return at is IArgumentOperation { Parent: IInvocationOperation call } && Protocol.HandlerCalls.Count > 0 && HandlerCallMethods(call) is { Count: > 0 };
        }

        /// <summary>Calls are followed this many levels up: a handler, the dispatcher that calls it, and the one that calls that.</summary>
        private const int CallerDepth = 3;

        /// <summary>
        /// The methods a private or internal method answers when every call of it in the compilation sits where the
        /// method is known: the union of those calls' contexts; unknown when one is not, or when it may be called
        /// from where this compilation cannot see (see <see cref="CallSites"/>).
        /// </summary>
        private Context CallersContext(ISymbol owner)
        {
            if (_depth >= CallerDepth || owner is not IMethodSymbol callee)
            {
                return default;
            }
            return _block.CallSites.ContextOf(callee, Protocol, _depth, _context.CancellationToken, (call, caller) =>
                new StatusCodeSite(_context, _block.ForCallSite(caller), Protocol, call, Value, implied: false, caller, _depth + 1).MethodContext());
        }

        private static void Exclude(ref List<string>? excluded, IReadOnlyList<string> tokens)
        {
            if (tokens.Count == 0)
            {
                return; // ruling nothing out says nothing
            }
            excluded ??= new List<string>();
            foreach (var token in tokens)
            {
                if (!excluded.Contains(token))
                {
                    excluded.Add(token);
                }
            }
        }

        /// <summary>The context without the methods an inner branch ruled out; nothing known when none is left.</summary>
        private static Context Narrowed(Context context, List<string>? excluded)
        {
            if (excluded is null || !context.IsKnown || !context.Tokens.Any(excluded.Contains))
            {
                return context;
            }
            var left = context.Tokens.Where(t => !excluded.Contains(t)).ToList();
            return left.Count == 0 ? default : context with { Tokens = left };
        }

        /// <summary>
        /// The methods a branch rules out, when it is taken exactly when the method is none of them: the else of
        /// <c>m == X</c> (or <c>m is X or Y</c>), the then-branch of <c>m != X</c>, a <c>default:</c> section or a
        /// discard arm of a switch on the method whose other labels are all methods.
        /// </summary>
        private IReadOnlyList<string>? BranchExclusions(IOperation parent, IOperation child)
        {
            switch (parent)
            {
                case IConditionalOperation { Type: null } conditional when ExactMethods(conditional.Condition) is var (tokens, negated):
                    // The then-branch of a negated test, or the else of a plain one, is every method but those. Only
                    // an if statement: a ?: picks a value, which may be sent later under a test of its own.
                    return (conditional.WhenTrue == child) == negated ? tokens : null;
                case ISwitchCaseOperation { Parent: ISwitchOperation switchOperation } section
                    when IsOn(switchOperation) && section.Clauses.Any(c => c is IDefaultCaseClauseOperation):
                    var labelled = new List<string>();
                    foreach (var other in switchOperation.Cases)
                    {
                        if (ReferenceEquals(other, section))
                        {
                            continue;
                        }
                        if (SectionMethods(other, typesOnly: false) is not { } methods)
                        {
                            return null; // a label we cannot read might take any method
                        }
                        labelled.AddRange(methods);
                    }
                    return labelled;
                case ISwitchExpressionArmOperation { Pattern: IDiscardPatternOperation, Guard: null } discard
                    when discard.Value == child && discard.Parent is ISwitchExpressionOperation switchExpression && IsMethodValue(switchExpression.Value):
                    var matched = new List<string>();
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (ReferenceEquals(arm, discard))
                        {
                            continue;
                        }
                        if (arm.Guard is not null || PatternMethods(arm.Pattern, typesOnly: false) is not { } methods)
                        {
                            return null;
                        }
                        matched.AddRange(methods);
                    }
                    return matched;
                default:
                    return null;
            }
        }

        /// <summary>Conditions and patterns deeper than this (terms of one || chain) are not read.</summary>
        private const int MaxConditionDepth = 200;

        /// <summary>
        /// The methods a condition holds for exactly: <c>(S, false)</c> when it is true just when the method is in S,
        /// <c>(S, true)</c> when it is true just when the method is not. Null when anything else decides it too
        /// (<c>m == X &amp;&amp; ready</c>): then neither branch rules any method out.
        /// </summary>
        private (IReadOnlyList<string> Tokens, bool Negated)? ExactMethods(IOperation condition, int depth = 0)
        {
            if (depth > MaxConditionDepth)
            {
                return null; // thousands of || or `or` terms: too deep to read, and reading them must not take the stack
            }
            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ExactMethods(not.Operand, depth + 1) is var (inner, negated) ? (inner, !negated) : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    return ComparedMethod(comparison.LeftOperand, comparison.RightOperand) is { } compared
                        ? (compared, comparison.OperatorKind == BinaryOperatorKind.NotEquals)
                        : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } both:
                    if (ExactMethods(both.LeftOperand, depth + 1) is not var (left, leftNegated) || ExactMethods(both.RightOperand, depth + 1) is not var (right, rightNegated)
                        || leftNegated != rightNegated)
                    {
                        return null;
                    }
                    // m == A || m == B holds for A and B; m != A && m != B fails for just those.
                    var union = (both.OperatorKind == BinaryOperatorKind.ConditionalOr) != leftNegated;
                    return (union ? left.Union(right).ToList() : left.Intersect(right).ToList(), leftNegated);
                case IInvocationOperation invocation when EqualsOperands(invocation) is var (a, b):
                    return ComparedMethod(a, b) is { } equal ? (equal, false) : null;
                case IIsPatternOperation isPattern when IsMethodValue(isPattern.Value):
                    var pattern = isPattern.Pattern;
                    var isNot = false;
                    while (pattern is INegatedPatternOperation negatedPattern)
                    {
                        isNot = !isNot;
                        pattern = negatedPattern.Pattern;
                    }
                    return PatternMethods(pattern, typesOnly: false) is { } matched ? (matched, isNot) : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The methods guard clauses earlier in <paramref name="block"/> leave for <paramref name="statement"/>:
        /// <c>if (m != SipMethod.Invite) return;</c> (or throw, break, continue) means what follows answers INVITE,
        /// and the nearest such guard wins; <c>if (m == SipMethod.Ack) return;</c> rules ACK out of what follows.
        /// </summary>
        private MethodSet? GuardMethods(IBlockOperation block, IOperation statement)
        {
            List<string>? excluded = null;
            var index = block.Operations.IndexOf(statement);
            for (var i = index - 1; i >= 0; i--)
            {
                if (block.Operations[i] is ISwitchOperation earlier && IsOn(earlier))
                {
                    // switch (m) { case ACK: return; ... }: the methods of the sections that return do not get here.
                    if (SwitchLeaves(earlier) is not { } left)
                    {
                        return Uncertain;
                    }
                    if (!left.Excluded && left.Tokens.Count > 0)
                    {
                        return new MethodSet(excluded is null ? left.Tokens : left.Tokens.Where(t => !excluded.Contains(t)).ToList(), Excluded: false);
                    }
                    Exclude(ref excluded, left.Tokens);
                    continue;
                }
                if (block.Operations[i] is not IConditionalOperation { WhenFalse: null } guard || !Leaves(guard.WhenTrue))
                {
                    continue;
                }
                var tokens = ConditionMethods(guard.Condition, negated: true);
                if (tokens is { Count: > 0 })
                {
                    return new MethodSet(excluded is null ? tokens : tokens.Where(t => !excluded.Contains(t)).ToList(), Excluded: false);
                }
                if (ExactMethods(guard.Condition) is (var ruledOut, false))
                {
                    Exclude(ref excluded, ruledOut);
                }
                else if (guard.Condition.DescendantsAndSelf().Any(IsMethodValue))
                {
                    // if (IsAck(request.Method)) return;: some methods leave here, and which is not known.
                    return Uncertain;
                }
            }
            return excluded is { Count: > 0 } ? new MethodSet(excluded, Excluded: true) : null;
        }

        /// <summary>Every method ruled out: nothing is known about what follows (a guard on the method that cannot be read).</summary>
        private MethodSet Uncertain => new(Protocol.Model.Methods.Select(m => m.Token).ToList(), Excluded: true);

        /// <summary>
        /// What a switch on the method leaves for the statements after it: without the methods of the sections that
        /// return or throw, or only those of the sections that do not, when its default section returns. Null when a
        /// section that returns has a label that cannot be read.
        /// </summary>
        private MethodSet? SwitchLeaves(ISwitchOperation switchOperation)
        {
            var returned = new List<string>();
            var stays = new List<string>();
            var defaultReturns = false;
            foreach (var section in switchOperation.Cases)
            {
                var body = section.Body;
                var returns = body.Length > 0 && body[body.Length - 1] is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
                if (section.Clauses.Any(c => c is IDefaultCaseClauseOperation))
                {
                    defaultReturns = returns;
                    continue;
                }
                if (SectionMethods(section, typesOnly: false) is not { } methods)
                {
                    if (returns)
                    {
                        return null;
                    }
                    continue;
                }
                (returns ? returned : stays).AddRange(methods);
            }
            return defaultReturns ? new MethodSet(stays, Excluded: false) : new MethodSet(returned, Excluded: true);
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
                for (var symbol = _owner; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    foreach (var attribute in symbol.GetAttributes())
                    {
                        if (AttributeMethods(attribute) is { } tokens)
                        {
                            return new Context(tokens);
                        }
                    }
                }
            }
            if (Protocol.RequestTypes.Count == 0)
            {
                return default;
            }
            for (var symbol = _owner; symbol is IMethodSymbol method; symbol = symbol.ContainingSymbol)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (Protocol.RequestMethod(parameter.Type) is { } token)
                    {
                        return new Context(new[] { token });
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
                if (argument.Parameter?.Type is { TypeKind: TypeKind.Delegate } or { SpecialType: SpecialType.System_Delegate })
                {
                    continue; // the handler's own strings say nothing about the route
                }
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    // "GET", or HttpMethods.Get (a static readonly string of a method-tests class)
                    var token = operation switch
                    {
                        ILiteralOperation => Protocol.MethodToken(operation),
                        IFieldReferenceOperation { Field: { IsStatic: true } field } when Protocol.MethodTests.Contains(field.ContainingType.OriginalDefinition)
                            && Protocol.Index.TryGetMethod(field.Name, out var byName) => byName,
                        _ => null,
                    };
                    if (token is not null && !named.Contains(token))
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
                if (argument.IsNull || argument.Kind == TypedConstantKind.Error)
                {
                    continue; // [AcceptVerbs((string[])null)]: an array that is not there names nothing
                }
                var values = argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArray.Create(argument);
                foreach (var value in values)
                {
                    if (value.Kind != TypedConstantKind.Array && value.Value is string text && Protocol.Index.TryGetMethod(text, out var spelled) && string.Equals(spelled, text, StringComparison.OrdinalIgnoreCase) && !named.Contains(spelled))
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
                for (var symbol = _owner; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    var attribute = symbol.GetAttributes().FirstOrDefault(a => respondsTo.Equals(a.AttributeClass, SymbolEqualityComparer.Default));
                    if (attribute is { ConstructorArguments.Length: 1 } && !attribute.ConstructorArguments[0].IsNull)
                    {
                        var argument = attribute.ConstructorArguments[0];
                        var values = argument.Kind == TypedConstantKind.Array ? argument.Values.Select(v => v.Value) : new[] { argument.Value };
                        var tokens = values.Select(Protocol.MethodToken).OfType<string>().Distinct().ToList();
                        if (tokens.Count > 0)
                        {
                            return new Context(tokens);
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
                || value is IMemberReferenceOperation reference && Protocol.MethodMembers.Contains(reference.Member.OriginalDefinition)
                || value is ILocalReferenceOperation local && Protocol.MethodMembers.Count > 0 && HoldsMethod(local);
        }

        /// <summary>
        /// A local that only ever holds a method member's value: <c>var method = request.Method;</c>, never assigned
        /// again (nor passed by reference) in its body. Worked out once per local and block.
        /// </summary>
        private bool HoldsMethod(ILocalReferenceOperation reference)
        {
            if (_cache.TryGetMethodLocal(reference.Local, out var holds))
            {
                return holds;
            }
            _cache.SetMethodLocal(reference.Local, false); // until known: a local read in its own initializer is no method
            IOperation root = reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }
            holds = false;
            var written = 0;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        holds = declarator.GetVariableInitializer() is { } initializer && !reference.Local.IsRef && IsMethodValue(initializer.Value);
                        break;
                    case ILocalReferenceOperation use when SymbolEqualityComparer.Default.Equals(use.Local, reference.Local) && IsWritten(use):
                        written++;
                        break;
                }
            }
            holds = holds && written == 0;
            _cache.SetMethodLocal(reference.Local, holds);
            return holds;
        }

        /// <summary>Whether this use of a local changes it: assigned, incremented, passed by reference, deconstructed into.</summary>
        private static bool IsWritten(ILocalReferenceOperation use) => use.Parent switch
        {
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, use),
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            ITupleOperation => true,
            _ => false,
        };

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
        private IReadOnlyList<string>? PatternMethods(IPatternOperation pattern, bool typesOnly, int depth = 0)
        {
            if (depth > MaxConditionDepth)
            {
                return null; // thousands of || or `or` terms: too deep to read, and reading them must not take the stack
            }
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
                    var left = PatternMethods(alternatives.LeftPattern, typesOnly, depth + 1);
                    var right = PatternMethods(alternatives.RightPattern, typesOnly, depth + 1);
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
        private IReadOnlyList<string>? ConditionMethods(IOperation condition, bool negated, int depth = 0)
        {
            if (depth > MaxConditionDepth)
            {
                return null; // thousands of || or `or` terms: too deep to read, and reading them must not take the stack
            }
            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ConditionMethods(not.Operand, !negated, depth + 1);
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
                    var first = ConditionMethods(either.LeftOperand, negated, depth + 1);
                    var second = ConditionMethods(either.RightOperand, negated, depth + 1);
                    return first is null || second is null ? null : first.Concat(second).Distinct().ToList();
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                    return ConditionMethods(both.LeftOperand, negated, depth + 1) ?? ConditionMethods(both.RightOperand, negated, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } neither when negated:
                    // not (a || b) holds a and b both false: either one's methods are a definite answer
                    return ConditionMethods(neither.LeftOperand, negated, depth + 1) ?? ConditionMethods(neither.RightOperand, negated, depth + 1);
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
