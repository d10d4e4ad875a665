using System.Globalization;
using System.Threading.RateLimiting;

namespace FlowCenter.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter over the doors people and systems knock on: signing in (per address), webhooks
/// (per connection) and the REST API (per caller). A refused request gets 429 with Retry-After and a sentence.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddFlowCenterRateLimits(this IServiceCollection services, IConfiguration section)
    {
        var limits = section.Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await context.HttpContext.Response.WriteAsJsonAsync(new Api.ApiError("Too many requests from here just now; wait a moment and try again."), ct);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var path = context.Request.Path;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments("/account/signin"))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    });
                }

                if (path.StartsWithSegments("/hooks"))
                {
                    var connection = path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
                    return Bucket("hooks:" + connection, limits.WebhooksPerSecond);
                }

                if (path.StartsWithSegments("/api"))
                {
                    return Bucket("api:" + (context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : address), limits.ApiRequestsPerSecond);
                }

                return RateLimitPartition.GetNoLimiter("other");
            });
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond * 2, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
        });
}
