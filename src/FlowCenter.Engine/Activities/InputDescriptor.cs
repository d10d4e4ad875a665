using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities;

/// <summary>Metadata of one activity input, which the designer turns into a typed editor.</summary>
public abstract class InputDescriptor(string name, DataType type)
{
    public string Name { get; } = name;

    public DataType Type { get; } = type;

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>The allowed values of a choice input.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The input must be a literal: the engine reads it when the definition is prepared.</summary>
    public bool LiteralOnly { get; init; }
}
