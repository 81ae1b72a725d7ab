using System.Linq;

namespace Codebook.Catalogue
{
    /// <summary>
    /// The validated catalogue: what the generator emits and the analyzer checks against. Equatable all the way
    /// down and free of positions, so that an edit of codes.yaml that changes no meaning changes no value.
    /// </summary>
    /// <param name="Protocols">The protocols this project generates.</param>
    /// <param name="CheckedOnly">Protocols with <c>generate: false</c>: no types, only the analyzers' rules for an existing stack.</param>
    /// <param name="Referenced">Protocols referenced assemblies generated, used here instead of generating them again.</param>
    internal sealed record CatalogueModel(
        string Namespace,
        EquatableArray<ProtocolModel> Protocols,
        EquatableArray<InteropModel> Interop,
        EquatableArray<ProtocolModel> CheckedOnly,
        EquatableArray<ReferencedProtocol> Referenced,
        EquatableArray<InteropModel> BuiltIn)
    {
        /// <summary>The stack types this project's files map onto protocol <paramref name="key"/>, if any: what its record carries.</summary>
        public InteropModel? InteropFor(string key) => Interop.FirstOrDefault(i => i.Protocol == key);

        /// <summary>Everything checked as protocol <paramref name="key"/> here: the project's mappings and the built-in stacks it left on.</summary>
        public InteropModel? CheckedInteropFor(string key) => InteropModel.Merge(InteropFor(key), BuiltIn.FirstOrDefault(i => i.Protocol == key));
    }

    /// <summary>A stack the embedded catalogue knows (<c>stacks:</c>): its types mapped onto protocols.</summary>
    internal sealed record StackModel(string Key, EquatableArray<InteropModel> Protocols);

    /// <summary>
    /// A name that stands for one method: a request class (<c>Rtsp.Messages.RtspRequestPlay</c> is PLAY), or a call
    /// that registers a handler (<c>MapGet</c> is GET; an empty method: the call's string arguments name it).
    /// </summary>
    internal sealed record MappedMethod(string Name, string Method);

    /// <summary>A helper whose call sends <paramref name="Code"/> (<c>Microsoft.AspNetCore.Http.Results.NoContent</c>: 204).</summary>
    internal sealed record ImpliedCode(string Member, int Code);

    /// <summary>A stack's member that sets or adds <paramref name="Header"/> (<c>SIPResponse.GetResponse</c> adds Allow).</summary>
    internal sealed record HeaderMember(string Header, string Member);

    /// <summary>
    /// Foreign types mapped onto a protocol (docs/adopting.md): enums whose values are status codes, integer or
    /// string members and parameters that receive codes ("Type.Member", "Type.Method(parameter)"), classes whose
    /// constants name codes, enums whose member names are methods, members that hold a request's method,
    /// request classes that stand for one method, members that set a header, helpers whose call sends a code, and
    /// what says the method of a framework's handlers (the call that registers it, its attributes, method tests). Names are metadata names, resolved by the analyzer.
    /// </summary>
    internal sealed record InteropModel(
        string Protocol,
        EquatableArray<string> StatusTypes,
        EquatableArray<string> StatusMembers,
        EquatableArray<string> StatusConstants,
        EquatableArray<string> MethodTypes,
        EquatableArray<string> MethodMembers,
        EquatableArray<MappedMethod> RequestTypes,
        EquatableArray<HeaderMember> HeaderMembers,
        EquatableArray<ImpliedCode> ImpliedCodes,
        EquatableArray<MappedMethod> HandlerCalls,
        EquatableArray<string> MethodAttributes,
        EquatableArray<string> MethodTests,
        EquatableArray<string> ContentMembers,
        string SinkRole)
    {
        /// <summary>Nothing mapped yet: the start of a model built field by field.</summary>
        public static InteropModel Empty(string protocol) => new(protocol, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty,
            EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<MappedMethod>.Empty, EquatableArray<HeaderMember>.Empty,
            EquatableArray<ImpliedCode>.Empty, EquatableArray<MappedMethod>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "");

        /// <summary>Both mappings at once (either may be missing); names listed by both count once.</summary>
        public static InteropModel? Merge(InteropModel? first, InteropModel? second)
        {
            if (first is null || second is null)
            {
                return first ?? second;
            }
            static EquatableArray<T> Both<T>(EquatableArray<T> a, EquatableArray<T> b) where T : System.IEquatable<T> => a.Concat(b).Distinct().ToEquatableArray();
            return new InteropModel(first.Protocol, Both(first.StatusTypes, second.StatusTypes), Both(first.StatusMembers, second.StatusMembers),
                Both(first.StatusConstants, second.StatusConstants), Both(first.MethodTypes, second.MethodTypes), Both(first.MethodMembers, second.MethodMembers),
                Both(first.RequestTypes, second.RequestTypes), Both(first.HeaderMembers, second.HeaderMembers), Both(first.ImpliedCodes, second.ImpliedCodes),
                Both(first.HandlerCalls, second.HandlerCalls), Both(first.MethodAttributes, second.MethodAttributes), Both(first.MethodTests, second.MethodTests),
                Both(first.ContentMembers, second.ContentMembers), first.SinkRole.Length > 0 ? first.SinkRole : second.SinkRole);
        }
    }

