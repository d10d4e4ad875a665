namespace FlowCenter.Persistence.Records;

public sealed class DefinitionRecord
{
    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int Status { get; set; }

    public string Json { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public bool IsCurrent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? RetractedAt { get; set; }

    public List<TriggerRecord> Triggers { get; set; } = [];
}
