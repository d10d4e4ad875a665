using System.Diagnostics;
using System.Globalization;

namespace FlowCenter.Server.Hosting;

/// <summary>
/// A <c>Server-Timing</c> header on API, webhook and health answers: <c>auth</c> is the time from the request's
/// arrival until it was authenticated and authorised, <c>app</c> the time until the answer began. Browsers show
/// it in their developer tools; the auth benchmark reads it to print the server's share of a request.
/// </summary>
public static class ServerTiming
{
    private sealed class Marks
    {
        public long Started { get; } = Stopwatch.GetTimestamp();

        public long Authorised { get; set; }
    }

    /// <summary>Starts the clock; place it first, before the security pipeline.</summary>
    public static IApplicationBuilder UseServerTimingStart(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        if (!(path.StartsWithSegments("/api") || path.StartsWithSegments("/hooks") || path.StartsWithSegments("/health")))
        {
            return next(context);
        }

        var marks = new Marks();
        context.Features.Set(marks);
        context.Response.OnStarting(() =>
        {
            var app = Stopwatch.GetElapsedTime(marks.Started).TotalMilliseconds;
            var auth = marks.Authorised == 0 ? (double?)null : Stopwatch.GetElapsedTime(marks.Started, marks.Authorised).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = auth is { } a
                ? string.Create(CultureInfo.InvariantCulture, $"auth;dur={a:0.###}, app;dur={app:0.###}")
                : string.Create(CultureInfo.InvariantCulture, $"app;dur={app:0.###}");
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Marks the end of authentication and authorisation; place it right after them.</summary>
    public static IApplicationBuilder UseServerTimingAuthorised(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<Marks>() is { } marks)
        {
            marks.Authorised = Stopwatch.GetTimestamp();
        }

        return next(context);
    });
}
