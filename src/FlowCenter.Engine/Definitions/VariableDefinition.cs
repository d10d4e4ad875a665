using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Definitions;

/// <summary>A workflow variable: visible to every node and expression of an instance.</summary>
public sealed class VariableDefinition
{
    public string Name { get; set; } = "";

    public DataType Type { get; set; } = DataType.Any;

    public JsonNode? Default { get; set; }

    public string? Description { get; set; }
}
