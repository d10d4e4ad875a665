namespace FlowCenter.Engine.Definitions;

/// <summary>
/// A process definition: a graph of nodes joined by connections, with its variables, inputs and outputs.
/// Property order here is the order of the JSON form.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Where editors find the JSON Schema of this file, such as <c>./workflow.schema.json</c>; not used by the engine.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>The JSON form version this definition was written in.</summary>
    public int SchemaVersion { get; set; } = WorkflowSchema.CurrentVersion;

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int Version { get; set; } = 1;

    public List<VariableDefinition> Variables { get; set; } = [];

    public List<ParameterDefinition> Inputs { get; set; } = [];

    public List<ParameterDefinition> Outputs { get; set; } = [];

    public List<NodeDefinition> Nodes { get; set; } = [];

    public List<ConnectionDefinition> Connections { get; set; } = [];

    public WorkflowSettings Settings { get; set; } = new();
}
