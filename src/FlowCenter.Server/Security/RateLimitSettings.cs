namespace FlowCenter.Server.Security;

/// <summary>The "FlowCenter:Security:RateLimits" section.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sign-in attempts per minute from one address (lockout after 5 failures per account comes on top).</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>Deliveries per second to one webhook connection (bursts of twice that).</summary>
    public int WebhooksPerSecond { get; set; } = 200;

    /// <summary>API requests per second of one caller (a person or token owner; an address when anonymous).</summary>
    public int ApiRequestsPerSecond { get; set; } = 2000;
}
