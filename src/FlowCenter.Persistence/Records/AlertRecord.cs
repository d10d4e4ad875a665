namespace FlowCenter.Persistence.Records;

public sealed class AlertRuleRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int Kind { get; set; }

    public string? DefinitionId { get; set; }

    public string? NodeId { get; set; }

    public long? ThresholdMs { get; set; }

    public double? Percent { get; set; }

    public int MinimumRuns { get; set; }

    /// <summary>Persons to tell, comma separated.</summary>
    public string Users { get; set; } = "";

    /// <summary>Roles to tell, comma separated.</summary>
    public string Roles { get; set; } = "";

    public long? RemindEveryMs { get; set; }

    public bool Enabled { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class AlertRecord
{
    public string Id { get; set; } = "";

    public string RuleId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>The key while the alert has not resolved, null after: one unresolved alert per rule and key.</summary>
    public string? OpenKey { get; set; }

    public string RuleName { get; set; } = "";

    public int Kind { get; set; }

    public string? DefinitionId { get; set; }

    public string? InstanceId { get; set; }

    public string? NodeId { get; set; }

    public string? Summary { get; set; }

    /// <summary>The facts as JSON (<see cref="Runtime.Alerts.AlertFacts"/>), for pages to word in their reader's language.</summary>
    public string? Facts { get; set; }

    public int State { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset LastNotifiedAt { get; set; }

    public int Notified { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
