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
    /// <summary>Where the paths stand now: what a modification names.</summary>
    public IReadOnlyList<TokenView> Tokens { get; init; } = [];

    /// <summary>Set while an operator holds the instance suspended.</summary>
    public HoldView? Hold { get; init; }

    /// <summary>The instance as <paramref name="caller"/> may see it (<see cref="CaseReader.ForCaller"/>).</summary>
    public static InstanceView For(WorkflowInstance instance, Caller caller)
    {
        var i = CaseReader.ForCaller(instance, caller);
        return new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.BusinessKey, i.Variables, i.Output, i.Bookmarks, i.Incidents, i.Journal, i.CreatedAt, i.CompletedAt)
        {
            Tokens = [.. i.Tokens.Select(t => new TokenView(t.Id, t.NodeId, t.Status, t.ScopeId))],
            Hold = i.Hold is { } hold ? new HoldView(hold.At, hold.By, hold.Reason, [.. hold.Arrived.Select(a => a.Bookmark.NodeId)]) : null,
        };
    }
}

/// <summary>A path of an instance: where it stands and how.</summary>
public sealed record TokenView(int Id, string NodeId, TokenStatus Status, int ScopeId);

/// <summary>An operator's suspension: since when, by whom, why, and at which steps something waits to be delivered.</summary>
public sealed record HoldView(DateTimeOffset At, string By, string? Reason, IReadOnlyList<string> ArrivedAt);
