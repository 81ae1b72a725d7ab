using System.Globalization;
using System.Linq;
using Codebook.Tests.Harness;
using Xunit;

namespace Codebook.Tests.Generation;

/// <summary>The same catalogue gives byte-identical output whatever the build machine's culture or line endings.</summary>
public class DeterminismTests
{
    private const string Catalogue = "namespace: Acme\nprotocols:\n  sip:\n    codes:\n      498:\n        reason: Invite Issue\n        user: { en: \"Info: İ ı\", tr-TR: \"İnce ayar\" }\n";

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("zh-CN")]
    [InlineData("")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var expected = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", Catalogue) }).Sources;
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var actual = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", Catalogue) }).Sources;
            Assert.Equal(expected, actual);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Output_does_not_depend_on_line_endings_or_a_byte_order_mark()
    {
        var lf = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", Catalogue) }).Sources;
        var crlf = GeneratorHarness.Run(TargetFramework.Net100, catalogues: new[] { ("/p/codes.yaml", "\uFEFF" + Catalogue.Replace("\n", "\r\n")) }).Sources;
        Assert.Equal(lf, crlf);
        Assert.Contains("Invite Issue", lf["SipStatusCode.g.cs"]);
        Assert.All(lf.Values, source => Assert.DoesNotContain("\r", source));
    }
}
