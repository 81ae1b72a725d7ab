using System;
using System.Linq;
using System.Text.RegularExpressions;
using Codebook.Testing;
using Codebook.Tests.Stacks;
using Xunit;

namespace Codebook.PackageTests;

/// <summary>
/// Projects built on a stack Codebook knows, with the package added and nothing else: no codes.yaml, no interop.
/// A SIP stack as a separate library without Codebook (as a NuGet package of it would be), and ASP.NET Core.
/// </summary>
[Collection(PackageCollection.Name)]
public class StackTests
{
    private readonly PackageFixture _package;

    public StackTests(PackageFixture package) => _package = package;

    private const string Program = """
        using System;
        using SIPSorcery.SIP;

        var request = new SIPRequest { Method = SIPMethodsEnum.CANCEL };
        Console.WriteLine(App.Handler.OnRequest(request).Status);

        namespace App
        {
            public static class Handler
            {
                public static SIPResponse OnRequest(SIPRequest sipRequest)
                {
                    switch (sipRequest.Method)
                    {
                        case SIPMethodsEnum.CANCEL:
                            return SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.RequestTerminated, null);
                        case SIPMethodsEnum.ACK:
                            return SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.Ok, null);
                        case SIPMethodsEnum.OPTIONS:
                            return SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.MethodNotAllowed, null);
                        default:
                            return SIPResponse.GetResponse(sipRequest, SIPResponseStatusCodesEnum.NotImplemented, null);
                    }
                }
            }
        }
        """;

    [Fact]
    public void A_SIPSorcery_app_is_checked_with_nothing_but_the_package()
    {
        _package.Consumer("Stacks/SIPSorcery",
            ("SIPSorcery.csproj", PackageFixture.ProjectFile("netstandard2.0", "<LangVersion>latest</LangVersion><NoWarn>CS8632</NoWarn>", "")),
            ("Stand-in.cs", StandIns.SipSorcery));
        var app = _package.Consumer("Stacks/App",
            ("App.csproj", PackageFixture.ProjectFile("net10.0", "<OutputType>Exe</OutputType><Nullable>disable</Nullable>",
                PackageFixture.CodebookReference + """<ProjectReference Include="../SIPSorcery/SIPSorcery.csproj" />""")),
            ("Program.cs", Program));

        var run = PackageFixture.Dotnet(app, "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotMatch(@"(error|warning) (CS8785|AD0001)\b", run.Output);
        Assert.Contains("RequestTerminated", run.Output);
        var cancel = PackageFixture.At(Program, "SIPResponseStatusCodesEnum.RequestTerminated", "SIPResponseStatusCodesEnum.RequestTerminated");
        var ack = PackageFixture.At(Program, "SIPResponseStatusCodesEnum.Ok", "SIPResponseStatusCodesEnum.Ok");
        Assert.Matches(new Regex($@"Program\.cs{cancel}: warning CB1001: SIP 487 Request Terminated is not sent in reply to CANCEL \(RFC 3261 §21\.4\.25\)"), run.Output);
        Assert.Matches(new Regex($@"Program\.cs{ack}: warning CB1003: "), run.Output);
        // GetResponse fills Allow, so the 405 is not CB1006; nothing else is reported.
        Assert.Equal(2, Regex.Matches(run.Output, @"Program\.cs\(\d+,\d+\): warning CB\d+").Select(m => m.Value).Distinct().Count());
    }

    private const string WebProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/items/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
        app.MapPost("/items", () => Results.StatusCode(StatusCodes.Status304NotModified));
        app.MapPut("/items/{id}", (int id) => Results.Json(new { id }, statusCode: StatusCodes.Status204NoContent));
        app.MapGet("/missing", () => Results.StatusCode(404));
        app.MapDelete("/items/{id}", (int id) => Results.NoContent());
        """;

    [Fact]
    public void An_ASP_NET_Core_project_is_checked_with_nothing_but_the_package()
    {
        var web = _package.Consumer("Stacks/Web",
            ("Web.csproj", PackageFixture.ProjectFile("net10.0", "<ImplicitUsings>disable</ImplicitUsings><Nullable>enable</Nullable>", PackageFixture.CodebookReference)
                .Replace("Microsoft.NET.Sdk", "Microsoft.NET.Sdk.Web")),
            ("Program.cs", WebProgram));

        var run = PackageFixture.Dotnet(web, "build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotMatch(@"(error|warning) (CS8785|AD0001)\b", run.Output);
        var post = PackageFixture.At(WebProgram, "MapPost", "StatusCodes.Status304NotModified");
        var put = PackageFixture.At(WebProgram, "MapPut", "StatusCodes.Status204NoContent");
        Assert.Matches(new Regex($@"Program\.cs{post}: warning CB1001: HTTP 304 Not Modified is not sent in reply to POST \(RFC 9110 §15\.4\.5\)"), run.Output);
        Assert.Matches(new Regex($@"Program\.cs{put}: warning CB1008: HTTP 204 No Content carries no content \(RFC 9110 §15\.3\.5\), but its data argument is content"), run.Output);
        // CB1007 (Use StatusCodes.Status404NotFound) is a suggestion, which a command-line build does not print.
        Assert.Equal(2, Regex.Matches(run.Output, @"Program\.cs\(\d+,\d+\): warning CB\d+").Select(m => m.Value).Distinct().Count());
    }
}
