namespace FlowCenter.Samples.Enterprise;

/// <summary>Settings under <c>Enterprise</c>.</summary>
public sealed class EnterpriseOptions
{
    /// <summary>Where FlowCenter listens; webhooks go to its <c>/hooks/{WebhookConnection}/{event}</c>.</summary>
    public string FlowCenterUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The name of the webhook connection in FlowCenter.</summary>
    public string WebhookConnection { get; set; } = "enterprise";

    /// <summary>The key the webhooks are signed with (HMAC-SHA256); FlowCenter's webhook connection holds the same.</summary>
    public string WebhookSecret { get; set; } = "enterprise-demo-secret";

    /// <summary>The SQLite file of all the simulated systems.</summary>
    public string Database { get; set; } = Path.Combine("data", "enterprise.db");

    /// <summary>Fills an empty database with customers, stock, suppliers, accounts and a candidate.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Stops when this process is gone (set by whoever starts the simulator beside FlowCenter).</summary>
    public int? ParentProcessId { get; set; }
}
