using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Definitions;

/// <summary>
/// A workflow input (given when an instance starts, read as <c>input.name</c>) or output
/// (taken from the variable of the same name when the instance completes).
/// </summary>
public sealed class ParameterDefinition
{
    public string Name { get; set; } = "";

    public DataType Type { get; set; } = DataType.Any;

    public bool Required { get; set; }

    public JsonNode? Default { get; set; }

    public string? Description { get; set; }
}
