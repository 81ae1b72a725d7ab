using System.Linq;
using Microsoft.CodeAnalysis;

namespace Codebook.Analysis
{
    /// <summary>Which role sends a code: [Role] on the member, its types or the assembly, else .editorconfig.</summary>
    internal sealed partial class StatusCodeSite
    {
        /// <summary>The role sending this code: [Role] on the member, its types or the assembly, else .editorconfig.</summary>
        public Context RoleContext()
        {
            var role = MemberCache().Role ??= FindRole();
            // A code given to a framework's status member is sent by a handler, when nothing above says otherwise.
            return !role.IsKnown && ViaSink && Protocol.SinkRole is { } sinkRole
                ? new Context(new[] { sinkRole })
                : role;
        }

        /// <summary>The block's cache, its member contexts cleared if this code sits in another member than the last.</summary>
        private ProtocolBlockCache MemberCache()
        {
            if (!ReferenceEquals(_cache.Member, _owner))
            {
                _cache.Member = _owner;
                _cache.RespondsTo = null;
                _cache.Role = null;
            }
            return _cache;
        }

        private Context FindRole()
        {
            if (Protocol.RoleAttribute is not null)
            {
                for (var symbol = _owner; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
                {
                    if (Protocol.RoleIn(symbol.GetAttributes()) is { } role)
                    {
                        return new Context(new[] { role });
                    }
                }
                if (Protocol.AssemblyRole is { } assemblyRole)
                {
                    return new Context(new[] { assemblyRole });
                }
            }

            var options = _context.Options.AnalyzerConfigOptionsProvider.GetOptions(Operation.Syntax.SyntaxTree);
            if (options.TryGetValue(Protocol.Index.RoleOption, out var configured))
            {
                var token = Protocol.Model.Roles.FirstOrDefault(r => string.Equals(r.Token, configured.Trim(), System.StringComparison.OrdinalIgnoreCase))?.Token;
                if (token is not null)
                {
                    return new Context(new[] { token });
                }
            }
            return default;
        }
    }
}
