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
    /// <summary>The instance as <paramref name="caller"/> may see it: incident details (stack traces) for operators only.</summary>
    public static InstanceView For(WorkflowInstance i, Caller caller) =>
        new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.BusinessKey, i.Variables, i.Output, i.Bookmarks,
            caller.IsOperator ? i.Incidents : [.. i.Incidents.Select(WithoutDetail)], i.Journal, i.CreatedAt, i.CompletedAt);

    private static Incident WithoutDetail(Incident incident) => new()
    {
        Id = incident.Id, NodeId = incident.NodeId, TokenId = incident.TokenId, Message = incident.Message, ErrorType = incident.ErrorType,
        Attempts = incident.Attempts, CreatedAt = incident.CreatedAt, ResolvedAt = incident.ResolvedAt, Resolution = incident.Resolution,
    };
}
