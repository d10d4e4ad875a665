namespace FlowCenter.Persistence.Records;

/// <summary>
/// One top-level variable of an instance, kept beside its state so that lists can filter by value with an index.
/// The state document stays the source of truth; a save writes the rows of the variables it changed.
/// </summary>
public sealed class InstanceVariableRecord
{
    public string InstanceId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>What the value is (<see cref="VariableKind"/>).</summary>
    public int Kind { get; set; }

    /// <summary>A text as written, a number or a yes/no in JSON form, an object's JSON; cut to its first 200 characters.</summary>
    public string? Text { get; set; }

    /// <summary>The value when it is a number.</summary>
    public double? Number { get; set; }

    /// <summary>
    /// Whether the instance is live (running, waiting, suspended), kept in step with it: a filter by value over the
    /// live cases reads the live cases' values only, not the history's.
    /// </summary>
    public bool Live { get; set; }
}

/// <summary>The kinds of variable values a filter tells apart.</summary>
public enum VariableKind
{
    Null,
    Text,
    Number,
    Boolean,
    Structure,
}
