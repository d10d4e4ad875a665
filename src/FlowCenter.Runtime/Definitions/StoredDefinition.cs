namespace FlowCenter.Runtime.Definitions;

/// <summary>One version of a definition as stored: its JSON form and where it stands.</summary>
public sealed class StoredDefinition
{
    public required string DefinitionId { get; init; }

    public required int Version { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DefinitionStatus Status { get; set; }

    /// <summary>The definition in its canonical JSON form, with this version number in it.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of the content without the version number, to tell whether an import changed anything.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The published version new instances start on; at most one per definition.</summary>
    public bool IsCurrent { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? RetractedAt { get; set; }

    /// <summary>The triggers of the version (event starts and cron schedules); active while it is current.</summary>
    public List<DefinitionTrigger> Triggers { get; init; } = [];
}
