using System.Linq;
using Xunit;

namespace Codebook.Tests.Catalogue;

/// <summary>The merge rules of a project's codes.yaml over the embedded catalogue (documented in README).</summary>
public class CompositionTests
{
    [Fact]
    public void Without_a_project_file_every_embedded_protocol_is_generated()
    {
        var (model, problems) = CatalogueFixture.Compose();
        Assert.Empty(problems);
        Assert.Equal(new[] { "sip", "gb28181", "rtsp", "rtsp2", "http" }, model.Protocols.Select(p => p.Key));
        Assert.Equal("Codebook", model.Namespace);
    }

    [Fact]
    public void A_project_that_narrows_a_protocol_leaves_out_the_built_in_mappings_that_no_longer_apply()
    {
        // SharpRTSP's request class for REDIRECT, and ASP.NET Core's sink role 'handler', name a method and a role
        // this project took away: the built-in mapping just does not apply (it was an error with no place in the project).
        var (model, problems) = CatalogueFixture.Compose(
            "protocols:\n" +
            "  rtsp:\n" +
            "    methods: [DESCRIBE, ANNOUNCE, GET_PARAMETER, OPTIONS, PAUSE, PLAY, RECORD, SETUP, SET_PARAMETER, TEARDOWN]\n");

        Assert.Empty(problems);
        var rtsp = model.BuiltIn.Single(i => i.Protocol == "rtsp");
        Assert.Contains(rtsp.RequestTypes, m => m.Method == "PLAY");
        Assert.DoesNotContain(rtsp.RequestTypes, m => m.Method == "REDIRECT");

        (model, problems) = CatalogueFixture.Compose("protocols:\n  http:\n    roles: [origin, proxy]\n    classes: { 1xx: { not-emitters: [] } }\n");
        Assert.DoesNotContain(problems, p => p.Message.Contains("sink-role"));
        Assert.Equal("", model.BuiltIn.Single(i => i.Protocol == "http").SinkRole);
    }

    [Fact]
    public void Use_selects_embedded_protocols()
    {
        var (model, problems) = CatalogueFixture.Compose("use: [rtsp2, sip]\n");
        Assert.Empty(problems);
        Assert.Equal(new[] { "sip", "rtsp2" }, model.Protocols.Select(p => p.Key));
    }

    [Fact]
    public void Use_of_a_child_does_not_need_its_parent_generated()
    {
        var (model, problems) = CatalogueFixture.Compose("use: [gb28181]\n");
        Assert.Empty(problems);
        Assert.Equal("gb28181", Assert.Single(model.Protocols).Key);
        Assert.Equal(81, model.Protocols[0].Codes.Count);
    }

    [Fact]
    public void A_project_file_adds_codes_and_overrides_fields_and_messages()
    {
        var (model, problems) = CatalogueFixture.Compose(
            "namespace: Contoso.Telephony\n" +
            "protocols:\n" +
            "  sip:\n" +
            "    codes:\n" +
            "      499: { reason: Policy Rejected, emitters: [proxy], user: { en: Blocked by policy. } }\n" +
            "      486:\n" +
            "        reason: Busy Right Now\n" +
            "        user: { en: Everyone is busy. }\n");
        Assert.Empty(problems);
        Assert.Equal("Contoso.Telephony", model.Namespace);
        var sip = model.Protocol("sip");
        Assert.Equal(new[] { "proxy" }, sip.Code(499).AllowedRoles);
        var busy = sip.Code(486);
        Assert.Equal("Busy Right Now", busy.Reason);
        Assert.Equal("BusyRightNow", busy.Name);
        Assert.Equal("Everyone is busy.", busy.User.Single(m => m.Culture == "en").Text);
        Assert.Contains(busy.User, m => m.Culture == "zh-CN"); // untouched cultures are kept
        Assert.Equal("RFC 3261 §21.4.24", busy.Reference); // untouched fields are kept
        // gb28181 defines its own 499, which wins over what it inherits from sip.
        Assert.Equal("Routing Server Unknown Exception", model.Protocol("gb28181").Code(499).Reason);
    }

    [Fact]
    public void Children_see_additions_to_their_parent()
    {
        var (model, _) = CatalogueFixture.Compose("protocols:\n  sip:\n    codes:\n      498: { reason: Custom Failure }\n");
        Assert.Equal("Custom Failure", model.Protocol("gb28181").Code(498).Reason);
    }

