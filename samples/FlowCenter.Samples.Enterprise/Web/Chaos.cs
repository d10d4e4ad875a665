using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace FlowCenter.Samples.Enterprise.Web;

/// <summary>
/// Trouble to order, for trying FlowCenter's resilience: the next <c>times</c> requests under a path answer 500
/// without doing anything (<c>fail</c>), do the work and then answer 500 as if the answer were lost
/// (<c>failAfter</c>), answer late (<c>slow</c>) or answer 200 with a body that is not JSON (<c>garbage</c>).
/// Set with <c>POST /_chaos { path, mode, times, delayMs }</c>, cleared with <c>DELETE /_chaos</c>.
/// </summary>
public sealed class Chaos
{
    private readonly ConcurrentQueue<Rule> _rules = new();

    public sealed class Rule
    {
        public required string Path { get; init; }

        public required string Mode { get; init; }

        private int _remaining;

        public int Remaining { get => _remaining; init => _remaining = value; }

        public bool TakeOne() => Interlocked.Decrement(ref _remaining) >= 0;

        public int DelayMs { get; init; }
    }

    public void Add(Rule rule) => _rules.Enqueue(rule);

    public void Clear() => _rules.Clear();

    private Rule? Take(PathString path)
    {
        foreach (var rule in _rules)
        {
            if (path.StartsWithSegments(rule.Path, StringComparison.OrdinalIgnoreCase) && rule.TakeOne())
            {
                return rule;
            }
        }

        return null;
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/_chaos") || Take(http.Request.Path) is not { } rule)
        {
            await next(http);
            return;
        }

        switch (rule.Mode)
        {
            case "fail":
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await http.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "simulated failure" });
                return;
            case "garbage":
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync("<html><body>Service temporarily unavailable</body>");
                return;
            case "slow":
                await Task.Delay(rule.DelayMs, http.RequestAborted);
                await next(http);
                return;
            case "failAfter":
                var original = http.Response.Body;
                http.Response.Body = Stream.Null; // the work is done, its answer lost
                await next(http);
                http.Response.Body = original;
                http.Response.Headers.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await http.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "simulated failure after the work was done" });
                return;
            default:
                await next(http);
                return;
        }
    }
}
