using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// The part of an instance stored as one JSON column: data and tokens. Bookmarks, journal and incidents
/// have tables of their own so that they can be queried and so that the column stays small.
/// </summary>
public sealed class InstanceState
{
    public Dictionary<string, JsonNode?> Input { get; set; } = [];

    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    public Dictionary<string, JsonNode?> Output { get; set; } = [];

    public List<Token> Tokens { get; set; } = [];

    public List<LoopScope> Scopes { get; set; } = [];

    public JsonObject? LastError { get; set; }

    public int NextSequence { get; set; }

    public int JournalCount { get; set; }

    public InstanceHold? Hold { get; set; }

    public static string Write(WorkflowInstance instance) => JsonSerializer.Serialize(new InstanceState
    {
        Input = instance.Input,
        Variables = instance.Variables,
        Output = instance.Output,
        Tokens = instance.Tokens,
        Scopes = instance.Scopes,
        LastError = instance.LastError,
        NextSequence = instance.NextSequence,
        JournalCount = instance.JournalCount,
        Hold = instance.Hold,
    }, WorkflowJson.CompactOptions);

    public static void Read(string json, WorkflowInstance into)
    {
        var state = JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.CompactOptions)
            ?? throw new JsonException($"Instance '{into.Id}' has an empty state.");
        into.Input = state.Input;
        into.Variables = state.Variables;
        into.Output = state.Output;
        into.Tokens = state.Tokens;
        into.Scopes = state.Scopes;
        into.LastError = state.LastError;
        into.NextSequence = state.NextSequence;
        into.JournalCount = state.JournalCount;
        into.Hold = state.Hold;
    }
}
