using System.Linq;
using Codebook.Catalogue;
using Xunit;

namespace Codebook.Tests.Catalogue;

public class NamingTests
{
    [Theory]
    [InlineData("OK", "Ok")]
    [InlineData("Call/Transaction Does Not Exist", "CallTransactionDoesNotExist")]
    [InlineData("Request-URI Too Long", "RequestUriTooLong")]
    [InlineData("RTSP Version Not Supported", "RtspVersionNotSupported")]
    [InlineData("SET_PARAMETER", "SetParameter")]
    [InlineData("I'm a teapot", "ImATeapot")]
    [InlineData("(Unused)", "Unused")]
    [InlineData("3GPP Failure", "_3gppFailure")]
    [InlineData("设备不在线", "设备不在线")]
    [InlineData("!!!", "")]
    public void ToPascalCase_makes_member_names(string text, string expected)
    {
        Assert.Equal(expected, Naming.ToPascalCase(text));
    }

    [Fact]
    public void ToPascalCase_ignores_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("InfoInvite", Naming.ToPascalCase("INFO INVITE"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Reserved_keywords_are_Roslyns()
    {
        var roslyns = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetReservedKeywordKinds().Select(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText).ToHashSet();

        Assert.Equal(roslyns.OrderBy(k => k, System.StringComparer.Ordinal), Naming.ReservedKeywords.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.False(Naming.IsIdentifier("class"));
        Assert.False(Naming.IsIdentifier("__makeref"));
        Assert.True(Naming.IsIdentifier("record")); // contextual keywords are identifiers
        Assert.True(Naming.IsIdentifier("Class"));
    }
}
