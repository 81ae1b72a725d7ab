using System.Collections.Generic;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>
    /// A referenced protocol as a catalogue entry, so that a project can extend it (<c>extends: sip</c>) with the
    /// same composition as an embedded one. A rule that allows everything is left unwritten, and one that allows
    /// most is written as its exclusions, so that methods or roles the extending protocol adds are allowed too.
    /// </summary>
    internal static class ReferencedEntry
    {
        public static ProtocolEntry From(ReferencedProtocol referenced)
        {
            var p = referenced.Protocol;
            var range = new SourceRange(EmbeddedCatalogue.ReferencedPath(referenced.Assembly), new SourcePosition(1, 1), new SourcePosition(1, 1));
            Located<string> Text(string value) => new(value, range);
            Located<int> Number(int value) => new(value, range);
            List<Located<string>> Texts(IEnumerable<string> values) => values.Select(Text).ToList();

            var entry = new ProtocolEntry(Text(p.Key))
            {
                Prefix = Text(p.Prefix),
                Title = Text(p.Title),
                Reference = Text(p.Reference),
                RangeMin = Number(p.Min),
                RangeMax = Number(p.Max),
                Versions = Texts(p.Versions),
                Methods = Texts(p.Methods.Select(m => m.Token)),
                NoResponse = Texts(p.NoResponse),
                Roles = Texts(p.Roles.Select(r => r.Token)),
            };
            for (var digit = 1; digit <= 6 && digit <= p.UnknownTargets.Count; digit++)
            {
                if (p.UnknownTargets[digit - 1] != 0)
                {
                    entry.UnknownByClass[digit] = Number(p.UnknownTargets[digit - 1]);
                }
            }
            if (p.OutOfRangeTarget != 0)
            {
                entry.UnknownOutOfRange = Number(p.OutOfRangeTarget);
            }

            var answered = p.Methods.Select(m => m.Token).Where(m => !p.NoResponse.Contains(m)).ToList();
            var roles = p.Roles.Select(r => r.Token).ToList();
            // A rule is written as the catalogue most likely wrote it: a list of exclusions when it allows most
            // (so that a method or role the extending protocol adds is allowed too, as under not-methods), else the
            // list it allows. A code's rule is left to its class rule when that gives the same list and reference.
            (List<Located<string>>? Only, List<Located<string>>? Never) Rule(EquatableArray<string> allowed, List<string> all, string ruleReference, ClassRuleModel? classRule, EquatableArray<string>? byClass)
            {
                if (classRule is not null && byClass is { } classAllowed && !SameSet(classAllowed, all))
                {
                    return (SameSet(allowed, classAllowed) && ruleReference == classRule.Reference ? null : Texts(allowed), null);
                }
                if (SameSet(allowed, all) && ruleReference.Length == 0)
                {
                    return (null, null);
                }
                return allowed.Count * 2 > all.Count ? (null, Texts(all.Where(a => !allowed.Contains(a)))) : (Texts(allowed), null);
            }

            var classes = p.ClassRules.ToDictionary(r => r.Class);
            foreach (var rule in p.ClassRules)
            {
                var (methods, notMethods) = SameSet(rule.AllowedMethods, answered) ? (null, null) : Rule(rule.AllowedMethods, answered, rule.Reference, null, null);
                var (emitters, notEmitters) = SameSet(rule.AllowedRoles, roles) ? (null, null) : Rule(rule.AllowedRoles, roles, rule.Reference, null, null);
                entry.Classes[rule.Class] = new RuleEntry
                {
                    Methods = methods,
                    NotMethods = notMethods,
                    Emitters = emitters,
                    NotEmitters = notEmitters,
                    Reference = Text(rule.Reference),
                };
            }

            foreach (var code in p.Codes)
            {
                classes.TryGetValue(code.Value / 100, out var classRule);
                var (methods, notMethods) = Rule(code.AllowedMethods, answered, code.MethodRuleReference, classRule, classRule?.AllowedMethods);
                var (emitters, notEmitters) = Rule(code.AllowedRoles, roles, code.RoleRuleReference, classRule, classRule?.AllowedRoles);
                var written = new CodeEntry(Number(code.Value))
                {
                    Reason = Text(code.Reason),
                    Name = Text(code.Name),
                    Reference = code.Reference.Length > 0 ? Text(code.Reference) : null,
                    Methods = methods,
                    NotMethods = notMethods,
                    Emitters = emitters,
                    NotEmitters = notEmitters,
                    Headers = code.Headers.Count > 0 ? Texts(code.Headers) : null,
                    Deprecated = code.Deprecated is null ? null : new Located<string?>(code.Deprecated, range),
                    Instead = code.Instead.Count > 0
                        ? code.Instead.Select(s => new KeyValuePair<Located<string>, Located<int>>(Text(s.When), Number(s.Code))).ToList()
                        : null,
                    Cacheable = code.Cacheable is { } cacheable ? new Located<bool>(cacheable, range) : null,
                    Content = code.NoContent ? new Located<bool>(false, range) : null,
                };
                written.User.AddRange(code.User.Select(m => new KeyValuePair<Located<string>, Located<string>>(Text(m.Culture), Text(m.Text))));
                written.Engineer.AddRange(code.Engineer.Select(m => new KeyValuePair<Located<string>, Located<string>>(Text(m.Culture), Text(m.Text))));
                entry.Codes.Add(written);
            }
            return entry;
        }

        private static bool SameSet(IEnumerable<string> left, IEnumerable<string> right) =>
            new HashSet<string>(left).SetEquals(right);
    }
}