    /// <param name="UnknownTargets">Per class 1..6 (index 0..5): the code an unrecognised code of that class maps to, 0 for none.</param>
    /// <param name="OutOfRangeTarget">The code a value outside [Min, Max] maps to.</param>
    /// <param name="Cultures">Every culture that has a message, <c>en</c> first when present.</param>
    internal sealed record ProtocolModel(
        string Key,
        string Prefix,
        string Title,
        string Reference,
        int Min,
        int Max,
        EquatableArray<string> Versions,
        EquatableArray<NamedToken> Methods,
        EquatableArray<string> NoResponse,
        EquatableArray<NamedToken> Roles,
        EquatableArray<int> UnknownTargets,
        int OutOfRangeTarget,
        EquatableArray<string> Cultures,
        EquatableArray<ClassRuleModel> ClassRules,
        EquatableArray<StatusCodeModel> Codes)
    {
        public bool HasMethods => Methods.Count > 0;

        public bool HasRoles => Roles.Count > 0;
    }

    /// <summary>A method or role as written in the catalogue (<c>SET_PARAMETER</c>) and its C# member name (<c>SetParameter</c>).</summary>
    internal sealed record NamedToken(string Token, string Member);

    /// <summary>The methods and roles a class rule leaves allowed, for codes the catalogue does not define.</summary>
    internal sealed record ClassRuleModel(int Class, EquatableArray<string> AllowedMethods, EquatableArray<string> AllowedRoles, string Reference);

    /// <param name="AllowedMethods">Declared methods (except no-response ones) this code may answer, code and class rules applied.</param>
    /// <param name="MethodRuleReference">The reference of the rule that restricts methods, empty when none does.</param>
    /// <param name="AllowedRoles">Declared roles that may send this code.</param>
    /// <param name="Deprecated">Null when current; otherwise why (possibly empty).</param>
    /// <param name="NoContent">A response with this code carries no content (<c>content: false</c>).</param>
    internal sealed record StatusCodeModel(
        int Value,
        string Name,
        string Reason,
        string Reference,
        EquatableArray<string> AllowedMethods,
        string MethodRuleReference,
        EquatableArray<string> AllowedRoles,
        string RoleRuleReference,
        EquatableArray<string> Headers,
        string? Deprecated,
        EquatableArray<Substitute> Instead,
        bool? Cacheable,
        bool NoContent,
        EquatableArray<Message> User,
        EquatableArray<Message> Engineer);

    internal sealed record Message(string Culture, string Text);

    /// <summary>Use <paramref name="Code"/> instead when replying to method, or sending as role, <paramref name="When"/>.</summary>
    internal sealed record Substitute(string When, int Code);
}
