using System.Linq;
using System.Threading.Tasks;
using Codebook.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codebook.Tests.Stacks;

/// <summary>
/// ASP.NET Core checked as written, with no codes.yaml, against the framework's real reference assemblies (the
/// SDK's Microsoft.AspNetCore.App.Ref pack): minimal APIs, controllers and middleware, each rule flagged beside
/// the spelling that stays quiet.
/// </summary>
public class AspNetCoreTests
{
    private static Task<System.Collections.Generic.IReadOnlyList<Diagnostic>> Verify(string markup, params (string Path, string Text)[] catalogues) =>
        AnalyzerHarness.VerifyAsync(markup, AspNetCoreReferences.All, catalogues);

    [Fact]
    public async Task Minimal_API_routes_give_the_method_and_StatusCodes_constants_are_codes()
    {
        var diagnostics = await Verify("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Api
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/items/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
                    app.MapGet("/cached", () => Results.StatusCode(StatusCodes.Status304NotModified));
                    app.MapPost("/items", () => Results.StatusCode({|CB1001:StatusCodes.Status304NotModified|}));
                    app.MapMethods("/both", new[] { "PUT", "DELETE" }, () => TypedResults.StatusCode({|CB1001:StatusCodes.Status304NotModified|}));
                    app.MapMethods("/fields", new[] { HttpMethods.Get, HttpMethods.Head }, () => { System.Console.WriteLine("POST"); return Results.StatusCode(StatusCodes.Status304NotModified); });
                    app.MapGet("/n", () => Results.StatusCode({|CB1007:404|}));
                    app.MapGet("/odd", () => Results.Problem(statusCode: {|CB1004:499|}));
                    app.MapGet("/proxy", () => Results.StatusCode({|CB1005:StatusCodes.Status305UseProxy|}));
                    app.MapDelete("/items/{id}", (int id) => Results.NoContent());
                    app.MapPost("/login", () => {|CB1006:Results.Unauthorized()|});
                    app.MapPost("/challenge", () => Results.Challenge());
                    app.MapGet("/moved", () => Results.Redirect("/elsewhere", permanent: true));
                }
            }
            """);
        Assert.Equal("HTTP 304 Not Modified is not sent in reply to POST (RFC 9110 §15.4.5)", diagnostics[0].GetMessage());
        Assert.Equal("Use StatusCodes.Status404NotFound instead of the number 404", diagnostics[2].GetMessage());
        Assert.Equal("HTTP 401 Unauthorized requires the WWW-Authenticate header (RFC 9110 §15.5.2); nothing in this method sets it", diagnostics[5].GetMessage());
    }

    [Fact]
    public async Task Controllers_take_the_method_from_their_attributes()
    {
        await Verify("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            [ApiController, Route("items")]
            public sealed class ItemsController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id) => id > 0 ? Ok(id) : NotFound();

                [HttpGet("options")]
                public IActionResult ByRouteNamedLikeAMethod() => StatusCode(StatusCodes.Status304NotModified);

                [HttpPost]
                public IActionResult Create() => StatusCode({|CB1001:StatusCodes.Status304NotModified|});

                [AcceptVerbs("GET", "HEAD")]
                public IActionResult Check() => StatusCode(StatusCodes.Status304NotModified);

                [HttpPut("{id}")]
                public IActionResult Replace(int id) => {|CB1006:Unauthorized()|};

                [HttpGet("moved")]
                public IActionResult Moved() => StatusCode({|CB1006:StatusCodes.Status301MovedPermanently|});

                [HttpGet("redirect")]
                public IActionResult Go() => RedirectPermanent("/elsewhere");

                [HttpGet("problem")]
                public IActionResult Broken() => Problem(statusCode: {|CB1007:500|});

                [HttpGet("object")]
                public IActionResult Wrapped() => new ObjectResult("gone") { StatusCode = StatusCodes.Status410Gone };

                [HttpPatch]
                public IActionResult Patch() => new StatusCodeResult({|CB1007:204|});
            }
            """);
    }

    [Fact]
    public async Task Middleware_tests_the_method_with_HttpMethods_and_request_Method()
    {
        await Verify("""
            using System.Net;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Pipeline
            {
                public static void Use(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        if (HttpMethods.IsPost(context.Request.Method))
                        {
                            context.Response.StatusCode = {|CB1001:StatusCodes.Status304NotModified|};
                            return;
                        }
                        if (context.Request.Method == "GET")
                        {
                            context.Response.StatusCode = (int)HttpStatusCode.NotModified;
                            return;
                        }
                        await next(context);
                    });
                    app.Use(async (context, next) =>
                    {
                        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                        context.Response.Headers.Allow = "GET, HEAD";
                        await next(context);
                    });
                    app.Use(async (context, next) =>
                    {
                        context.Response.StatusCode = {|CB1006:StatusCodes.Status405MethodNotAllowed|};
                        await next(context);
                    });
                    app.Use(async (context, next) =>
                    {
                        context.Response.StatusCode = (int){|CB1005:HttpStatusCode.UseProxy|};
                        await next(context);
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task The_fix_for_a_number_writes_the_StatusCodes_constant()
    {
        var fixedSource = await CodeFixHarness.FixAllAsync("""
            using Microsoft.AspNetCore.Http;
            public static class Api
            {
                public static IResult Missing() => Results.StatusCode(404);
            }
            """, "CB1007", references: AspNetCoreReferences.All);
        Assert.Contains("Results.StatusCode(StatusCodes.Status404NotFound)", fixedSource);
    }

    /// <summary>Where a project maps a member the built-in stack maps too, the project's mapping stands.</summary>
    [Fact]
    public async Task A_project_s_mapping_wins_over_the_built_in_one()
    {
        await Verify("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            public static class Api
            {
                public static void Map(WebApplication app) => app.MapPost("/items", () => {|CB1001:Results.NoContent()|});
            }
            """, ("/p/codes.yaml", "interop:\n  http:\n    implied-codes:\n      Microsoft.AspNetCore.Http.Results.NoContent: 304\n"));
    }

    /// <summary>A null where an attribute takes its methods names no method, and breaks nothing.</summary>
    [Fact]
    public async Task A_null_method_list_in_AcceptVerbs_names_no_method()
    {
        await Verify("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public sealed class ItemsController : ControllerBase
            {
                [AcceptVerbs((string[])null!)]
                public IActionResult Any() => StatusCode(StatusCodes.Status304NotModified);

                [AcceptVerbs("POST")]
                public IActionResult Post() => StatusCode({|CB1001:StatusCodes.Status304NotModified|});
            }
            """);
    }

    [Fact]
    public async Task A_web_project_can_turn_ASP_NET_Core_off()
    {
        const string Code = """
            using Microsoft.AspNetCore.Http;
            public static class Api
            {
                public static IResult Missing() => Results.StatusCode(404);
                public static IResult Login() => Results.Unauthorized();
            }
            """;
        // On, the number and the bare challenge are flagged; off, nothing at all (CB1006 included).
        var on = await AnalyzerHarness.AnalyzeAsync(Code, references: AspNetCoreReferences.All);
        Assert.Equal(new[] { "CB1007", "CB1006" }, on.Where(d => d.Id.StartsWith("CB", System.StringComparison.Ordinal)).Select(d => d.Id));
        var off = await AnalyzerHarness.AnalyzeAsync(Code, new[] { ("/p/codes.yaml", "stacks: { aspnetcore: false }\n") }, references: AspNetCoreReferences.All);
        Assert.DoesNotContain(off, d => d.Id.StartsWith("CB", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Content_sent_with_204_304_or_1xx_is_CB1008()
    {
        var diagnostics = await Verify("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public static class Api
            {
                public static void Map(WebApplication app)
                {
                    app.MapPut("/items/{id}", (int id) => Results.Json(new { id }, statusCode: {|CB1008:StatusCodes.Status204NoContent|}));
                    app.MapPut("/empty/{id}", (int id) => Results.Json(null, statusCode: StatusCodes.Status204NoContent));
                    app.MapGet("/same", () => Results.Problem(statusCode: {|CB1008:StatusCodes.Status304NotModified|}));
                    app.MapDelete("/items/{id}", (int id) => Results.NoContent());
                    app.Use(async (HttpContext context, RequestDelegate next) =>
                    {
                        // 204 unless there is something to say: the content goes with the 200 set on its own path.
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        if (context.Request.Query.Count > 0) { context.Response.StatusCode = StatusCodes.Status200OK; await context.Response.WriteAsync("query"); }
                    });
                    app.Use(async (HttpContext context, RequestDelegate next) =>
                    {
                        if (context.Request.Method == "DELETE")
                        {
                            context.Response.StatusCode = StatusCodes.Status204NoContent;
                            return;
                        }
                        await context.Response.WriteAsync("hello");
                    });
                    app.Use(async (HttpContext context, RequestDelegate next) =>
                    {
                        context.Response.StatusCode = {|CB1008:StatusCodes.Status204NoContent|};
                        await context.Response.WriteAsync("done");
                    });
                    app.Use(async (HttpContext context, RequestDelegate next) =>
                    {
                        // A call that makes the content sets no other code.
                        string text;
                        context.Response.StatusCode = {|CB1008:StatusCodes.Status204NoContent|};
                        text = string.Concat("do", "ne");
                        await context.Response.WriteAsync(text);
                    });
                }
            }

            public sealed class ItemsController : ControllerBase
            {
                [HttpPut("{id}")]
                public IActionResult Put(int id) => StatusCode({|CB1008:StatusCodes.Status204NoContent|}, new { id });

                [HttpPut("other/{id}")]
                public IActionResult PutNothing(int id) => StatusCode(StatusCodes.Status204NoContent);

                [HttpGet("wrapped")]
                public IActionResult Wrapped() => new ObjectResult("cached") { StatusCode = {|CB1008:StatusCodes.Status304NotModified|} };
            }
            """);
        Assert.Equal("HTTP 204 No Content carries no content (RFC 9110 §15.3.5), but its data argument is content", diagnostics[0].GetMessage());
        Assert.Equal("HTTP 304 Not Modified carries no content (RFC 9110 §15.4.5), but Problem writes content", diagnostics[1].GetMessage());
        Assert.Equal("HTTP 204 No Content carries no content (RFC 9110 §15.3.5), but WriteAsync writes content after it", diagnostics[2].GetMessage());
        Assert.Equal("HTTP 204 No Content carries no content (RFC 9110 §15.3.5), but WriteAsync writes content after it", diagnostics[3].GetMessage());
        Assert.Equal("HTTP 204 No Content carries no content (RFC 9110 §15.3.5), but its value argument is content", diagnostics[4].GetMessage());
    }

    [Fact]
    public async Task A_handler_given_as_a_method_group_answers_the_route_s_method()
    {
        await Verify("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Api
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/items", CreateItem);
                    app.MapGet("/items", ListItems);
                }

                private static IResult CreateItem() => Results.StatusCode({|CB1001:StatusCodes.Status304NotModified|});

                private static IResult ListItems() => Results.StatusCode(StatusCodes.Status304NotModified);
            }
            """);
    }

    [Fact]
    public async Task A_handler_does_not_send_1xx_unless_its_role_says_it_is_the_server()
    {
        var diagnostics = await Verify("""
            using Codebook.Http;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            public static class Api
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/upload", () => Results.StatusCode({|CB1002:StatusCodes.Status100Continue|}));
                    app.Use(async (HttpContext context, RequestDelegate next) =>
                    {
                        context.Response.StatusCode = {|CB1002:StatusCodes.Status101SwitchingProtocols|};
                        await next(context);
                    });
                }
            }

            [HttpRole(HttpRole.Origin)]
            public static class RawServer
            {
                public static void Continue(HttpContext context) => context.Response.StatusCode = StatusCodes.Status100Continue;
            }
            """);
        Assert.Equal("HTTP 100 Continue is not sent by a handler (RFC 9110 §15.2; the server sends 100 Continue and 101 itself)", diagnostics[0].GetMessage());
    }
}
