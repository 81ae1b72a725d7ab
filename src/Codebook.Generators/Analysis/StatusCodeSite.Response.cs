using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>What the response a code is sent with carries: the headers its body sets, and content sent with a code that carries none.</summary>
    internal sealed partial class StatusCodeSite
    {
        /// <summary>
        /// True when the member body around this code mentions the required header <paramref name="header"/>: a
        /// string equal to it or starting with "header:", or a member named like it (see <see cref="NameComparer"/>).
        /// Only what can run on the code's path counts: a header set in the other branch of an <c>if</c>, another
        /// <c>case</c> or another arm does not. Searched outward from the code (its own statement, then each
        /// enclosing one), once per innermost branch and header: codes in one branch see the same mentions.
        /// </summary>
        public bool MethodMentions(string header)
        {
            var known = _cache.MentionsIn(InnermostBranch());
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
                    if (SetsCode(statement))
                    {
                        return null; // another code replaces this one before anything is written
                    }
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

        /// <summary>
        /// A statement that sends another code: an assignment to a status member, or a variable given a code again
        /// (a status value, or a helper's result that implies one). A local given any other call's result
        /// (<c>json = Serialize(item)</c>) is content being made, not another code.
        /// </summary>
        private bool SetsCode(IOperation statement) =>
            statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && (assignment.Target is IMemberReferenceOperation member && Protocol.StatusSinks.Contains(member.Member.OriginalDefinition)
                || assignment.Target is ILocalReferenceOperation && (Protocol.IsStatusType(assignment.Target.Type)
                    || assignment.Value is IInvocationOperation call && Protocol.ImpliedCodes.ContainsKey(call.TargetMethod.OriginalDefinition)));

        /// <summary>A null or default constant: no content.</summary>
        private static bool IsNothing(IOperation value)
        {
            value = Unwrap(value);
            return value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null };
        }

        /// <summary>
        /// The content member a statement uses (<c>WriteAsync</c>, <c>Body</c>), if any, on the path every run takes:
        /// not inside a later if, switch or loop, which may set another code first.
        /// </summary>
        private string? WritesContent(IOperation statement)
        {
            if (statement is IConditionalOperation or ISwitchOperation or ILoopOperation or ITryOperation or IUsingOperation)
            {
                return null;
            }
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
            var pending = _cache.PendingOperations;
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
                    if (!ReferenceEquals(sibling, child) && !IsOtherBranch(parent, child, sibling) && Mentions(sibling, header, pending))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>Whether <paramref name="sibling"/> runs only when <paramref name="child"/> does not: the other branch, case or arm.</summary>
        private static bool IsOtherBranch(IOperation parent, IOperation child, IOperation sibling) => parent switch
        {
            IConditionalOperation conditional => !ReferenceEquals(sibling, conditional.Condition) && (ReferenceEquals(child, conditional.WhenTrue) || ReferenceEquals(child, conditional.WhenFalse)),
            ISwitchOperation => child is ISwitchCaseOperation && sibling is ISwitchCaseOperation,
            ISwitchExpressionOperation => child is ISwitchExpressionArmOperation && sibling is ISwitchExpressionArmOperation,
            _ => false,
        };

        /// <summary>The innermost branch (then or else, case, arm) around the code, else its body: where the searches are kept.</summary>
        private IOperation InnermostBranch()
        {
            for (var child = Operation; !ReferenceEquals(child, Scope) && child.Parent is { } parent; child = parent)
            {
                if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition) || parent is ISwitchOperation or ISwitchExpressionOperation)
                {
                    return child;
                }
            }
            return Scope;
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
    }
}
