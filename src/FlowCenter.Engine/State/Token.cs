namespace FlowCenter.Engine.State;

/// <summary>A position of execution in the graph. Parallel paths are separate tokens.</summary>
public sealed class Token
{
    public int Id { get; set; }

    public string NodeId { get; set; } = "";

    public TokenStatus Status { get; set; }

    /// <summary>The loop iteration this token runs in; 0 is the instance itself.</summary>
    public int ScopeId { get; set; }

    /// <summary>The connection the token arrived by, which joins count.</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>Executions of the current node so far, for retries.</summary>
    public int Attempt { get; set; }

    /// <summary>Sequence number of the journal entry of the current node execution, while it is open.</summary>
    public int? JournalSequence { get; set; }

    /// <summary>Joins (node id @ scope) that already fired without this path; it ends when it reaches them.</summary>
    public List<string>? AbsorbAt { get; set; }

    /// <summary>
    /// A wait of the whole case (a <c>While the case runs</c> step) that does not keep it alive: the case ends when
    /// only such tokens are left, and they go with it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Background { get; set; }

    /// <summary>Activity state kept between executions of a loop node.</summary>
    public System.Text.Json.Nodes.JsonObject? State { get; set; }
}