    [Fact]
    public void Replace_discards_the_inherited_entry()
    {
        var (model, problems) = CatalogueFixture.Compose("protocols:\n  sip:\n    codes:\n      405: { replace: true, reason: Not Here }\n");
        Assert.Empty(problems);
        var code = model.Protocol("sip").Code(405);
        Assert.Empty(code.Headers);
        Assert.Empty(code.User);
        Assert.Equal("", code.Reference);
    }

    [Fact]
    public void A_project_declares_new_protocols_that_extend_embedded_ones()
    {
        var (model, problems) = CatalogueFixture.Compose(
            "use: []\n" +
            "protocols:\n" +
            "  acme-sip:\n" +
            "    extends: sip\n" +
            "    prefix: AcmeSip\n" +
            "    roles: [uas, proxy, registrar, redirect, b2bua]\n" +
            "    codes:\n" +
            "      499: { reason: Acme Failure, not-emitters: [b2bua] }\n");
        Assert.Empty(problems);
        var acme = Assert.Single(model.Protocols);
        Assert.Equal("AcmeSip", acme.Prefix);
        Assert.Equal(76, acme.Codes.Count);
        Assert.Equal(new[] { "uas", "proxy", "registrar", "redirect" }, acme.Code(499).AllowedRoles);
        Assert.Contains("b2bua", acme.Code(200).AllowedRoles);
    }

    [Fact]
    public void Several_project_files_are_laid_over_in_path_order()
    {
        var (model, problems) = CatalogueFixture.ComposeFiles(
            ("/b/codes.yaml", "protocols:\n  sip:\n    codes:\n      499: { reason: From B }\n"),
            ("/a/codes.yaml", "protocols:\n  sip:\n    codes:\n      499: { reason: From A, reference: A }\n"));
        Assert.Empty(problems);
        var code = model.Protocol("sip").Code(499);
        Assert.Equal("From B", code.Reason);
        Assert.Equal("A", code.Reference);
    }

    [Fact]
    public void The_namespace_property_wins_over_the_file()
    {
        var problems = new System.Collections.Generic.List<Codebook.Catalogue.CatalogueProblem>();
        var model = Codebook.Catalogue.EmbeddedCatalogue.Compose(
            new[] { new Codebook.Catalogue.CatalogueSource("/p/codes.yaml", "namespace: FromFile\n") }, "FromProperty", problems);
        Assert.Equal("FromProperty", model.Namespace);
        Assert.Empty(problems);
    }

    [Fact]
    public void Prefix_clash_is_CB0003()
    {
        var (model, problems) = CatalogueFixture.Compose("protocols:\n  sip2:\n    extends: sip\n");
        var problem = Assert.Single(problems);
        Assert.Equal("CB0003", problem.Id);
        Assert.Contains("prefix 'Sip'", problem.Message);
        Assert.DoesNotContain(model.Protocols, p => p.Key == "sip2");
    }
}

public class InteropCatalogueTests
{
    [Fact]
    public void Interop_entries_are_merged_per_protocol()
    {
        var (model, problems) = CatalogueFixture.ComposeFiles(
            ("/a/codes.yaml", "interop:\n  sip:\n    status-types: [A.Status]\n"),
            ("/b/codes.yaml", "interop:\n  sip:\n    status-types: [B.Status]\n    method-members: [B.Request.Method]\n"));
        Assert.Empty(problems);
        var interop = Assert.Single(model.Interop);
        Assert.Equal(new[] { "A.Status", "B.Status" }, interop.StatusTypes);
        Assert.Equal(new[] { "B.Request.Method" }, interop.MethodMembers);
    }

    [Fact]
    public void Interop_mistakes_are_located()
    {
        var (_, problems) = CatalogueFixture.Compose("interop:\n  sipp:\n    status-types: [A.Status]\n  sip:\n    status-kinds: [X]\n    method-types: A.Method\n");
        Assert.Contains(problems, p => p.Id == "CB0004" && p.Range.Start.Line == 2 && p.Message.Contains("interop names protocol 'sipp'"));
        Assert.Contains(problems, p => p.Id == "CB0002" && p.Range.Start.Line == 5 && p.Message.Contains("unknown key 'status-kinds'"));
        Assert.Contains(problems, p => p.Id == "CB0002" && p.Range.Start.Line == 6 && p.Message.Contains("expected method-types to be a list"));
    }
}
