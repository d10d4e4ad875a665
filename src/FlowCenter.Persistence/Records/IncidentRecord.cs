namespace FlowCenter.Persistence.Records;

public sealed class IncidentRecord
{
    public string InstanceId { get; set; } = "";

    public int Id { get; set; }

    public string NodeId { get; set; } = "";

    public int TokenId { get; set; }

    public string Message { get; set; } = "";

    public string? ErrorType { get; set; }

    public string? Detail { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Resolution { get; set; }
}
