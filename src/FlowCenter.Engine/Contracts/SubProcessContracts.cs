using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Contracts;

/// <summary>
/// What a sub-process node asks its host for, carried by its bookmark: start this process (this version, 0 the
/// current one) as a child with these inputs. Every host starts children from it the same way.
/// </summary>
public sealed record SubProcessRequest
{
    public string DefinitionId { get; init; } = "";

    /// <summary>A fixed version; 0 for the current published one.</summary>
    public int Version { get; init; }

    public JsonObject Input { get; init; } = [];

    public static SubProcessRequest Of(Bookmark bookmark) => ContractJson.Read<SubProcessRequest>(bookmark.Data);

    /// <summary>The child's inputs, each its own copy.</summary>
    public Dictionary<string, JsonNode?> InputValues() => Input.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
}

/// <summary>How a host resumes a sub-process node: how the child ended, its outputs, or why it could not start or failed.</summary>
public sealed record SubProcessResult
{
    [JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
    public WorkflowStatus Status { get; init; }

    public string? InstanceId { get; init; }

    public JsonObject Output { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>The result a finished child gives its parent.</summary>
    public static SubProcessResult Of(WorkflowInstance child) => new()
    {
        Status = child.Status,
        InstanceId = child.Id,
        Output = new JsonObject(child.Output.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        Error = child.Incidents.LastOrDefault()?.Message,
    };

    /// <summary>The child could not be started (no such process, invalid input).</summary>
    public static SubProcessResult NotStarted(string error) => new() { Status = WorkflowStatus.Faulted, Error = error };

    public JsonObject ToJson() => ContractJson.ToJson(this);
}
