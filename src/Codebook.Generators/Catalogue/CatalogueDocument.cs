using System.Collections.Generic;

namespace Codebook.Catalogue
{
    /// <summary>A value read from a catalogue file, with where it was written.</summary>
    internal readonly record struct Located<T>(T Value, SourceRange Range);

    /// <summary>
    /// One catalogue file as written: every field is optional (null = not written) so that a consumer's file can
    /// be laid over the embedded catalogue field by field. Lives only inside one composition; the generator's
    /// pipeline carries the resolved <see cref="CatalogueModel"/> instead.
    /// </summary>
    internal sealed class CatalogueDocument
    {
        public CatalogueDocument(string path) => Path = path;

        public string Path { get; }

        public Located<string>? Namespace { get; set; }

        public List<Located<string>>? Use { get; set; }

        public List<ProtocolEntry> Protocols { get; } = new();

        public List<InteropEntry> Interop { get; } = new();

        public List<StackEntry> Stacks { get; } = new();
    }

    /// <summary>
    /// A named stack under <c>stacks:</c>: its types mapped onto protocols (the embedded catalogue knows the
    /// stacks people use), or <c>false</c>/<c>true</c> to turn a stack of that name off or on again.
    /// </summary>
    internal sealed class StackEntry
    {
        public StackEntry(Located<string> key) => Key = key;

        public Located<string> Key { get; }

        public Located<bool>? Enabled { get; set; }

        public List<InteropEntry> Protocols { get; } = new();
    }

    /// <summary>Types and members of an existing stack that stand for a protocol's status codes and methods.</summary>
    internal sealed class InteropEntry
    {
        public InteropEntry(Located<string> protocol) => Protocol = protocol;

        public Located<string> Protocol { get; }

        public List<Located<string>> StatusTypes { get; } = new();

        public List<Located<string>> StatusMembers { get; } = new();

        public List<Located<string>> StatusConstants { get; } = new();

        public List<Located<string>> MethodTypes { get; } = new();

        public List<Located<string>> MethodMembers { get; } = new();

        /// <summary>A stack's request class per method: type name and the method token it stands for.</summary>
        public List<(Located<string> Type, Located<string> Method)> RequestTypes { get; } = new();

        /// <summary>Members that set or add a header: using one in a body counts as setting that header.</summary>
        public List<(Located<string> Header, Located<string> Member)> HeaderMembers { get; } = new();

        /// <summary>Helpers whose call sends a code of their own (<c>Results.NoContent</c> is 204).</summary>
        public List<(Located<string> Member, Located<string> Code)> ImpliedCodes { get; } = new();

        /// <summary>Calls that register a handler for one method (<c>MapGet</c>: GET); an empty method reads it from the arguments.</summary>
        public List<(Located<string> Member, Located<string> Method)> HandlerCalls { get; } = new();

        /// <summary>Attributes that say the method a handler answers (<c>[HttpGet]</c>, <c>[AcceptVerbs("GET")]</c>).</summary>
        public List<Located<string>> MethodAttributes { get; } = new();

        /// <summary>Classes whose <c>Is{Method}</c> methods test the request's method (<c>HttpMethods.IsGet</c>).</summary>
        public List<Located<string>> MethodTests { get; } = new();

        /// <summary>The role that sends a code given to this stack's status members and helpers, when nothing else says (ASP.NET Core: handler).</summary>
        public Located<string>? SinkRole { get; set; }

        /// <summary>Members that put content in the response: methods, properties, and parameters (<c>Results.Json(data)</c>).</summary>
        public List<Located<string>> ContentMembers { get; } = new();
    }

    internal sealed class ProtocolEntry
    {
        public ProtocolEntry(Located<string> key) => Key = key;

        public Located<string> Key { get; }

        /// <summary>Where a project file last laid changes over this protocol (null: as embedded).</summary>
        public Located<string>? ChangedAt { get; private set; }

        public Located<string>? Extends { get; set; }

        /// <summary><c>generate: false</c>: the analyzers check the protocol (on an existing stack), no types are generated.</summary>
        public Located<bool>? Generate { get; set; }

        public Located<string>? Prefix { get; set; }

        public Located<string>? Title { get; set; }

        public Located<string>? Reference { get; set; }

        public Located<int>? RangeMin { get; set; }

        public Located<int>? RangeMax { get; set; }

        public List<Located<string>>? Versions { get; set; }

        public List<Located<string>>? Methods { get; set; }

        public List<Located<string>>? NoResponse { get; set; }

        public List<Located<string>>? Roles { get; set; }

        /// <summary>Fallback per class digit (1..6) for unrecognised codes.</summary>
        public Dictionary<int, Located<int>> UnknownByClass { get; } = new();

        public Located<int>? UnknownOutOfRange { get; set; }

        public Dictionary<int, RuleEntry> Classes { get; } = new();

        public List<CodeEntry> Codes { get; } = new();

        public ProtocolEntry Clone(Located<string> key)
        {
            var copy = new ProtocolEntry(key);
            copy.LayOver(this);
            return copy;
        }

