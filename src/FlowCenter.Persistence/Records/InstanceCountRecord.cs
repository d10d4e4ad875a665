namespace FlowCenter.Persistence.Records;

/// <summary>
/// A change to how many instances of a process version are in a status (with or without open problems): written
/// in the same transaction as the instance, as a row of its own, so that counting never contends on one hot row
/// and never lags. Rows are folded into one per key in the background; a count is the sum over its keys.
/// </summary>
public sealed class InstanceCountRecord
{
    public long Id { get; set; }

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public int Status { get; set; }

    /// <summary>Whether these instances have open problems (1) or not (0).</summary>
    public int Incidents { get; set; }

    public long Delta { get; set; }
}
