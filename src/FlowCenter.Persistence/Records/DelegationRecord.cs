namespace FlowCenter.Persistence.Records;

public sealed class DelegationRecord
{
    public long Id { get; set; }

    public string UserName { get; set; } = "";

    public string DelegateTo { get; set; } = "";

    public DateTimeOffset From { get; set; }

    public DateTimeOffset Until { get; set; }

    public string? DefinitionId { get; set; }
}
