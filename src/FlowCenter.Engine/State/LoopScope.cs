using System.Text.Json.Nodes;

namespace FlowCenter.Engine.State;

/// <summary>One iteration of a ForEach or While: its tokens share the scope and see its local variables.</summary>
public sealed class LoopScope
{
    public int Id { get; set; }

    public int ParentScopeId { get; set; }

    /// <summary>The loop node's own token, parked as <see cref="TokenStatus.Looping"/>.</summary>
    public int OwnerTokenId { get; set; }

    public string NodeId { get; set; } = "";

    public Dictionary<string, JsonNode?> Locals { get; set; } = [];
}
