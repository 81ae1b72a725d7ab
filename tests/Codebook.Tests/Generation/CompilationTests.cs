using System.Collections.Generic;
using System.Linq;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Codebook.Tests.Generation;

/// <summary>
/// The generated code compiles, with warnings as errors and documentation checked, in every kind of project a
/// user may have: netstandard2.0 (with and without System.Memory) and net472 under C# 7.3, net8.0, net10.0.
/// </summary>
public class CompilationTests
{
    /// <summary>A consumer that touches every generated API shape, so that its use compiles too.</summary>
    private const string Consumer = @"
using System.Globalization;
using Codebook;
using Codebook.Sip;
using Codebook.Rtsp;

[assembly: SipRole(SipRole.Uas)]

namespace Consumer
{
    /// <summary>Uses the API.</summary>
    public static class Use
    {
        /// <summary>Uses everything.</summary>
        [SipRespondsTo(SipMethod.Invite, SipMethod.Cancel)]
        public static string Everything()
        {
            SipStatusCode code;
            string reason;
            if (!SipStatusCodes.TryParseStatusLine(""SIP/2.0 487 Request Terminated"", out code, out reason)) return reason;
            StatusClass kind = code.GetStatusClass();
            bool flags = code.IsFinal() && code.IsClientError() && code.IsAllowedFor(SipMethod.Invite) && code.IsAllowedFrom(SipRole.Proxy) && !code.IsDeprecated();
            SipMethod method;
            SipMethods.TryParse(""INVITE"", out method);
            RtspStatusCode rtsp = RtspStatusCodes.FromValueOrClassDefault(457);
            return code.GetReasonPhrase() + kind + flags + method.ToToken() + code.ToUserMessage() + code.ToEngineerMessage(CultureInfo.InvariantCulture)
                + code.GetRequiredHeaders().Count + SipStatusCodes.All.Count + rtsp.GetReasonPhrase();
        }
    }
}";

    public static IEnumerable<object[]> Matrix()
    {
        foreach (var framework in TargetFramework.All)
        {
            yield return new object[] { framework.Name, "default" };
            yield return new object[] { framework.Name, "latest" };
        }
    }

    private static TargetFramework Framework(string name) => TargetFramework.All.Single(f => f.Name == name);

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Embedded_catalogue_compiles_without_warnings(string framework, string language)
    {
        var target = Framework(framework);
        var run = GeneratorHarness.Run(target, language == "latest" ? LanguageVersion.Latest : null, sources: new[] { Consumer });
        Assert.Equal(7, run.Sources.Count); // five protocols, StatusClass, and the catalogue recorded for other projects
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("netstandard2.0+System.Memory")]
    [InlineData("net10.0")]
    public void Internal_visibility_compiles_without_warnings(string framework)
    {
        var run = GeneratorHarness.Run(Framework(framework), properties: new Dictionary<string, string> { ["CodebookVisibility"] = "internal" },
            sources: new[] { Consumer.Replace("public static class Use", "internal static class Use") });
        Assert.Contains("internal enum SipStatusCode", run.Sources["SipStatusCode.g.cs"]);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("netstandard2.0", false)]
    [InlineData("netstandard2.0+System.Memory", true)]
    [InlineData("net472", false)]
    [InlineData("net10.0", true)]
    public void Span_overloads_exist_only_where_spans_do(string framework, bool expected)
    {
        var run = GeneratorHarness.Run(Framework(framework));
        Assert.Equal(expected, run.Sources["SipStatusCode.g.cs"].Contains("ReadOnlySpan<byte> line"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Nullable_directive_only_from_csharp_8()
    {
        Assert.DoesNotContain("#nullable", GeneratorHarness.Run(TargetFramework.NetStandard20).Sources["SipStatusCode.g.cs"]);
        Assert.Contains("#nullable enable", GeneratorHarness.Run(TargetFramework.Net100).Sources["SipStatusCode.g.cs"]);
    }

    [Fact]
    public void Namespace_comes_from_the_property_or_the_file()
    {
        var run = GeneratorHarness.Run(TargetFramework.Net100, properties: new Dictionary<string, string> { ["CodebookNamespace"] = "Contoso.Protocols" });
        Assert.Contains("namespace Contoso.Protocols.Sip", run.Sources["SipStatusCode.g.cs"]);
        Assert.Contains("namespace Contoso.Protocols", run.Sources["StatusClass.g.cs"]);
        Assert.Empty(run.CompilationProblems);

        run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", "namespace: Acme.Codes\nuse: [rtsp]\n") });
        Assert.Equal(new[] { "CodebookCatalogue.g.cs", "RtspStatusCode.g.cs", "StatusClass.g.cs" }, run.Sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Contains("namespace Acme.Codes.Rtsp", run.Sources["RtspStatusCode.g.cs"]);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_broken_catalogue_generates_what_is_valid_and_nothing_throws()
    {
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[]
        {
            ("/p/codes.yaml", "protocols:\n  sip:\n    codes:\n      498: { reason: Fine }\n      499: { colour: red }\n  broken: [\n"),
        });
        Assert.Empty(run.GeneratorDiagnostics); // the generator reports nothing; the catalogue analyzer does
        Assert.Equal(7, run.Sources.Count);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Hostile_text_stays_inside_its_literals()
    {
        var yaml = "protocols:\n  evil:\n    prefix: Evil\n    codes:\n" +
                   "      200:\n        reason: \"Quote \\\" backslash \\\\ brace } */ #if\"\n" +
                   "        user: { en: \"line\\nbreak\\u2028sep\\u202Ertl\\u200Bzw 😀 设备\" }\n" +
                   "      201: { reason: \"</summary> & <b>\", user: { en: \"<remarks>&\" } }\n";
        var run = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", yaml) },
            sources: new[] { "namespace C { /// <summary>R</summary>\n public static class R { /// <summary>R</summary>\n public static string Reason => Codebook.Evil.EvilStatusCodeExtensions.GetReasonPhrase(Codebook.Evil.EvilStatusCode.QuoteBackslashBraceIf); /// <summary>U</summary>\n public static string User => Codebook.Evil.EvilStatusCodeExtensions.ToUserMessage(Codebook.Evil.EvilStatusCode.QuoteBackslashBraceIf, System.Globalization.CultureInfo.InvariantCulture); } }" });
        Assert.Empty(run.CompilationProblems);
        var source = run.Sources["EvilStatusCode.g.cs"];
        Assert.Contains("\"Quote \\\" backslash \\\\ brace } */ #if\"", source);
        Assert.Contains("\\n", source);
        Assert.Contains("\\u2028", source);
        Assert.Contains("\\u202E", source);
        Assert.Contains("/// <summary>201 &lt;/summary&gt; &amp; &lt;b&gt;.</summary>", source);
        Assert.Contains("/// <remarks>&lt;remarks&gt;&amp;</remarks>", source);
        Assert.DoesNotContain('\u2028', source);
        Assert.DoesNotContain('\u202E', source);
        // The recorded catalogue carries the same text for other projects, escaped the same way.
        var record = run.Sources["CodebookCatalogue.g.cs"];
        Assert.Contains("Quote \\\" backslash \\\\ brace } */ #if", record);
        Assert.DoesNotContain('\u2028', record);
        Assert.DoesNotContain('\u202E', record);
        Assert.DoesNotContain('\n', record.TrimEnd('\n').Split('\n').Last());
    }
}
