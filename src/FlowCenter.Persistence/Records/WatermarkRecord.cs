namespace FlowCenter.Persistence.Records;

public sealed class WatermarkRecord
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    public string? ClaimedBy { get; set; }

    public string? ClaimFrom { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Revision { get; set; }
}
