using System;
using System.Collections.Generic;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>Which stack's types stand for what: interop entries and the built-in stacks turned into models.</summary>
    internal static partial class CatalogueComposer
    {
        /// <summary>
        /// One protocol's mappings from every entry that names it; names trimmed, blanks and repeats dropped. A
        /// built-in stack's method or role that the project's protocol no longer has is dropped without a word
        /// (the project took it away); a project's own is a problem at the name.
        /// </summary>
        /// <param name="protocol">The protocol, to check request-types' methods against; null when the project does not have it.</param>
        private static InteropModel ToInteropModel(string key, ProtocolModel? protocol, IEnumerable<InteropEntry> entries, List<CatalogueProblem> found)
        {
            var list = entries.ToList();
            EquatableArray<string> Names(Func<InteropEntry, List<Located<string>>> names) =>
                list.SelectMany(names).Select(n => n.Value.Trim()).Where(n => n.Length > 0).Distinct().ToEquatableArray();
            EquatableArray<MappedMethod> Methods(Func<InteropEntry, List<(Located<string>, Located<string>)>> pairs, string field, bool fromArguments)
            {
                var mapped = new List<MappedMethod>();
                foreach (var (name, method) in list.SelectMany(pairs))
                {
                    var written = method.Value.Trim();
                    if (protocol is null || (fromArguments && written.Length == 0))
                    {
                        mapped.Add(new MappedMethod(name.Value.Trim(), written));
                    }
                    else if (protocol.Methods.FirstOrDefault(m => string.Equals(m.Token, written, StringComparison.OrdinalIgnoreCase)) is { } token)
                    {
                        mapped.Add(new MappedMethod(name.Value.Trim(), token.Token));
                    }
                    else if (!EmbeddedCatalogue.IsInherited(method.Range.Path))
                    {
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"{field} maps '{name.Value}' to '{method.Value}', which is not a method of protocol '{protocol.Key}'; its methods: {string.Join(", ", protocol.Methods.Select(m => m.Token))}",
                            method.Range));
                    }
                }
                return mapped.Distinct().ToEquatableArray();
            }
            string SinkRole()
            {
                Located<string>? chosen = null;
                foreach (var role in list.Select(i => i.SinkRole).OfType<Located<string>>())
                {
                    if (protocol is not null && !protocol.Roles.Any(r => r.Token == role.Value.Trim()))
                    {
                        if (EmbeddedCatalogue.IsInherited(role.Range.Path))
                        {
                            continue; // a built-in stack's role the project's protocol took away: the mapping does not apply
                        }
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"sink-role names '{role.Value}', which is not a role of protocol '{protocol.Key}'; its roles: {string.Join(", ", protocol.Roles.Select(r => r.Token))}", role.Range));
                    }
                    else if (chosen is null)
                    {
                        chosen = role;
                    }
                    else if (chosen.Value.Value.Trim() != role.Value.Trim())
                    {
                        // Written twice for one protocol (two files, or interop and a stack): say which one counts.
                        found.Add(new CatalogueProblem(ProblemIds.Duplicate,
                            $"sink-role for protocol '{key}' is already '{chosen.Value.Value.Trim()}' (at {chosen.Value.Range}); '{role.Value.Trim()}' here is not used", role.Range));
                    }
                }
                return chosen?.Value.Trim() ?? "";
            }
            var implied = new List<ImpliedCode>();
            foreach (var (member, code) in list.SelectMany(i => i.ImpliedCodes))
            {
                if (int.TryParse(code.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 100 and <= 999)
                {
                    implied.Add(new ImpliedCode(member.Value.Trim(), value));
                }
                else
                {
                    found.Add(new CatalogueProblem(ProblemIds.InvalidEntry, $"expected the status code '{member.Value}' sends, a number such as 204, but found '{code.Value}'", code.Range));
                }
            }
            return InteropModel.Empty(key) with
            {
                StatusTypes = Names(i => i.StatusTypes),
                StatusMembers = Names(i => i.StatusMembers),
                StatusConstants = Names(i => i.StatusConstants),
                MethodTypes = Names(i => i.MethodTypes),
                MethodMembers = Names(i => i.MethodMembers),
                RequestTypes = Methods(i => i.RequestTypes, "request-types", fromArguments: false),
                HeaderMembers = list.SelectMany(i => i.HeaderMembers).Select(h => new HeaderMember(h.Header.Value.Trim(), h.Member.Value.Trim())).Distinct().ToEquatableArray(),
                ImpliedCodes = implied.Distinct().ToEquatableArray(),
                HandlerCalls = Methods(i => i.HandlerCalls, "handler-calls", fromArguments: true),
                MethodAttributes = Names(i => i.MethodAttributes),
                MethodTests = Names(i => i.MethodTests),
                ContentMembers = Names(i => i.ContentMembers),
                SinkRole = SinkRole(),
            };
        }

        /// <summary>The stacks the embedded catalogue knows, their methods checked against the protocols this project has.</summary>
        private static EquatableArray<StackModel> StackModels(
            CatalogueDocument embedded, List<string> declared, List<ProtocolModel> known, List<CatalogueProblem> found)
        {
            var stacks = new List<StackModel>();
            foreach (var stack in embedded.Stacks)
            {
                var mapped = new List<InteropModel>();
                foreach (var group in stack.Protocols.GroupBy(i => i.Protocol.Value))
                {
                    if (!declared.Contains(group.Key))
                    {
                        found.Add(new CatalogueProblem(ProblemIds.UndeclaredReference,
                            $"stack '{stack.Key.Value}' maps types onto protocol '{group.Key}', which the catalogue does not declare", group.First().Protocol.Range));
                        continue;
                    }
                    mapped.Add(ToInteropModel(group.Key, known.FirstOrDefault(m => m.Key == group.Key), group, found));
                }
                stacks.Add(new StackModel(stack.Key.Value, mapped.ToEquatableArray()));
            }
            return stacks.ToEquatableArray();
        }

        /// <summary>
        /// The built-in stacks' mappings, per protocol, for the protocols this project knows; a stack turned off
        /// (<c>stacks: { sipsorcery: false }</c>) is left out. A stack's protocol the project does not have (its
        /// <c>use:</c> left it out) is simply not checked: nothing the project wrote asked for it.
        /// </summary>
        private static EquatableArray<InteropModel> BuiltIn(EquatableArray<StackModel> stacks, Dictionary<string, Located<bool>> switches, List<ProtocolModel> known)
        {
            var merged = new List<InteropModel>();
            foreach (var stack in stacks)
            {
                if (switches.TryGetValue(stack.Key, out var enabled) && !enabled.Value)
                {
                    continue;
                }
                foreach (var interop in stack.Protocols.Where(i => known.Any(m => m.Key == i.Protocol)))
                {
                    var index = merged.FindIndex(m => m.Protocol == interop.Protocol);
                    if (index < 0)
                    {
                        merged.Add(interop);
                    }
                    else
                    {
                        merged[index] = InteropModel.Merge(merged[index], interop)!;
                    }
                }
            }
            return merged.ToEquatableArray();
        }
    }
}
