namespace FlowCenter.Persistence.Records;

public sealed class WatermarkRecord
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Revision { get; set; }
}

public sealed class WatermarkClaimRecord
{
    public string Name { get; set; } = "";

    public string Claimant { get; set; } = "";

    public string? From { get; set; }

    public string To { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }
}
