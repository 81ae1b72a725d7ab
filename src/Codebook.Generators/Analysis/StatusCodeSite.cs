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
    /// <summary>The request methods or roles a code is sent for, as far as its surroundings say.</summary>
    /// <param name="Explanation">Where the context came from, when the message must say it: what is left of every method
    /// once some are ruled out (the else of <c>m == INVITE</c>), or the callers of the method the code is in. Built
    /// only there, since a context is read for every code sent.</param>
    internal readonly record struct Context(IReadOnlyList<string> Tokens, string? Explanation = null)
    {
        public bool IsKnown => Tokens is { Count: > 0 };

        /// <summary>"CANCEL" or "CANCEL or BYE"; a long list is cut short, and a complement says where it came from.</summary>
        public string Name(IReadOnlyList<string> tokens) =>
            (tokens.Count > 4 ? string.Join(", ", tokens.Take(3)) + $" and {tokens.Count - 3} other methods" : string.Join(" or ", tokens))
            + (Explanation is null ? "" : $" ({Explanation})");
    }

    /// <summary>Methods a branch admits, or (<paramref name="Excluded"/>) the methods it rules out.</summary>
    internal sealed record MethodSet(IReadOnlyList<string> Tokens, bool Excluded);

    /// <summary>
    /// A constant status code in the user's code, and what surrounds it: whether it is sent (an argument, a return
    /// value, an assignment, an initializer) or only read (a comparison, a pattern, a lookup), which request
    /// method it answers and which role sends it. This file decides where a code goes and whether it is sent; the
    /// method it answers is in StatusCodeSite.Methods.cs, the role in .Roles.cs, what the response carries in .Response.cs.
    /// </summary>
    internal sealed partial class StatusCodeSite
    {
        private readonly OperationAnalysisContext _context;
        private readonly ProtocolBlockCache _cache;
        private readonly BlockCache _block;

        /// <summary>The member (or lambda, local function) the code is in, whose attributes and callers give context.</summary>
        private readonly ISymbol _owner;

        /// <summary>How many calls up from the code this site is: a call site stands in for the code when its method is read from its callers.</summary>
        private readonly int _depth;

        /// <param name="implied">The code is implied by the helper called at <paramref name="operation"/> (<c>Results.NoContent()</c>).</param>
        public StatusCodeSite(OperationAnalysisContext context, BlockCache cache, ProtocolSymbols protocol, IOperation operation, int value, bool implied = false)
            : this(context, cache, protocol, operation, value, implied, context.ContainingSymbol, depth: 0)
        {
        }

        private StatusCodeSite(OperationAnalysisContext context, BlockCache cache, ProtocolSymbols protocol, IOperation operation, int value, bool implied, ISymbol owner, int depth)
        {
            Implied = implied;
            _context = context;
            _block = cache;
            _owner = owner;
            _depth = depth;
            _cache = cache.For(protocol);
            Protocol = protocol;
            Operation = operation;
            Value = value;
        }

        public ProtocolSymbols Protocol { get; }

        /// <summary>A helper's call that sends a code of its own: it is the response, whether returned, stored or passed on.</summary>
        public bool Implied { get; }

        /// <summary>The code goes into a stack's status member or helper (interop status-members, implied-codes).</summary>
        public bool ViaSink { get; init; }

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
            Report(descriptor, instead?.Member, Protocol.Describe(Value), context.Name(refused),
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
                ? foreign.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && CodebookSymbols.AsCode(f.ConstantValue) == code)?.Name
                : null;
        }

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
    }
}
