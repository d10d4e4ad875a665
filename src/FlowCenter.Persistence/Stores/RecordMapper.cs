using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Persistence.Stores;

/// <summary>Between engine state objects and rows. Times are written in UTC, which PostgreSQL requires.</summary>
internal static class RecordMapper
{
    public static InstanceRecord ToRecord(StoredInstance stored, long revision)
    {
        var instance = stored.Instance;
        return new InstanceRecord
        {
            Id = instance.Id,
            DefinitionId = instance.DefinitionId,
            DefinitionVersion = instance.DefinitionVersion,
            Status = (int)instance.Status,
            BusinessKey = instance.BusinessKey,
            StartedBy = stored.StartedBy?.ToString(),
            ParentInstanceId = instance.ParentInstanceId,
            ParentBookmarkId = instance.ParentBookmarkId,
            CurrentNodes = Truncate(string.Join(",", instance.Tokens.Select(t => t.NodeId).Distinct()), 1000),
            OpenIncidents = instance.Incidents.Count(i => i.IsOpen),
            State = InstanceState.Write(instance),
            Revision = revision,
            CreatedAt = instance.CreatedAt.ToUniversalTime(),
            UpdatedAt = instance.UpdatedAt.ToUniversalTime(),
            CompletedAt = instance.CompletedAt?.ToUniversalTime(),
            StartedMs = instance.CreatedAt.ToUnixTimeMilliseconds(),
            DurationMs = instance.CompletedAt is { } end ? (long)(end - instance.CreatedAt).TotalMilliseconds : null,
        };
    }

    public static WorkflowInstance ToInstance(InstanceRecord record)
    {
        var instance = new WorkflowInstance
        {
            Id = record.Id,
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.DefinitionVersion,
            Status = (WorkflowStatus)record.Status,
            BusinessKey = record.BusinessKey,
            ParentInstanceId = record.ParentInstanceId,
            ParentBookmarkId = record.ParentBookmarkId,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            CompletedAt = record.CompletedAt,
        };
        InstanceState.Read(record.State, instance);
        return instance;
    }

    public static BookmarkRecord ToRecord(string instanceId, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = instanceId,
        Kind = (int)bookmark.Kind,
        NodeId = bookmark.NodeId,
        TokenId = bookmark.TokenId,
        Name = Truncate(bookmark.Name, 300),
        CorrelationKey = bookmark.CorrelationKey,
        DueAt = bookmark.DueAt?.ToUniversalTime(),
        Assignee = bookmark.Kind == BookmarkKind.UserTask ? Truncate(JsonValues.ToText(bookmark.Data?["assignee"]), 300) : null,
        Data = bookmark.Data?.ToJsonString(WorkflowJson.CompactOptions),
        CreatedAt = bookmark.CreatedAt.ToUniversalTime(),
    };

    public static Bookmark ToBookmark(BookmarkRecord record) => new()
    {
        Id = record.Id,
        Kind = (BookmarkKind)record.Kind,
        NodeId = record.NodeId,
        TokenId = record.TokenId,
        Name = record.Name,
        CorrelationKey = record.CorrelationKey,
        DueAt = record.DueAt,
        Data = record.Data is null ? null : JsonNode.Parse(record.Data)?.AsObject(),
        CreatedAt = record.CreatedAt,
    };

    public static JournalRecord ToRecord(string instanceId, JournalEntry entry) => new()
    {
        InstanceId = instanceId,
        Sequence = entry.Sequence,
        NodeId = entry.NodeId,
        ActivityType = entry.ActivityType,
        TokenId = entry.TokenId,
        Attempt = entry.Attempt,
        Status = (int)entry.Status,
        StartedAt = entry.StartedAt.ToUniversalTime(),
        CompletedAt = entry.CompletedAt?.ToUniversalTime(),
        Outcome = Truncate(entry.Outcome, 300),
        Error = entry.Error,
        Worker = Truncate(entry.Worker, 100),
        ResumedBy = Truncate(entry.ResumedBy, 300),
    };

    public static JournalEntry ToEntry(JournalRecord record) => new()
    {
        Sequence = record.Sequence,
        NodeId = record.NodeId,
        ActivityType = record.ActivityType,
        TokenId = record.TokenId,
        Attempt = record.Attempt,
        Status = (JournalStatus)record.Status,
        StartedAt = record.StartedAt,
        CompletedAt = record.CompletedAt,
        Outcome = record.Outcome,
        Error = record.Error,
        Worker = record.Worker,
        ResumedBy = record.ResumedBy,
    };

    public static IncidentRecord ToRecord(string instanceId, Incident incident) => new()
    {
        InstanceId = instanceId,
        Id = incident.Id,
        NodeId = incident.NodeId,
        TokenId = incident.TokenId,
        Message = incident.Message,
        ErrorType = Truncate(incident.ErrorType, 100),
        Detail = incident.Detail,
        Attempts = incident.Attempts,
        CreatedAt = incident.CreatedAt.ToUniversalTime(),
        ResolvedAt = incident.ResolvedAt?.ToUniversalTime(),
        Resolution = incident.Resolution,
    };

    public static Incident ToIncident(IncidentRecord record) => new()
    {
        Id = record.Id,
        NodeId = record.NodeId,
        TokenId = record.TokenId,
        Message = record.Message,
        ErrorType = record.ErrorType,
        Detail = record.Detail,
        Attempts = record.Attempts,
        CreatedAt = record.CreatedAt,
        ResolvedAt = record.ResolvedAt,
        Resolution = record.Resolution,
    };

    private static string? Truncate(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
