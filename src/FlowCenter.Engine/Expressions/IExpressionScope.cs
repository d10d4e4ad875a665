using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Expressions;

/// <summary>What an expression can see: the instance's variables and input, the loop locals, the last error.</summary>
public interface IExpressionScope
{
    string InstanceId { get; }

    /// <summary>The instance that started this one as a sub-process; null for a case of its own.</summary>
    string? ParentInstanceId => null;

    string NodeId { get; }

    DateTimeOffset Now { get; }

    IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    IReadOnlyDictionary<string, JsonNode?> Input { get; }

    /// <summary>Loop locals such as <c>item</c> and <c>index</c>, innermost loop first.</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> Locals { get; }

    JsonNode? LastError { get; }

    /// <summary>Sets a loop local when one has the name, else a workflow variable.</summary>
    void SetVariable(string name, JsonNode? value);
}