        /// <summary>Applies <paramref name="overlay"/> on top of this entry: what it writes wins, field by field.</summary>
        public void LayOver(ProtocolEntry overlay)
        {
            ChangedAt = EmbeddedCatalogue.IsInherited(overlay.Key.Range.Path) ? overlay.ChangedAt ?? ChangedAt : overlay.Key;
            Extends = overlay.Extends ?? Extends;
            Generate = overlay.Generate ?? Generate;
            Prefix = overlay.Prefix ?? Prefix;
            Title = overlay.Title ?? Title;
            Reference = overlay.Reference ?? Reference;
            RangeMin = overlay.RangeMin ?? RangeMin;
            RangeMax = overlay.RangeMax ?? RangeMax;
            Versions = overlay.Versions ?? Versions;
            Methods = overlay.Methods ?? Methods;
            NoResponse = overlay.NoResponse ?? NoResponse;
            Roles = overlay.Roles ?? Roles;
            UnknownOutOfRange = overlay.UnknownOutOfRange ?? UnknownOutOfRange;
            foreach (var pair in overlay.UnknownByClass)
            {
                UnknownByClass[pair.Key] = pair.Value;
            }

            foreach (var pair in overlay.Classes)
            {
                if (!Classes.TryGetValue(pair.Key, out var rule))
                {
                    Classes[pair.Key] = rule = new RuleEntry();
                }
                rule.LayOver(pair.Value);
            }

            var indexByCode = new Dictionary<int, int>();
            for (var i = 0; i < Codes.Count; i++)
            {
                indexByCode[Codes[i].Code.Value] = i;
            }

            foreach (var code in overlay.Codes)
            {
                var index = indexByCode.TryGetValue(code.Code.Value, out var at) ? at : -1;
                if (index < 0 || code.Replace)
                {
                    var copy = new CodeEntry(code.Code);
                    copy.LayOver(code);
                    if (index < 0)
                    {
                        indexByCode[code.Code.Value] = Codes.Count;
                        Codes.Add(copy);
                    }
                    else
                    {
                        Codes[index] = copy;
                    }
                }
                else
                {
                    Codes[index].LayOver(code);
                }
            }
        }
    }

    /// <summary>Method and role rules; written per code, or per class (`classes: { 6xx: ... }`).</summary>
    internal class RuleEntry
    {
        public List<Located<string>>? Methods { get; set; }

        public List<Located<string>>? NotMethods { get; set; }

        public List<Located<string>>? Emitters { get; set; }

        public List<Located<string>>? NotEmitters { get; set; }

        public Located<string>? Reference { get; set; }

        public void LayOver(RuleEntry overlay)
        {
            Methods = overlay.Methods ?? Methods;
            NotMethods = overlay.NotMethods ?? NotMethods;
            Emitters = overlay.Emitters ?? Emitters;
            NotEmitters = overlay.NotEmitters ?? NotEmitters;
            Reference = overlay.Reference ?? Reference;
        }
    }

    internal sealed class CodeEntry : RuleEntry
    {
        public CodeEntry(Located<int> code) => Code = code;

        public Located<int> Code { get; }

        public bool Replace { get; set; }

        public Located<string>? Reason { get; set; }

        /// <summary>A reason was written but is not text: already reported, so "no reason" is not reported again.</summary>
        public bool ReasonIsInvalid { get; set; }

        public Located<string>? Name { get; set; }

        public List<Located<string>>? Headers { get; set; }

        /// <summary>Null value: explicitly not deprecated; empty: deprecated without a reason; else the reason.</summary>
        public Located<string?>? Deprecated { get; set; }

        public List<KeyValuePair<Located<string>, Located<int>>>? Instead { get; set; }

        public Located<bool>? Cacheable { get; set; }

        /// <summary><c>content: false</c>: a response with this code carries no content (HTTP 204, 304, 1xx).</summary>
        public Located<bool>? Content { get; set; }

        /// <summary>User messages by culture, in the order written.</summary>
        public List<KeyValuePair<Located<string>, Located<string>>> User { get; } = new();

        public List<KeyValuePair<Located<string>, Located<string>>> Engineer { get; } = new();

        public void LayOver(CodeEntry overlay)
        {
            base.LayOver(overlay);
            Reason = overlay.Reason ?? Reason;
            ReasonIsInvalid = overlay.Reason is null ? ReasonIsInvalid || overlay.ReasonIsInvalid : false;
            Name = overlay.Name ?? Name;
            Headers = overlay.Headers ?? Headers;
            Deprecated = overlay.Deprecated ?? Deprecated;
            Instead = overlay.Instead ?? Instead;
            Cacheable = overlay.Cacheable ?? Cacheable;
            Content = overlay.Content ?? Content;
            MergeMessages(User, overlay.User);
            MergeMessages(Engineer, overlay.Engineer);
        }

        private static void MergeMessages(
            List<KeyValuePair<Located<string>, Located<string>>> target,
            List<KeyValuePair<Located<string>, Located<string>>> overlay)
        {
            foreach (var message in overlay)
            {
                var index = target.FindIndex(m => string.Equals(m.Key.Value, message.Key.Value, System.StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    target.Add(message);
                }
                else
                {
                    target[index] = message;
                }
            }
        }
    }
}
