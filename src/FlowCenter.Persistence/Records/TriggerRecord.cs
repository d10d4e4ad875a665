namespace FlowCenter.Persistence.Records;

public sealed class TriggerRecord
{
    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string NodeId { get; set; } = "";

    public int Kind { get; set; }

    public string Value { get; set; } = "";

    public string? TimeZone { get; set; }
}
