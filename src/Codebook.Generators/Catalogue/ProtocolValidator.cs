using System;
using System.Collections.Generic;
using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>
    /// Checks one resolved protocol and builds its <see cref="ProtocolModel"/>. Whatever is wrong is reported at
    /// the place it was written and left out, so the rest of the protocol is still generated.
    /// </summary>
    internal sealed class ProtocolValidator
    {
        private const int DefaultMin = 100;
        private const int DefaultMax = 699;

        private readonly ProtocolEntry _entry;
        private readonly List<CatalogueProblem> _problems;
        private readonly string _key;

        /// <summary>Problems inside the embedded catalogue, reported together at the project's change (see <see cref="ReportEmbeddedBreaks"/>).</summary>
        private readonly List<(string Id, string Message)> _embeddedBreaks = new();

        private Dictionary<string, string> _methods = new(StringComparer.Ordinal);
        private Dictionary<string, string> _roles = new(StringComparer.Ordinal);

        public ProtocolValidator(ProtocolEntry entry, List<CatalogueProblem> problems)
        {
            _entry = entry;
            _problems = problems;
            _key = entry.Key.Value;
        }

        public ProtocolModel? Build()
        {
            var model = Validate();
            ReportEmbeddedBreaks();
            return model;
        }

        private ProtocolModel? Validate()
        {
            var entry = _entry;
            if (!Naming.IsProtocolKey(_key))
            {
                Report(ProblemIds.InvalidEntry, entry.Key.Range, $"expected a protocol key of lower-case letters, digits, '-' or '_' (such as 'sip') but found '{_key}'");
                return null;
            }
            if (entry.Prefix is not { } prefix)
            {
                Report(ProblemIds.InvalidEntry, entry.Key.Range, $"protocol '{_key}' has no prefix; add one such as 'prefix: {Naming.ToPascalCase(_key)}' (it names the generated types)");
                return null;
            }
            if (!Naming.IsIdentifier(prefix.Value) || prefix.Value == "StatusClass")
            {
                Report(ProblemIds.InvalidEntry, prefix.Range, $"expected prefix to be a C# identifier such as 'Sip' (and not StatusClass, which every catalogue generates) but found '{prefix.Value}'");
                return null;
            }

            var min = entry.RangeMin?.Value ?? DefaultMin;
            var max = entry.RangeMax?.Value ?? DefaultMax;
            if (min < 100 || max > 999)
            {
                Report(ProblemIds.InvalidEntry, entry.RangeMin?.Range ?? entry.Key.Range, $"expected range within [100, 999] (three-digit status codes) but found [{min}, {max}]");
                min = Math.Max(min, 100);
                max = Math.Min(max, 999);
            }

            var methods = Tokens(entry.Methods, "method", out _methods);
            var roles = Tokens(entry.Roles, "role", out _roles);
            var noResponse = new List<string>();
            foreach (var method in References(entry.NoResponse, _methods, "no-response", "method"))
            {
                if (noResponse.Contains(method))
                {
                    Report(ProblemIds.Duplicate, entry.NoResponse!.First(m => m.Value == method).Range, $"no-response lists method '{method}' twice");
                    continue;
                }
                noResponse.Add(method);
            }

            var versions = new List<string>();
            foreach (var version in entry.Versions ?? new List<Located<string>>())
            {
                if (version.Value.Length == 0 || version.Value.Any(c => c <= ' ' || c > '~'))
                {
                    Report(ProblemIds.InvalidEntry, version.Range, $"expected a version token of printable ASCII without spaces (such as 'SIP/2.0') but found '{version.Value}'");
                }
                else if (!versions.Contains(version.Value, StringComparer.OrdinalIgnoreCase))
                {
                    versions.Add(version.Value);
                }
            }

            var classRules = new Dictionary<int, ClassRule>();
            var methodsAnswered = methods.Select(m => m.Token).Where(m => !noResponse.Contains(m)).ToList();
            var roleNames = roles.Select(r => r.Token).ToList();
            var classDigits = new List<int>(entry.Classes.Keys);
            classDigits.Sort();
            foreach (var digit in classDigits)
            {
                var rule = entry.Classes[digit];
                var allowedMethods = Apply(methodsAnswered, rule.Methods, rule.NotMethods, _methods, "method");
                var allowedRoles = Apply(roleNames, rule.Emitters, rule.NotEmitters, _roles, "role");
                classRules[digit] = new ClassRule(allowedMethods, allowedRoles, rule.Reference?.Value ?? "",
                    rule.Methods is not null || rule.NotMethods is not null, rule.Emitters is not null || rule.NotEmitters is not null);
            }

            var codes = new List<StatusCodeModel>();
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            var defined = new HashSet<int>(entry.Codes.Select(c => c.Code.Value).Where(v => v >= min && v <= max));
            var values = new HashSet<int>();
            var suggested = new List<Located<int>>();
            foreach (var code in entry.Codes.OrderBy(c => c.Code.Value))
            {
                if (!values.Add(code.Code.Value))
                {
                    // "404" and "0404" are different keys but the same code.
                    Report(ProblemIds.Duplicate, code.Code.Range, $"code {code.Code.Value} is written twice in protocol '{_key}'");
                    continue;
                }
                var model = BuildCode(code, min, max, methodsAnswered, roleNames, classRules, defined, suggested);
                if (model is null)
                {
                    continue;
                }
                if (names.TryGetValue(model.Name, out var other))
                {
                    Report(ProblemIds.Duplicate, (code.Name ?? code.Reason)?.Range ?? code.Code.Range,
                        $"code {model.Value} would be named '{model.Name}', like code {other}; set a distinct 'name'");
                    continue;
                }
                names[model.Name] = model.Value;
                codes.Add(model);
            }

            var definedCodes = new HashSet<int>(codes.Select(c => c.Value));
            // A suggested code written but left out for a problem of its own: said where it is suggested, and no
            // longer suggested, rather than pointing at a code that does not exist.
            var leftOut = suggested.Where(target => !definedCodes.Contains(target.Value)).ToList();
            foreach (var target in leftOut)
            {
                Report(ProblemIds.UndeclaredReference, target.Range, $"instead suggests code {target.Value}, whose own entry has a problem (reported there) and is left out");
            }
            for (var i = 0; leftOut.Count > 0 && i < codes.Count; i++)
            {
                codes[i] = codes[i] with { Instead = codes[i].Instead.Where(s => definedCodes.Contains(s.Code)).ToEquatableArray() };
            }
            var unknownTargets = new int[6];
            for (var digit = 1; digit <= 6; digit++)
            {
                if (entry.UnknownByClass.TryGetValue(digit, out var target))
                {
                    if (target.Value / 100 != digit)
                    {
                        Report(ProblemIds.InvalidEntry, target.Range, $"expected a {digit}xx code as the fallback for unknown {digit}xx codes but found {target.Value}");
                    }
                    else if (!definedCodes.Contains(target.Value))
                    {
                        Report(ProblemIds.UndeclaredReference, target.Range, $"the fallback code {target.Value} is not defined in protocol '{_key}'");
                    }
                    else
                    {
                        unknownTargets[digit - 1] = target.Value;
                        continue;
                    }
                }
                if (definedCodes.Contains(digit * 100))
                {
                    unknownTargets[digit - 1] = digit * 100;
                }
            }

            var outOfRange = 0;
            if (entry.UnknownOutOfRange is { } written)
            {
                if (definedCodes.Contains(written.Value))
                {
                    outOfRange = written.Value;
                }
                else
                {
                    Report(ProblemIds.UndeclaredReference, written.Range, $"the out-of-range fallback code {written.Value} is not defined in protocol '{_key}'");
                }
            }
            if (outOfRange == 0)
            {
                // Nothing said: a server error if the protocol has one, else the highest class default, else any code.
                outOfRange = definedCodes.Contains(500) ? 500 : Enumerable.Reverse(unknownTargets).FirstOrDefault(t => t != 0);
                if (outOfRange == 0 && codes.Count > 0)
                {
                    outOfRange = codes[0].Value;
                }
            }

            var cultures = codes.SelectMany(c => c.User.Concat(c.Engineer)).Select(m => m.Culture)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(c => string.Equals(c, "en", StringComparison.OrdinalIgnoreCase) ? 0 : c.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ? 1 : 2)
                .ToList();

            var classModels = new List<ClassRuleModel>();
            foreach (var digit in classDigits)
            {
                var rule = classRules[digit];
                if (rule.RestrictsMethods || rule.RestrictsRoles)
                {
                    classModels.Add(new ClassRuleModel(digit, rule.Methods.ToEquatableArray(), rule.Roles.ToEquatableArray(), rule.Reference));
                }
            }

            return new ProtocolModel(
                _key,
                prefix.Value,
                entry.Title?.Value ?? prefix.Value,
                entry.Reference?.Value ?? "",
                min,
                max,
                versions.ToEquatableArray(),
                methods.ToEquatableArray(),
                noResponse.ToEquatableArray(),
                roles.ToEquatableArray(),
                unknownTargets.ToEquatableArray(),
                outOfRange,
                cultures.ToEquatableArray(),
                classModels.ToEquatableArray(),
                codes.ToEquatableArray());
        }

        private StatusCodeModel? BuildCode(
            CodeEntry code,
            int min,
            int max,
            List<string> methodsAnswered,
            List<string> roleNames,
            Dictionary<int, ClassRule> classRules,
            HashSet<int> defined,
            List<Located<int>> suggested)
        {
            var value = code.Code.Value;
            if (value < min || value > max)
            {
                Report(ProblemIds.InvalidEntry, code.Code.Range, $"code {value} is outside protocol '{_key}''s range [{min}, {max}]");
                return null;
            }
            if (code.Reason is not { } reason || reason.Value.Length == 0)
            {
                if (code.ReasonIsInvalid)
                {
                    return null;
                }
                Report(ProblemIds.InvalidEntry, code.Code.Range, $"code {value} has no reason; add 'reason: <the reason phrase>'");
                return null;
            }
            if (reason.Value.IndexOfAny(new[] { '\r', '\n' }) >= 0)
            {
                Report(ProblemIds.InvalidEntry, reason.Range, $"the reason of code {value} spans several lines; a reason phrase is one line of a status line");
                return null;
            }

            string name;
            if (code.Name is { } explicitName)
            {
                if (!Naming.IsIdentifier(explicitName.Value))
                {
                    Report(ProblemIds.InvalidEntry, explicitName.Range, $"expected name to be a C# identifier such as 'RequestTerminated' but found '{explicitName.Value}'");
                    return null;
                }
                name = explicitName.Value;
            }
            else
            {
                name = Naming.ToPascalCase(reason.Value);
                if (!Naming.IsIdentifier(name))
                {
                    Report(ProblemIds.InvalidEntry, reason.Range, $"no C# name can be made from the reason '{reason.Value}' of code {value}; add 'name: <identifier>'");
                    return null;
                }
            }

            var allowedMethods = Apply(methodsAnswered, code.Methods, code.NotMethods, _methods, "method");
            var allowedRoles = Apply(roleNames, code.Emitters, code.NotEmitters, _roles, "role");
            var methodReference = code.Methods is not null || code.NotMethods is not null ? code.Reference?.Value ?? "" : "";
            var roleReference = code.Emitters is not null || code.NotEmitters is not null ? code.Reference?.Value ?? "" : "";
            if (classRules.TryGetValue(value / 100, out var classRule))
            {
                if (classRule.RestrictsMethods && allowedMethods.Except(classRule.Methods).Any())
                {
                    allowedMethods = allowedMethods.Intersect(classRule.Methods).ToList();
                    methodReference = methodReference.Length > 0 ? methodReference : classRule.Reference;
                }
                if (classRule.RestrictsRoles && allowedRoles.Except(classRule.Roles).Any())
                {
                    allowedRoles = allowedRoles.Intersect(classRule.Roles).ToList();
                    roleReference = roleReference.Length > 0 ? roleReference : classRule.Reference;
                }
            }

            var headers = new List<string>();
            foreach (var header in code.Headers ?? new List<Located<string>>())
            {
                if (header.Value.Length == 0 || header.Value.Any(c => c <= ' ' || c > '~' || c == ':'))
                {
                    Report(ProblemIds.InvalidEntry, header.Range, $"expected a header name such as 'Allow' but found '{header.Value}'");
                }
                else if (!headers.Contains(header.Value, StringComparer.OrdinalIgnoreCase))
                {
                    headers.Add(header.Value);
                }
            }

            var instead = new List<Substitute>();
            foreach (var pair in code.Instead ?? new List<KeyValuePair<Located<string>, Located<int>>>())
            {
                if (!_methods.ContainsKey(pair.Key.Value) && !_roles.ContainsKey(pair.Key.Value))
                {
                    Report(ProblemIds.UndeclaredReference, pair.Key.Range, $"instead names '{pair.Key.Value}', which is neither a method nor a role of protocol '{_key}'");
                }
                else if (!defined.Contains(pair.Value.Value))
                {
                    Report(ProblemIds.UndeclaredReference, pair.Value.Range, $"instead suggests code {pair.Value.Value}, which is not defined in protocol '{_key}'");
                }
                else
                {
                    instead.Add(new Substitute(pair.Key.Value, pair.Value.Value));
                    suggested.Add(pair.Value);
                }
            }

            return new StatusCodeModel(
                value,
                name,
                reason.Value,
                code.Reference?.Value ?? "",
                allowedMethods.ToEquatableArray(),
                methodReference,
                allowedRoles.ToEquatableArray(),
                roleReference,
                headers.ToEquatableArray(),
                code.Deprecated?.Value,
                instead.ToEquatableArray(),
                code.Cacheable?.Value,
                code.Content is { Value: false },
                Messages(code.User),
                Messages(code.Engineer));
        }

        /// <summary>What a class's entry (such as 6xx) allows its codes, before a code narrows it further.</summary>
        private sealed record ClassRule(List<string> Methods, List<string> Roles, string Reference, bool RestrictsMethods, bool RestrictsRoles);

        private static EquatableArray<Message> Messages(List<KeyValuePair<Located<string>, Located<string>>> messages) =>
            messages.Select(m => new Message(m.Key.Value, m.Value.Value)).ToEquatableArray();

        /// <summary>Declared methods or roles with their member names; duplicates and unusable names are reported.</summary>
        private List<NamedToken> Tokens(List<Located<string>>? written, string kind, out Dictionary<string, string> byToken)
        {
            byToken = new Dictionary<string, string>(StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<NamedToken>();
            foreach (var token in written ?? new List<Located<string>>())
            {
                var member = Naming.ToPascalCase(token.Value);
                if (token.Value.Any(c => c <= ' ' || c > '~') || !Naming.IsIdentifier(member))
                {
                    Report(ProblemIds.InvalidEntry, token.Range, $"expected a {kind} token of printable ASCII letters, digits, '-' or '_' (such as 'INVITE') but found '{token.Value}'");
                }
                else if (byToken.ContainsKey(token.Value) || !members.Add(member))
                {
                    Report(ProblemIds.Duplicate, token.Range, $"{kind} '{token.Value}' is declared twice (as C# member '{member}')");
                }
                else
                {
                    byToken[token.Value] = member;
                    result.Add(new NamedToken(token.Value, member));
                }
            }
            return result;
        }

        private IEnumerable<string> References(List<Located<string>>? written, Dictionary<string, string> declared, string key, string kind)
        {
            foreach (var item in written ?? new List<Located<string>>())
            {
                if (declared.ContainsKey(item.Value))
                {
                    yield return item.Value;
                }
                else
                {
                    Report(ProblemIds.UndeclaredReference, item.Range, declared.Count == 0
                        ? $"{key} names {kind} '{item.Value}', but protocol '{_key}' declares no {kind}s"
                        : $"{key} names {kind} '{item.Value}', which protocol '{_key}' does not declare; declared: {string.Join(", ", declared.Keys)}");
                }
            }
        }

        /// <summary>Everything in <paramref name="all"/>, narrowed to <paramref name="only"/> when written, minus <paramref name="never"/>.</summary>
        private List<string> Apply(List<string> all, List<Located<string>>? only, List<Located<string>>? never, Dictionary<string, string> declared, string kind)
        {
            var result = new List<string>(all);
            if (only is not null)
            {
                var kept = new HashSet<string>(References(only, declared, kind == "method" ? "methods" : "emitters", kind), StringComparer.Ordinal);
                result.RemoveAll(m => !kept.Contains(m));
            }
            if (never is not null)
            {
                var removed = new HashSet<string>(References(never, declared, kind == "method" ? "not-methods" : "not-emitters", kind), StringComparer.Ordinal);
                result.RemoveAll(removed.Contains);
            }
            return result;
        }

        private void Report(string id, SourceRange range, string message)
        {
            // A problem inside the embedded catalogue (or a referenced one) can only come from a project file's changes
            // to this protocol (a shorter range, a replaced methods list): reported where the project made them.
            if (EmbeddedCatalogue.IsInherited(range.Path) && _entry.ChangedAt is not null)
            {
                _embeddedBreaks.Add((id, message));
                return;
            }
            _problems.Add(new CatalogueProblem(id, message, range));
        }

        /// <summary>
        /// All the embedded entries one change breaks, in one problem per kind at the change: they share its place,
        /// and one problem each would be cut to the first when problems are reported once per place.
        /// </summary>
        private void ReportEmbeddedBreaks()
        {
            const int Listed = 5;
            if (_entry.ChangedAt is not { } changedAt)
            {
                return; // nothing is relocated without a change to point at
            }
            foreach (var kind in _embeddedBreaks.GroupBy(b => b.Id))
            {
                var messages = kind.Select(b => b.Message).Distinct().ToList();
                var text = string.Join("; ", messages.Take(Listed)) + (messages.Count > Listed ? $"; and {messages.Count - Listed} more" : "");
                _problems.Add(new CatalogueProblem(kind.Key, $"the changes to protocol '{_key}' here break the embedded catalogue: {text}", changedAt.Range));
            }
        }
    }
}
