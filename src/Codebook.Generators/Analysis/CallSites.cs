using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>
    /// Where the compilation's private and internal methods are called from, so that a code inside a handler learns
    /// the method from the dispatcher that calls it (<c>case OPTIONS: ProcessOptions(request);</c>). Worked out only
    /// when a code in such a method has no method of its own, once per method and protocol per compilation: the
    /// private ones by reading their type's declarations, the internal ones through one index of the names every
    /// file calls.
    /// </summary>
    internal sealed class CallSites
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<(ISymbol Method, ProtocolSymbols Protocol, int Depth), Context> _contexts = new();
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
        private readonly Lazy<bool> _internalsVisibleElsewhere;

        public CallSites(Compilation compilation)
        {
            _compilation = compilation;
            _internalsVisibleElsewhere = new Lazy<bool>(() => compilation.Assembly.GetAttributes()
                .Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InternalsVisibleToAttribute"));
        }

        /// <summary>
        /// The union of the contexts <paramref name="contextAt"/> gives at every use of <paramref name="method"/>, or
        /// nothing known when one use is not a call (a method group handed elsewhere), a call's context is unknown,
        /// or the method can be called from outside what this compilation sees.
        /// </summary>
        /// <param name="depth">How many calls up the asking code already is: the answer depends on how far up the callers may be followed.</param>
        public Context ContextOf(IMethodSymbol method, ProtocolSymbols protocol, int depth, CancellationToken cancellationToken, Func<IOperation, ISymbol, Context> contextAt) =>
            _contexts.GetOrAdd((method.OriginalDefinition, protocol, depth), _ => Find(method.OriginalDefinition, protocol, cancellationToken, contextAt));

        private Context Find(IMethodSymbol method, ProtocolSymbols protocol, CancellationToken cancellationToken, Func<IOperation, ISymbol, Context> contextAt)
        {
            if (!CanOnlyBeCalledHere(method))
            {
                return default;
            }
            var tokens = new List<string>();
            var calls = 0;
            foreach (var name in Uses(method))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = _models.GetOrAdd(name.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
                // The operation, not the symbol info: a method group given as a Delegate has only candidates there.
                var use = name.Parent switch
                {
                    InvocationExpressionSyntax invocation => model.GetOperation(invocation, cancellationToken),
                    MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Name == name => model.GetOperation(invocation, cancellationToken),
                    _ => model.GetOperation(name, cancellationToken),
                };
                var target = use switch
                {
                    IInvocationOperation invoked => invoked.TargetMethod,
                    IMethodReferenceOperation referenced => referenced.Method,
                    _ => model.GetSymbolInfo(name, cancellationToken).Symbol,
                };
                if (!SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, method))
                {
                    continue; // another member of the same name
                }
                // A call; or app.MapGet("/items", GetItems): a handler registered for a method is called for that method.
                var call = use is IInvocationOperation || use is IMethodReferenceOperation reference && IsRegistered(reference, protocol) ? use : null;
                if (call is null || model.GetEnclosingSymbol(name.SpanStart, cancellationToken) is not { } caller)
                {
                    return default; // used other than by a direct call: a delegate may be called from anywhere
                }
                var context = contextAt(call, caller);
                if (!context.IsKnown)
                {
                    return default;
                }
                calls++;
                foreach (var token in context.Tokens)
                {
                    if (!tokens.Contains(token))
                    {
                        tokens.Add(token);
                    }
                }
            }
            return calls == 0 ? default : new Context(tokens, $"{method.Name} is called only where the method is {string.Join(" or ", tokens)}");
        }

        /// <summary>A method group given to a call that registers a handler for a method (interop handler-calls), through its conversions.</summary>
        private static bool IsRegistered(IMethodReferenceOperation reference, ProtocolSymbols protocol)
        {
            IOperation operation = reference;
            while (operation.Parent is IDelegateCreationOperation or IConversionOperation)
            {
                operation = operation.Parent;
            }
            return operation.Parent is IArgumentOperation { Parent: IInvocationOperation registration }
                && protocol.HandlerCalls.ContainsKey(registration.TargetMethod.OriginalDefinition);
        }

        /// <summary>A private or internal method that nothing outside this compilation can call: not virtual, not an interface's.</summary>
        private bool CanOnlyBeCalledHere(IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsVirtual || method.IsOverride || method.IsAbstract
                || method.IsExtern || !method.ExplicitInterfaceImplementations.IsEmpty || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }
            if (method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private)
            {
                return true;
            }
            if (method.DeclaredAccessibility != Accessibility.Internal || _internalsVisibleElsewhere.Value)
            {
                return false;
            }
            // An internal method may still implement a public interface's member for its type.
            return !method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name))
                .Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));
        }

        /// <summary>The names that may refer to <paramref name="method"/>: in its type's declarations (private, local), else anywhere.</summary>
        private IEnumerable<SimpleNameSyntax> Uses(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private)
            {
                var scope = method.MethodKind == MethodKind.LocalFunction ? method.ContainingSymbol : method.ContainingType;
                return scope.DeclaringSyntaxReferences
                    .SelectMany(reference => NamesIn(reference.SyntaxTree, method.Name).Where(name => reference.Span.Contains(name.Span)));
            }
            return _compilation.SyntaxTrees.SelectMany(tree => NamesIn(tree, method.Name));
        }

        private static IEnumerable<SimpleNameSyntax> NamesIn(SyntaxTree tree, string name) =>
            s_namesByTree.GetValue(tree, IndexNames).TryGetValue(name, out var names) ? names : Enumerable.Empty<SimpleNameSyntax>();

        private static bool IsDeclaration(SimpleNameSyntax name) => name.Parent is NameColonSyntax || name.Parent is NameEqualsSyntax;

        /// <summary>
        /// Each file's simple names by their text, built the first time a private or internal method in it needs its callers. Kept
        /// per syntax tree, which the next compilation reuses for every file not edited: in an IDE, a keystroke
        /// indexes the one file it changed.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, List<SimpleNameSyntax>>> s_namesByTree = new();

        private static Dictionary<string, List<SimpleNameSyntax>> IndexNames(SyntaxTree tree)
        {
            var index = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (IsDeclaration(name))
                {
                    continue;
                }
                var text = name.Identifier.ValueText;
                if (!index.TryGetValue(text, out var list))
                {
                    index[text] = list = new List<SimpleNameSyntax>();
                }
                list.Add(name);
            }
            return index;
        }
    }
}
