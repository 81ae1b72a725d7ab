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
        private readonly ProtocolBlockCache _cache;

        /// <param name="implied">The code is implied by the helper called at <paramref name="operation"/> (<c>Results.NoContent()</c>).</param>
        public StatusCodeSite(OperationAnalysisContext context, BlockCache cache, ProtocolSymbols protocol, IOperation operation, int value, bool implied = false)
        {
            Implied = implied;
            _context = context;
            _cache = cache.For(protocol);
            Protocol = protocol;
            Operation = operation;
            Value = value;
        }

        public ProtocolSymbols Protocol { get; }

        /// <summary>A helper's call that sends a code of its own: it is the response, whether returned, stored or passed on.</summary>
        public bool Implied { get; }

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

        /// <summary>
        /// Reports <paramref name="descriptor"/> once, naming every token of the context that is neither in
        /// <paramref name="allowed"/> nor in <paramref name="ignored"/>, with the rule's reference (else the
        /// protocol's) and the catalogue's suggestion, which the code fix applies.
        /// </summary>
        public void ReportRefused(DiagnosticDescriptor descriptor, Context context, EquatableArray<string> allowed, EquatableArray<string> ignored, string ruleReference)
        {
            List<string>? refused = null;
            for (var i = 0; i < context.Tokens.Count; i++)
            {
                var token = context.Tokens[i];
                if (!allowed.Contains(token) && !ignored.Contains(token))
                {
                    (refused ??= new List<string>()).Add(token);
                }
            }
            if (refused is null)
            {
                return;
            }
            var instead = Instead(refused);
            Report(descriptor, instead?.Member, Protocol.Describe(Value), string.Join(" or ", refused),
                ruleReference.Length > 0 ? ruleReference : Protocol.Model.Reference, instead?.Text ?? "");
        }

        /// <summary>
        /// The member of the enum written at this site whose value is <paramref name="code"/>: the generated member,
        /// or an existing stack's own member; null for an integer, or a foreign enum without one (then no code fix).
        /// </summary>
        public string? MemberFor(int code)
        {
            var type = Underlying(Operation.Type);
            if (type is not null && type.Equals(Protocol.StatusType, SymbolEqualityComparer.Default))
            {
                return Protocol.Codes.TryGetValue(code, out var model) ? model.Name : null;
            }
            return type is INamedTypeSymbol { TypeKind: TypeKind.Enum } foreign
                ? foreign.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && HasValue(f.ConstantValue, code))?.Name
                : null;
        }

        /// <summary>Whether an enum constant of any underlying type (ulong included) equals <paramref name="code"/>.</summary>
        private static bool HasValue(object? constant, int code) => constant switch
        {
            ulong u => code >= 0 && u == (ulong)code,
            long or int or short or sbyte or uint or ushort or byte => System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) == code,
            _ => false,
        };

        /// <summary>The catalogue's suggestion for when this code is not allowed (`instead: { proxy: 407 }`).</summary>
        public (string? Member, string Text)? Instead(IEnumerable<string> tokens)
        {
            if (!Protocol.Codes.TryGetValue(Value, out var code))
            {
                return null;
            }
            foreach (var substitute in code.Instead)
            {
                if (tokens.Contains(substitute.When) && Protocol.Codes.TryGetValue(substitute.Code, out var other))
                {
                    return (MemberFor(substitute.Code), $"; send {substitute.Code} {other.Reason} instead");
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

        /// <summary>
        /// True when the code's value is produced here for someone to send. Passing it to a generic parameter (as in
        /// Assert.Equal) only reads it; handing it to a delegate or event (<c>OnFailure?.Invoke(code)</c>) tells a
        /// listener, which is not a response, unless that parameter is a listed status sink.
        /// </summary>
        public bool IsSent()
        {
            if (Implied)
            {
                return true;
            }
            var use = Use;
            var value = _value;
            switch (use)
            {
                case IArgumentOperation argument:
                    return argument.Parameter is { } parameter
                        && (Protocol.StatusSinks.Contains(parameter.OriginalDefinition)
                            || (Protocol.IsStatusType(Underlying(parameter.OriginalDefinition.Type)) && parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.DelegateInvoke }))
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
        /// The code is the value a named member returns to its caller, who decides what to send. A lambda's return
        /// (<c>router.On("FOO", request => SipStatusCode.MethodNotAllowed)</c>) goes to a framework that sends it.
        /// </summary>
        public bool IsReturned
        {
            get
            {
                if (Implied || Use is not IReturnOperation)
                {
                    return false; // a helper's result is the response itself
                }
                for (var parent = Use.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation)
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        /// <summary>
        /// A placeholder, not a code: the language's zero (<c>StatusCode = 0</c>) or a stack's None/Unknown member,
        /// given to a field, property or local before the real code is known (a parser or a later branch sets it).
        /// </summary>
        public bool IsPlaceholder()
        {
            if (Use is not (ISimpleAssignmentOperation or IVariableInitializerOperation or IFieldInitializerOperation or IPropertyInitializerOperation))
            {
                return false;
            }
            return Value == 0 || Operation is IFieldReferenceOperation { Field.Name: var name } && PlaceholderNames.Contains(name);
        }

        private static readonly HashSet<string> PlaceholderNames = new(StringComparer.OrdinalIgnoreCase)
        {
            "None", "Unknown", "Undefined", "Invalid", "NotSet", "Unset", "Empty", "Null",
        };

        /// <summary>
        /// Follows the value up through conversions, conditional branches and switch-expression arms to the
        /// operation that consumes it.
        /// </summary>
        internal static IOperation? FlowTarget(IOperation operation, out IOperation value)
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

        /// <summary>
        /// True when the member body around this code mentions the required header <paramref name="header"/>: a
        /// string equal to it or starting with "header:", or a member named like it (see <see cref="NameComparer"/>).
        /// Searched once per body and header, outward from the code (its own statement, then each enclosing one), so
        /// a header set beside the code is found without walking the whole body.
        /// </summary>
        public bool MethodMentions(string header)
        {
            var root = Scope;
            var known = _cache.MentionsIn(root);
            foreach (var (name, mentioned) in known)
            {
                if (string.Equals(name, header, StringComparison.Ordinal))
                {
                    return mentioned;
                }
            }
            var found = MentionedAround(header);
            known.Add((header, found));
            return found;
        }

        private IOperation? _scope;

        /// <summary>
        /// The body that builds this response: the innermost lambda or local function around the code (each handler
        /// given to <c>app.MapGet</c> or an event is a response of its own), else the member body.
        /// </summary>
        private IOperation Scope
        {
            get
            {
                if (_scope is null)
                {
                    var scope = Operation;
                    while (scope.Parent is not null && scope is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        scope = scope.Parent;
                    }
                    _scope = scope;
                }
                return _scope;
            }
        }

        /// <summary>
        /// What puts content in the response this code is sent with, described for CB1008, or null: a content
        /// argument of the same call or object creation (a null or omitted one is none), a call that always writes
        /// content (<c>Results.Problem</c>), or content written after the code, before the body leaves.
        /// </summary>
        public string? ContentSentWith()
        {
            // The call or creation the code goes into (a helper with an implied code is that call itself).
            var call = Implied ? Operation : Use switch
            {
                IArgumentOperation argument => argument.Parent,
                ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } => creation,
                _ => null,
            };
            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            if (call is IInvocationOperation { TargetMethod: var method } && Protocol.ContentMembers.Contains(method.OriginalDefinition))
            {
                return $"{method.Name} writes content";
            }
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && Protocol.ContentMembers.Contains(parameter.OriginalDefinition)
                    && argument.ArgumentKind != ArgumentKind.DefaultValue && !IsNothing(argument.Value))
                {
                    return $"its {parameter.Name} argument is content";
                }
            }
            if (call is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                        && Protocol.ContentMembers.Contains(target.Member.OriginalDefinition) && !IsNothing(assignment.Value))
                    {
                        return $"its {target.Member.Name} is content";
                    }
                }
            }
            // Content written after the code in the same body, until a statement leaves it.
            for (var child = (IOperation)Operation; !ReferenceEquals(child, Scope) && child.Parent is { } parent; child = parent)
            {
                if (parent is not IBlockOperation block)
                {
                    continue;
                }
                for (var i = block.Operations.IndexOf(child) + 1; i < block.Operations.Length; i++)
                {
                    var statement = block.Operations[i];
                    if (WritesContent(statement) is { } writer)
                    {
                        return $"{writer} writes content after it";
                    }
                    if (Leaves(statement))
                    {
                        return null;
                    }
                }
                if (block.Operations.Length > 0 && Leaves(block.Operations[block.Operations.Length - 1]))
                {
                    return null;
                }
            }
            return null;
        }

        /// <summary>A null or default constant: no content.</summary>
        private static bool IsNothing(IOperation value)
        {
            value = Unwrap(value);
            return value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null };
        }

        /// <summary>The content member a statement uses (<c>WriteAsync</c>, <c>Body</c>), if any.</summary>
        private string? WritesContent(IOperation statement)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                var member = operation switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IMemberReferenceOperation reference => reference.Member,
                    _ => null,
                };
                if (member is not null && Protocol.ContentMembers.Contains(member.OriginalDefinition))
                {
                    return member.Name;
                }
            }
            return null;
        }

        /// <summary>Visits every operation of the body at most once, nearest to the code first.</summary>
        private bool MentionedAround(string header)
        {
            var pending = new Stack<IOperation>();
            if (Mentions(Operation, header, pending))
            {
                return true;
            }
            for (var child = Operation; !ReferenceEquals(child, Scope) && child.Parent is { } parent; child = parent)
            {
                if (Names(parent, header))
                {
                    return true;
                }
                foreach (var sibling in parent.ChildOperations)
                {
                    if (!ReferenceEquals(sibling, child) && Mentions(sibling, header, pending))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>Whether <paramref name="operation"/> or anything below it names the header; a loop, not recursion, since expressions can nest thousands deep.</summary>
        private bool Mentions(IOperation operation, string header, Stack<IOperation> pending)
        {
            pending.Clear();
            pending.Push(operation);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (Names(next, header))
                {
                    return true;
                }
                foreach (var child in next.ChildOperations)
                {
                    pending.Push(child);
                }
            }
            return false;
        }

        private bool Names(IOperation operation, string header)
        {
            if (Protocol.HeaderMembers.Count > 0 && operation is IMemberReferenceOperation or IInvocationOperation
                && Protocol.HeaderMembers.TryGetValue((operation is IInvocationOperation call ? call.TargetMethod : ((IMemberReferenceOperation)operation).Member).OriginalDefinition, out var headers)
                && headers.Any(h => NameComparer.Instance.Equals(h, header)))
            {
                return true; // a stack's member that sets the header (SIPResponse.GetResponse adds Allow)
            }
            // Switching on the kind first spares an interface cast and a constant lookup on every operation.
            switch (operation.Kind)
            {
                case OperationKind.Binary when operation.Parent is IBinaryOperation { ConstantValue.HasValue: true }:
                    // Only the whole of a constant concatenation is a string the code uses; reading every partial
                    // sum of a long "a" + "b" + ... would cost the square of its length.
                    return false;
                case OperationKind.Literal:
                case OperationKind.NameOf:
                case OperationKind.Binary:
                case OperationKind.InterpolatedString:
                    return operation.ConstantValue is { HasValue: true, Value: string text } && IsHeaderText(text, header);
                case OperationKind.LocalReference:
                    return ((ILocalReferenceOperation)operation).Local is { IsConst: true, HasConstantValue: true, ConstantValue: string local }
                        && IsHeaderText(local, header);
                case OperationKind.FieldReference:
                    var field = ((IFieldReferenceOperation)operation).Field;
                    return NameComparer.Instance.Equals(field.Name, header)
                        || field is { IsConst: true, ConstantValue: string constant } && IsHeaderText(constant, header);
                case OperationKind.PropertyReference:
                case OperationKind.MethodReference:
                case OperationKind.EventReference:
                    return NameComparer.Instance.Equals(((IMemberReferenceOperation)operation).Member.Name, header);
                case OperationKind.Invocation:
                    return NameComparer.Instance.Equals(((IInvocationOperation)operation).TargetMethod.Name, header);
                default:
                    return false;
            }
        }

        /// <summary>"Allow", or a whole header line "Allow: INVITE, BYE".</summary>
        private static bool IsHeaderText(string text, string header)
        {
            if (NameComparer.Instance.Equals(text, header))
            {
                return true;
            }
            var colon = text.IndexOf(':');
            return colon > 0 && NameComparer.Instance.Equals(text.Substring(0, colon).Trim(), header);
        }

        /// <summary>Headers .editorconfig says a pipeline adds later: codebook.&lt;protocol&gt;.headers-added-elsewhere = Allow, Date.</summary>
        public HashSet<string> HeadersAddedElsewhere()
        {
            if (_cache.HeadersElsewhere is { } cached)
            {
                return cached;
            }
            var options = _context.Options.AnalyzerConfigOptionsProvider.GetOptions(Operation.Syntax.SyntaxTree);
            var names = new HashSet<string>(NameComparer.Instance);
            if (options.TryGetValue(Protocol.Index.HeadersAddedElsewhereOption, out var list))
            {
                foreach (var header in list.Split(','))
                {
                    if (header.Trim().Length > 0)
                    {
                        names.Add(header.Trim());
                    }
                }
            }
            return _cache.HeadersElsewhere = names;
        }

        /// <summary>The role sending this code: [Role] on the member, its types or the assembly, else .editorconfig.</summary>
        public Context RoleContext() => MemberCache().Role ??= FindRole();

        /// <summary>The block's cache, its member contexts cleared if this code sits in another member than the last.</summary>
        private ProtocolBlockCache MemberCache()
        {
            if (!ReferenceEquals(_cache.Member, _context.ContainingSymbol))
            {
                _cache.Member = _context.ContainingSymbol;
                _cache.RespondsTo = null;
                _cache.Role = null;
            }
            return _cache;
        }

        private Context FindRole()
        {
            if (Protocol.RoleAttribute is not null)
            {
                for (var symbol = _context.ContainingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    if (Protocol.RoleIn(symbol.GetAttributes()) is { } role)
                    {
                        return new Context(new[] { role }, $"[{Protocol.Model.Prefix}Role] on {symbol.Name}");
                    }
                }
                if (Protocol.AssemblyRole is { } assemblyRole)
                {
                    return new Context(new[] { assemblyRole }, $"[assembly: {Protocol.Model.Prefix}Role]");
                }
            }

            var options = _context.Options.AnalyzerConfigOptionsProvider.GetOptions(Operation.Syntax.SyntaxTree);
            if (options.TryGetValue(Protocol.Index.RoleOption, out var configured))
            {
                var token = Protocol.Model.Roles.FirstOrDefault(r => string.Equals(r.Token, configured.Trim(), System.StringComparison.OrdinalIgnoreCase))?.Token;
                if (token is not null)
                {
                    return new Context(new[] { token }, $"{Protocol.Index.RoleOption} in .editorconfig");
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
