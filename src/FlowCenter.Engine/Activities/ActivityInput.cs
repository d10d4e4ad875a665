using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities;

/// <summary>A typed activity input: declared as a static field of the activity and read through <see cref="ActivityContext.Get{T}"/>.</summary>
public sealed class ActivityInput<T>(string name, DataType type, Func<JsonNode?, T> convert) : InputDescriptor(name, type)
{
    public T Convert(JsonNode? value) => convert(value);
}
