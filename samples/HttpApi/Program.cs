// An items API on ASP.NET Core: every status code below is checked by Codebook against HTTP's rules (RFC 9110),
// with the method taken from the route (MapGet, [HttpPost]) and no configuration at all.
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HttpApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddSingleton<ItemStore>();
var app = builder.Build();

app.UseMiddleware<MethodGate>();

var items = app.MapGroup("/items");

items.MapGet("/", (ItemStore store) => Results.Ok(store.All()));

items.MapGet("/{id:int}", (int id, HttpContext context, ItemStore store) =>
{
    if (store.Find(id) is not { } item)
    {
        return Results.NotFound();
    }
    var tag = $"\"{item.Version}\"";
    context.Response.Headers.ETag = tag;
    // A conditional GET whose tag still matches: 304, with no content.
    return context.Request.Headers.IfNoneMatch == tag
        ? Results.StatusCode(StatusCodes.Status304NotModified)
        : Results.Ok(item);
});

items.MapPost("/", (Item item, ItemStore store) =>
{
    var created = store.Add(item);
    return Results.Created($"/items/{created.Id}", created);
});

items.MapPut("/{id:int}", (int id, Item item, ItemStore store) =>
    store.Replace(id, item) ? Results.NoContent() : Results.NotFound());

items.MapDelete("/{id:int}", (int id, ItemStore store) =>
    store.Remove(id) ? Results.NoContent() : Results.NotFound());

app.MapGet("/health", (ItemStore store) => store.Healthy
    ? Results.Ok("healthy")
    : Results.Problem("the store is not reachable", statusCode: StatusCodes.Status503ServiceUnavailable));

app.MapControllers();
app.Run();

namespace HttpApi
{
    public sealed record Item(int Id, string Name, int Version);

    public sealed class ItemStore
    {
        private readonly ConcurrentDictionary<int, Item> _items = new();
        private int _next;

        public bool Healthy => true;

        public IEnumerable<Item> All() => _items.Values.OrderBy(i => i.Id);

        public Item? Find(int id) => _items.TryGetValue(id, out var item) ? item : null;

        public Item Add(Item item)
        {
            var created = item with { Id = Interlocked.Increment(ref _next), Version = 1 };
            _items[created.Id] = created;
            return created;
        }

        public bool Replace(int id, Item item) =>
            _items.TryGetValue(id, out var old) && _items.TryUpdate(id, item with { Id = id, Version = old.Version + 1 }, old);

        public bool Remove(int id) => _items.TryRemove(id, out _);
    }

    /// <summary>Refuses the methods the API does not serve, saying which it does (a 405 carries Allow).</summary>
    public sealed class MethodGate(RequestDelegate next)
    {
        private const string Served = "GET, HEAD, POST, PUT, DELETE";

        public async Task InvokeAsync(HttpContext context)
        {
            if (HttpMethods.IsTrace(context.Request.Method) || HttpMethods.IsConnect(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = Served;
                return;
            }
            await next(context);
        }
    }

    [ApiController]
    [Route("orders")]
    public sealed class OrdersController(ItemStore store) : ControllerBase
    {
        [HttpGet("{id:int}")]
        public ActionResult<Item> Get(int id) => store.Find(id) is { } item ? Ok(item) : NotFound();

        [HttpPost]
        public IActionResult Create(Item item)
        {
            var created = store.Add(item);
            return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
        }

        [HttpDelete("{id:int}")]
        public IActionResult Delete(int id) => store.Remove(id) ? NoContent() : NotFound();

        [HttpGet("secret")]
        public IActionResult Secret() => User.Identity?.IsAuthenticated == true ? Ok("secret") : Challenge();

        [HttpGet("legacy")]
        public IActionResult Legacy() => RedirectPermanent("/items");

        [HttpPatch("{id:int}")]
        public IActionResult Patch(int id) => Problem("patching is not supported", statusCode: StatusCodes.Status501NotImplemented);
    }
}
