using System;
using System.Linq;
using Xunit;

namespace Codebook.Tests.Catalogue;

/// <summary>The canonical catalogue: complete, valid, and faithful to its sources.</summary>
public class EmbeddedCatalogueTests
{
    private static readonly (Codebook.Catalogue.CatalogueModel Model, System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem> Problems) Embedded = CatalogueFixture.Compose();

    [Fact]
    public void Has_no_problems()
    {
        Assert.Empty(Embedded.Problems);
    }

    /// <summary>
    /// codes.model, the embedded catalogue composed ahead of time, is what composing codes.yaml gives: a project
    /// without codes.yaml reads it instead of the YAML. After an edit of codes.yaml, run the tests with
    /// CODEBOOK_ACCEPT_SNAPSHOTS=1 to write it again (until then the generator falls back to the YAML).
    /// </summary>
    [Fact]
    public void The_ready_model_is_the_composed_codes_yaml()
    {
        var path = Harness.TestPaths.Repository("src", "Codebook.Generators", "Catalogue", "codes.model");
        var expected = Codebook.Catalogue.CatalogueRecord.WriteReady(Codebook.Catalogue.EmbeddedCatalogue.Source.Text,
            new Codebook.Catalogue.ReadyCatalogue(Embedded.Model.Namespace, Embedded.Model.Protocols, Embedded.Model.BuiltIn));
        if (Environment.GetEnvironmentVariable(Harness.Snapshot.AcceptVariable) == "1")
        {
            System.IO.File.WriteAllText(path, expected);
        }
        Assert.True(System.IO.File.Exists(path) && System.IO.File.ReadAllText(path) == expected,
            $"{path} is not the composition of codes.yaml; run the tests with {Harness.Snapshot.AcceptVariable}=1 to write it");

        // The generator's copy is that file, and it is taken: without codes.yaml nothing parses YAML.
        var ready = Codebook.Catalogue.EmbeddedCatalogue.Ready;
        Assert.NotNull(ready);
        Assert.Equal(Embedded.Model.Protocols, ready!.Protocols);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Contoso.Codes")]
    [InlineData("not a namespace")]
    public void Without_project_files_the_ready_model_composes_as_the_yaml_does(string? namespaceOverride)
    {
        var ready = Codebook.Catalogue.EmbeddedCatalogue.Ready!;
        foreach (var references in new[] { System.Array.Empty<Codebook.Catalogue.RecordText>(), new[] { new Codebook.Catalogue.RecordText("Lib", Codebook.Catalogue.CatalogueRecord.Write("Lib", true, Embedded.Model.Protocols[0], null)) } })
        {
            var fromYaml = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
            var fromReady = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
            var slow = Codebook.Catalogue.CatalogueComposer.Compose(Codebook.Catalogue.EmbeddedCatalogue.Source, System.Array.Empty<Codebook.Catalogue.CatalogueSource>(), namespaceOverride, fromYaml, references);
            var fast = Codebook.Catalogue.CatalogueComposer.ComposeReady(ready, namespaceOverride, fromReady, references);
            Assert.Equal(slow, fast);
            Assert.Equal(fromYaml, fromReady);
        }
    }

    /// <summary>
    /// A project's codes.yaml makes composition parse only the embedded protocols it changes (with their parents
    /// and children) and take the others from the ready model: the result, problems included, is the whole YAML's.
    /// </summary>
    [Theory]
    [InlineData("use: [sip, rtsp]\nprotocols:\n  sip:\n    codes:\n      477: { reason: Send Failed, methods: [INVITE] }\n")]
    [InlineData("protocols:\n  sip:\n    codes:\n      477: { reason: Send Failed, methods: [INVITE] }\n")]
    [InlineData("protocols:\n  gb28181:\n    codes:\n      499: { reason: Other Failure }\n")]
    [InlineData("protocols:\n  mysip:\n    extends: sip\n    prefix: MySip\n")]
    [InlineData("protocols:\n  mysip:\n    extends: gb28181\n    prefix: Sip\n")]
    [InlineData("protocols:\n  rtsp:\n    prefix: Http\n")]
    [InlineData("protocols:\n  http:\n    extends: rtsp\n")]
    [InlineData("use: [http]\nstacks: { sipsorcery: false, nosuch: false }\n")]
    [InlineData("protocols:\n  rtsp:\n    methods: [DESCRIBE, SETUP, PLAY, TEARDOWN]\n  http:\n    roles: [server]\n")]
    [InlineData("stacks:\n  mystack:\n    sip:\n      status-types: [Contoso.SipCode]\n")]
    [InlineData("use: [sip, nosuch]\ninterop:\n  sip:\n    status-types: [Contoso.SipCode]\n")]
    [InlineData("namespace: Contoso.Codes\nprotocols:\n  rtsp2:\n    codes:\n      4xx: oops\n  sip: [\n")]
    [InlineData("stacks: { sipsorcery: true }\nprotocols:\n  rtsp:\n    extends: sip\n")]
    [InlineData("protocols:\n  sip:\n    generate: false\n")]
    [InlineData("protocols:\n  gb28181:\n    codes:\n      499: { reason: Other Failure }\n", "protocols:\n  sip:\n    codes:\n      477: { reason: Send Failed }\n  mysip: { extends: nosuch, prefix: Sip }\n")]
    public void With_project_files_composing_from_the_ready_model_is_composing_the_yaml(string file, string? second = null)
    {
        // Without them both compositions would take the YAML, and the comparison would compare nothing.
        Assert.NotNull(Codebook.Catalogue.EmbeddedCatalogue.Ready);
        Assert.NotNull(Codebook.Catalogue.EmbeddedCatalogue.Sections);
        var sip = Embedded.Model.Protocol("sip");
        foreach (var references in new[] { System.Array.Empty<Codebook.Catalogue.RecordText>(), new[] { new Codebook.Catalogue.RecordText("Lib", Codebook.Catalogue.CatalogueRecord.Write("Lib", true, sip, null)) } })
        {
            foreach (var namespaceOverride in new[] { null, "Contoso.Built" })
            {
                var files = new[] { new Codebook.Catalogue.CatalogueSource("/p/codes.yaml", file) }
                    .Concat(second is null ? Enumerable.Empty<Codebook.Catalogue.CatalogueSource>() : new[] { new Codebook.Catalogue.CatalogueSource("/p/b/codes.yaml", second) })
                    .ToArray();
                var fromYaml = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
                var fromReady = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
                var slow = Codebook.Catalogue.CatalogueComposer.Compose(Codebook.Catalogue.EmbeddedCatalogue.Source, files, namespaceOverride, fromYaml, references, fromReady: false);
                var fast = Codebook.Catalogue.CatalogueComposer.Compose(Codebook.Catalogue.EmbeddedCatalogue.Source, files, namespaceOverride, fromReady, references);
                Assert.Equal(slow, fast);
                Assert.Equal(fromYaml, fromReady);
            }
        }
    }

    /// <summary>What the comparison above cannot see: that a project's file really leaves the other protocols to the ready model.</summary>
    [Theory]
    [InlineData("use: [sip, rtsp]\nprotocols:\n  sip:\n    codes:\n      477: { reason: Send Failed }\n", "gb28181,sip")]
    [InlineData("protocols:\n  gb28181:\n    codes:\n      499: { reason: Other Failure }\n", "gb28181,sip")]
    [InlineData("protocols:\n  rtsp2:\n    prefix: R2\n", "rtsp2")]
    [InlineData("protocols:\n  mine: { extends: http, prefix: Mine }\n", "http")]
    [InlineData("namespace: Contoso\n", "")]
    public void A_project_file_parses_only_the_embedded_protocols_it_touches(string file, string parsed)
    {
        var document = Codebook.Catalogue.CatalogueParser.Parse(file, "/p/codes.yaml", new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>());
        var sections = Codebook.Catalogue.CatalogueComposer.SectionsToParse(Codebook.Catalogue.EmbeddedCatalogue.Sections!, Codebook.Catalogue.EmbeddedCatalogue.Ready!,
            new System.Collections.Generic.List<Codebook.Catalogue.CatalogueDocument> { document }, System.Array.Empty<string>());
        Assert.Equal(parsed, string.Join(",", sections.OrderBy(k => k, StringComparer.Ordinal)));
    }

    [Fact]
    public void The_embedded_protocols_are_found_by_their_lines()
    {
        var source = Codebook.Catalogue.EmbeddedCatalogue.Source;
        var sections = Codebook.Catalogue.EmbeddedSections.Of(source.Text);
        Assert.NotNull(sections);
        Assert.Equal(Embedded.Model.Protocols.Select(p => p.Key), sections!.Keys);
        var wholeProblems = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
        var whole = Codebook.Catalogue.CatalogueParser.Parse(source.Text, source.Path, wholeProblems);
        Assert.Empty(wholeProblems);
        foreach (var key in sections.Keys)
        {
            var problems = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
            var alone = Codebook.Catalogue.CatalogueParser.Parse(sections.Text(new[] { key }), source.Path, problems);
            Assert.Empty(problems);
            var entry = Assert.Single(alone.Protocols);
            var expected = whole.Protocols.Single(p => p.Key.Value == key);
            Assert.Equal(expected.Key, entry.Key);
            Assert.Equal(expected.Extends?.Value, sections.ExtendsOf(key));
            Assert.Equal(expected.Codes.Select(c => (c.Code, c.Reason)), entry.Codes.Select(c => (c.Code, c.Reason)));
            Assert.Equal(whole.Stacks.Select(s => s.Key), alone.Stacks.Select(s => s.Key));
            Assert.Empty(Codebook.Catalogue.CatalogueParser.Parse(sections.Text(new[] { key }, withStacks: false), source.Path, problems).Stacks);
        }
        Assert.Equal("sip", sections.ExtendsOf("gb28181"));

        // A checkout with CRLF line endings (the hash that keeps the ready model ignores them): the same sections,
        // and what is parsed from one is where it is in the whole file.
        var crlf = source.Text.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var crlfSections = Codebook.Catalogue.EmbeddedSections.Of(crlf);
        Assert.NotNull(crlfSections);
        Assert.Equal(sections.Keys, crlfSections!.Keys);
        var rtsp = Codebook.Catalogue.CatalogueParser.Parse(crlfSections.Text(new[] { "rtsp" }), source.Path, new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>()).Protocols.Single();
        var rtspWhole = whole.Protocols.Single(p => p.Key.Value == "rtsp");
        Assert.Equal(rtspWhole.Key.Range, rtsp.Key.Range);
        Assert.Equal(rtspWhole.Codes.Last().Code.Range, rtsp.Codes.Last().Code.Range);

        // Another layout gives no sections (the whole file is parsed, as always).
        Assert.Null(Codebook.Catalogue.EmbeddedSections.Of("protocols: { sip: { prefix: Sip } }\n"));
        Assert.Null(Codebook.Catalogue.EmbeddedSections.Of("protocols:\n  sip: { prefix: Sip }\n"));
        Assert.Null(Codebook.Catalogue.EmbeddedSections.Of("namespace: X\n"));
    }

    [Theory]
    [InlineData("sip", 75)]
    [InlineData("gb28181", 81)]
    [InlineData("rtsp", 44)]
    [InlineData("rtsp2", 49)]
    [InlineData("http", 63)]
    public void Ships_every_protocol_with_its_codes(string key, int count)
    {
        Assert.Equal(count, Embedded.Model.Protocol(key).Codes.Count);
    }

    [Fact]
    public void Sip_holds_the_whole_iana_registry()
    {
        var iana = new[]
        {
            100, 180, 181, 182, 183, 199, 200, 202, 204, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407,
            408, 410, 412, 413, 414, 415, 416, 417, 420, 421, 422, 423, 424, 425, 428, 429, 430, 433, 436, 437, 438, 439,
            440, 469, 470, 480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 491, 493, 494, 500, 501, 502, 503, 504, 505,
            513, 555, 580, 600, 603, 604, 606, 607, 608,
        };
        Assert.Equal(iana, Embedded.Model.Protocol("sip").Codes.Select(c => c.Value));
    }

    [Theory]
    [InlineData("sip", "en,zh-CN")]
    [InlineData("gb28181", "en,zh-CN")]
    [InlineData("rtsp", "en")]
    [InlineData("rtsp2", "en")]
    [InlineData("http", "en")]
    public void Every_code_has_user_and_engineer_messages(string key, string cultures)
    {
        foreach (var code in Embedded.Model.Protocol(key).Codes)
        {
            foreach (var culture in cultures.Split(','))
            {
                Assert.False(string.IsNullOrWhiteSpace(code.User.SingleOrDefault(m => m.Culture == culture)?.Text), $"{key} {code.Value} user {culture}");
                Assert.False(string.IsNullOrWhiteSpace(code.Engineer.SingleOrDefault(m => m.Culture == culture)?.Text), $"{key} {code.Value} engineer {culture}");
            }
        }
    }

    [Theory]
    [InlineData(120, "链路被断开", "目标设备或平台发送 Bye 消息断开链路")]
    [InlineData(301, "设备不在线", "设备不在线")]
    [InlineData(408, "响应超时", "Request Timeout,请求超时,请检查消息发送的目的地址和端口是否正确,以及请求的设备是否在线,若存在网闸,请检查网闸的连通性")]
    [InlineData(433, "外域平台返回错误消息 433,原因是用户没有权限", "权限检查失败,请核实平台用户组与设备组的授权是否正确")]
    [InlineData(434, "平台消息发送失败", "路由转发查找目的地址失败,请检查平台路由范围配置是否正确;若重启路由后未重启平台,请重启平台")]
    [InlineData(487, "错误消息 487,未得到最终响应,请求被撤销", "Request Terminated,请求被 BYE 或者 CANCEL 所终止。未得到最终响应,请求被撤销,请抓包,并联系厂家解决")]
    [InlineData(499, "平台产生 499 错误", "路由服务器未知异常,请保存日志,并反馈")]
    public void Gb28181_messages_are_the_platform_tables_words(int value, string user, string engineer)
    {
        var code = Embedded.Model.Protocol("gb28181").Code(value);
        Assert.Equal(user, code.User.Single(m => m.Culture == "zh-CN").Text);
        Assert.Equal(engineer, code.Engineer.Single(m => m.Culture == "zh-CN").Text);
    }

    [Fact]
    public void Gb28181_platform_codes_override_or_add_to_sip()
    {
        var gb = Embedded.Model.Protocol("gb28181");
        var sip = Embedded.Model.Protocol("sip");
        foreach (var value in new[] { 120, 301, 302, 303, 431, 432, 433, 434, 499 })
        {
            Assert.NotEqual(sip.Codes.SingleOrDefault(c => c.Value == value)?.Reason, gb.Code(value).Reason);
        }
        Assert.Equal(sip.Codes.Select(c => c.Value).Union(new[] { 120, 303, 431, 432, 434, 499 }).OrderBy(v => v), gb.Codes.Select(c => c.Value));
        Assert.Equal(sip.Methods, gb.Methods);
        Assert.Equal(sip.Code(487).AllowedMethods, gb.Code(487).AllowedMethods);
    }

    [Fact]
    public void Rules_of_the_protocols_are_encoded()
    {
        var sip = Embedded.Model.Protocol("sip");
        Assert.Equal(new[] { "ACK" }, sip.NoResponse);
        Assert.DoesNotContain("CANCEL", sip.Code(487).AllowedMethods);
        Assert.Equal(new[] { "INVITE" }, sip.Code(180).AllowedMethods);
        Assert.Equal(new[] { "uas" }, sip.Code(305).AllowedRoles);
        Assert.DoesNotContain("registrar", sip.Code(603).AllowedRoles);
        Assert.Equal("RFC 3261 §10.3", sip.Code(603).RoleRuleReference);
        Assert.Contains(sip.Code(401).Instead, s => s.When == "proxy" && s.Code == 407);
        Assert.NotNull(sip.Code(202).Deprecated);
        Assert.Equal(183, sip.UnknownTargets[0]);

        var rtsp = Embedded.Model.Protocol("rtsp");
        Assert.Equal(new[] { "PAUSE", "PLAY" }, rtsp.Code(457).AllowedMethods.OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal(new[] { "RECORD" }, rtsp.Code(201).AllowedMethods);
        Assert.Equal("RTSP Version Not Supported", rtsp.Code(505).Reason);
        Assert.Equal("RtspVersionNotSupported", rtsp.Code(505).Name);

        var rtsp2 = Embedded.Model.Protocol("rtsp2");
        Assert.Equal(302, rtsp2.UnknownTargets[2]);
        Assert.DoesNotContain(rtsp2.Codes, c => c.Value is 201 or 250 or 411);
        Assert.Contains("PLAY_NOTIFY", rtsp2.Methods.Select(m => m.Token));

        var http = Embedded.Model.Protocol("http");
        Assert.True(http.Code(200).Cacheable);
        Assert.Equal(new[] { "Allow" }, http.Code(405).Headers);
        Assert.Equal(500, http.OutOfRangeTarget);
    }

    [Theory]
    [InlineData("sip", 200, "Ok")]
    [InlineData("sip", 481, "CallTransactionDoesNotExist")]
    [InlineData("sip", 414, "RequestUriTooLong")]
    [InlineData("sip", 504, "ServerTimeOut")]
    [InlineData("rtsp", 414, "RequestUriTooLong")]
    [InlineData("http", 418, "Unused418")]
    public void Member_names_follow_the_naming_rule(string key, int value, string name)
    {
        Assert.Equal(name, Embedded.Model.Protocol(key).Code(value).Name);
    }
}
