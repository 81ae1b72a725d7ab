// The HTTP part of the misuse gallery: ASP.NET Core code that breaks HTTP's rules, each mistake once. Codebook
// knows ASP.NET Core, so none of this needs a codes.yaml; samples/HttpApi is the same kind of code written right.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public static class HttpMisuse
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/items", () => Results.StatusCode(StatusCodes.Status304NotModified)); // expect: CB1001 (304 answers GET and HEAD only)
        app.MapPost("/upload", () => Results.StatusCode(StatusCodes.Status100Continue)); // expect: CB1002 (the server sends 100 Continue itself, never a handler)
        app.MapGet("/closed", () => Results.StatusCode(499)); // expect: CB1004 (499 is not an HTTP code; clients see 400)
        app.MapGet("/via-proxy", () => Results.StatusCode(StatusCodes.Status305UseProxy)); // expect: CB1005 (305 is deprecated)
        app.MapPost("/login", () => Results.Unauthorized()); // expect: CB1006 (a 401 must carry WWW-Authenticate)
        app.MapGet("/missing", () => Results.StatusCode(404)); // expect: CB1007 (say StatusCodes.Status404NotFound)
        app.MapPut("/items/{id}", (int id) => Results.Json(new { id }, statusCode: StatusCodes.Status204NoContent)); // expect: CB1008 (a 204 has no content)
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method))
            {
                context.Response.StatusCode = (int)HttpStatusCode.MethodNotAllowed; // expect: CB1006 (a 405 must list the allowed methods in Allow)
                return;
            }
            await next(context);
        });
    }
}

[Route("orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpPost]
    public IActionResult Create() => StatusCode(StatusCodes.Status206PartialContent); // expect: CB1001 CB1006 (206 answers range GETs, with Content-Range)

    [HttpGet("old")]
    public IActionResult Moved() => StatusCode(StatusCodes.Status301MovedPermanently); // expect: CB1006 (a redirect says where, in Location)
}
