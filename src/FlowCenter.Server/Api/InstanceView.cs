using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;

namespace FlowCenter.Server.Api;

/// <summary>An instance as the API shows it.</summary>
public sealed record InstanceView(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string? BusinessKey,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyDictionary<string, JsonNode?> Output,
    IReadOnlyList<Bookmark> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<JournalEntry> Journal,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The instance as <paramref name="caller"/> may see it (<see cref="CaseReader.ForCaller"/>).</summary>
    public static InstanceView For(WorkflowInstance instance, Caller caller)
    {
        var i = CaseReader.ForCaller(instance, caller);
        return new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.BusinessKey, i.Variables, i.Output, i.Bookmarks, i.Incidents, i.Journal, i.CreatedAt, i.CompletedAt);
    }
}
