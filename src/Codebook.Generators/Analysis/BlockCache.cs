using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codebook.Analysis
{
    /// <summary>
    /// Contexts already worked out in one operation block (a member's body), per protocol: the codes of a block
    /// share its branches, its member and its file, so each is read once. Roslyn runs the operation actions of one
    /// block one after another, so plain collections do; nothing outlives the block.
    /// </summary>
    internal sealed class BlockCache
    {
        private readonly List<ProtocolBlockCache> _protocols = new(1);
        private readonly GeneratedCode _generated;
        private readonly ISymbol _owner;
        private bool? _isGenerated;

        public BlockCache(GeneratedCode generated, ISymbol owner, CallSites callSites)
        {
            _generated = generated;
            _owner = owner;
            CallSites = callSites;
        }

        /// <summary>Where the compilation's private and internal methods are called from (shared by every block).</summary>
        public CallSites CallSites { get; }

        /// <summary>A cache for reading the context of a call in another body (see <see cref="CallSites"/>).</summary>
        public BlockCache ForCallSite(ISymbol owner) => new(_generated, owner, CallSites);

        /// <summary>Whether the block is generated code, which is left alone; decided at its first status code.</summary>
        public bool IsGenerated(OperationAnalysisContext context) =>
            _isGenerated ??= _generated.Contains(_owner, context.Operation.Syntax.SyntaxTree, context.CancellationToken);

        public ProtocolBlockCache For(ProtocolSymbols protocol)
        {
            foreach (var cache in _protocols)
            {
                if (ReferenceEquals(cache.Protocol, protocol))
                {
                    return cache;
                }
            }
            var added = new ProtocolBlockCache(protocol);
            _protocols.Add(added);
            return added;
        }
    }

    /// <summary>One protocol's contexts in one block (see <see cref="BlockCache"/>).</summary>
    internal sealed class ProtocolBlockCache
    {
        public ProtocolBlockCache(ProtocolSymbols protocol) => Protocol = protocol;

        public ProtocolSymbols Protocol { get; }

        // A block has few branches; comparing references beats hashing operations here.
        private readonly List<(IOperation Branch, bool Else, MethodSet? Methods)> _branches = new();

        /// <summary>The methods a switch section, switch-expression arm or if branch (or its else) admits or leaves out, if read before.</summary>
        public bool TryGetBranch(IOperation branch, bool inElse, out MethodSet? methods)
        {
            foreach (var known in _branches)
            {
                if (ReferenceEquals(known.Branch, branch) && known.Else == inElse)
                {
                    methods = known.Methods;
                    return true;
                }
            }
            methods = null;
            return false;
        }

        public void AddBranch(IOperation branch, bool inElse, MethodSet? methods) => _branches.Add((branch, inElse, methods));

        private readonly List<(IOperation Statement, MethodSet? Methods)> _guards = new();

        /// <summary>The methods the guard clauses before a statement of a block leave for it (or leave out), if read before.</summary>
        public bool TryGetGuards(IOperation statement, out MethodSet? methods)
        {
            foreach (var known in _guards)
            {
                if (ReferenceEquals(known.Statement, statement))
                {
                    methods = known.Methods;
                    return true;
                }
            }
            methods = null;
            return false;
        }

        public void AddGuards(IOperation statement, MethodSet? methods) => _guards.Add((statement, methods));

        private readonly List<(ILocalSymbol Local, bool HoldsMethod)> _methodLocals = new();

        /// <summary>Whether a local only ever holds a request's method (<c>var method = request.Method;</c>), if read before.</summary>
        public bool TryGetMethodLocal(ILocalSymbol local, out bool holdsMethod)
        {
            foreach (var known in _methodLocals)
            {
                if (SymbolEqualityComparer.Default.Equals(known.Local, local))
                {
                    holdsMethod = known.HoldsMethod;
                    return true;
                }
            }
            holdsMethod = false;
            return false;
        }

        /// <summary>Records (or corrects) whether a local holds the method.</summary>
        public void SetMethodLocal(ILocalSymbol local, bool holdsMethod)
        {
            var index = _methodLocals.FindIndex(known => SymbolEqualityComparer.Default.Equals(known.Local, local));
            if (index < 0)
            {
                _methodLocals.Add((local, holdsMethod));
            }
            else
            {
                _methodLocals[index] = (local, holdsMethod);
            }
        }

        /// <summary>The member <see cref="RespondsTo"/> and <see cref="Role"/> were read for.</summary>
        public ISymbol? Member { get; set; }

        public Context? RespondsTo { get; set; }

        public Context? Role { get; set; }

        private IOperation? _mentionsBody;
        private readonly List<(string Header, bool Mentioned)> _mentions = new();

        /// <summary>Headers already searched for in <paramref name="body"/>, and whether it mentions them; cleared for another body.</summary>
        public List<(string Header, bool Mentioned)> MentionsIn(IOperation body)
        {
            if (!ReferenceEquals(_mentionsBody, body))
            {
                _mentionsBody = body;
                _mentions.Clear();
            }
            return _mentions;
        }

        private Stack<IOperation>? _pending;

        /// <summary>The work list of a search through a body, kept for the block's next search (a block's callbacks run one at a time).</summary>
        public Stack<IOperation> PendingOperations => _pending ??= new Stack<IOperation>();

        /// <summary>Headers .editorconfig says a pipeline adds for this block's file.</summary>
        public HashSet<string>? HeadersElsewhere { get; set; }
    }
}
