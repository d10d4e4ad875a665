using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Hosting;

/// <summary>
/// Runs instances in memory: starts sub-process children and resumes their parents, routes events to
/// waiting instances, and fires due timers when asked. For the console sample and for tests; the durable
/// runtime does the same against a database. One call at a time: calls wait for each other.
/// </summary>
public sealed class InMemoryWorkflowHost(WorkflowEngine engine) : IDisposable
{
    private readonly Dictionary<string, List<ExecutableWorkflow>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);
    /// <summary>The sub-process and publish bookmarks already acted on.</summary>
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public WorkflowEngine Engine => engine;

    public IReadOnlyCollection<WorkflowInstance> Instances => _instances.Values;

    /// <summary>Validates and adds a definition version; throws with every problem when it is invalid.</summary>
    public ExecutableWorkflow Register(WorkflowDefinition definition)
    {
        var workflow = engine.Prepare(definition);
        if (!_definitions.TryGetValue(definition.Id, out var versions))
        {
            _definitions[definition.Id] = versions = [];
        }

        versions.RemoveAll(v => v.Definition.Version == definition.Version);
        versions.Add(workflow);
        return workflow;
    }

    public ExecutableWorkflow Find(string definitionId, int version = 0)
    {
        var versions = _definitions.GetValueOrDefault(definitionId) ?? throw new KeyNotFoundException($"No definition '{definitionId}'.");
        return version == 0
            ? versions.MaxBy(v => v.Definition.Version)!
            : versions.Find(v => v.Definition.Version == version) ?? throw new KeyNotFoundException($"No version {version} of '{definitionId}'.");
    }

    public WorkflowInstance Get(string instanceId) =>
        _instances.GetValueOrDefault(instanceId) ?? throw new KeyNotFoundException($"No instance '{instanceId}'.");

    public Task<WorkflowInstance> StartAsync(string definitionId, StartOptions? options = null, CancellationToken cancellationToken = default) =>
        Locked(() => StartCoreAsync(Find(definitionId), options, cancellationToken));

    public Task ResumeAsync(string instanceId, string bookmarkId, JsonNode? payload = null, CancellationToken cancellationToken = default) =>
        Locked(() => ResumeCoreAsync(Get(instanceId), bookmarkId, payload, cancellationToken));

    /// <summary>Resumes every bookmark waiting for this event and key; returns how many.</summary>
    public Task<int> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload = null, CancellationToken cancellationToken = default) =>
        Locked(() => DeliverAsync(eventName, correlationKey, payload, null, cancellationToken));

    /// <summary>Resumes the waits for an event (those made before <paramref name="madeBefore"/> when given); returns how many.</summary>
    private async Task<int> DeliverAsync(string eventName, string? correlationKey, JsonNode? payload, DateTimeOffset? madeBefore, CancellationToken cancellationToken)
    {
        var matches = _instances.Values
            .SelectMany(i => i.Bookmarks.Where(b => b.Kind is BookmarkKind.Event or BookmarkKind.EventListener && b.Name == eventName && b.CorrelationKey == correlationKey
                && (madeBefore is null || b.CreatedAt <= madeBefore)).Select(b => (i, b.Id)))
            .ToList();
        foreach (var (instance, bookmarkId) in matches)
        {
            await ResumeCoreAsync(instance, bookmarkId, payload?.DeepClone(), cancellationToken: cancellationToken);
        }

        return matches.Count;
    }

    /// <summary>Fires every timer-like bookmark due by the engine's clock, earliest first; returns how many.</summary>
    public Task<int> FireDueTimersAsync(CancellationToken cancellationToken = default) =>
        Locked(async () =>
        {
            var fired = 0;
            while (NextDue() is var (instance, bookmark) && instance is not null)
            {
                await ResumeCoreAsync(instance, bookmark!.Id, null, cancellationToken);
                fired++;
            }

            return fired;
        });

    public Task RetryIncidentAsync(string instanceId, int incidentId, CancellationToken cancellationToken = default) =>
        Locked(async () =>
        {
            var instance = Get(instanceId);
            await engine.RetryIncidentAsync(Find(instance.DefinitionId, instance.DefinitionVersion), instance, incidentId, cancellationToken);
            await AfterBurstAsync(instance, cancellationToken);
        });

    public Task SkipIncidentAsync(string instanceId, int incidentId, string port = Ports.Done, CancellationToken cancellationToken = default) =>
        Locked(async () =>
        {
            var instance = Get(instanceId);
            await engine.SkipIncidentAsync(Find(instance.DefinitionId, instance.DefinitionVersion), instance, incidentId, port, cancellationToken);
            await AfterBurstAsync(instance, cancellationToken);
        });

    /// <summary>Cancels an instance and its running children.</summary>
    public Task CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Locked(async () =>
        {
            CancelTree(Get(instanceId));
            await AfterBurstAsync(Get(instanceId), cancellationToken);
        });

    public void Dispose() => _gate.Dispose();

    private (WorkflowInstance? Instance, Bookmark? Bookmark) NextDue()
    {
        var now = engine.Clock.GetUtcNow();
        return _instances.Values
            .Where(i => !i.IsFinished)
            .SelectMany(i => i.Bookmarks.Where(b => b.DueAt <= now).Select(b => ((WorkflowInstance?)i, (Bookmark?)b)))
            .OrderBy(x => x.Item2!.DueAt)
            .FirstOrDefault();
    }

    private async Task<WorkflowInstance> StartCoreAsync(ExecutableWorkflow workflow, StartOptions? options, CancellationToken cancellationToken)
    {
        var instance = await engine.StartAsync(workflow, options, cancellationToken);
        _instances[instance.Id] = instance;
        await AfterBurstAsync(instance, cancellationToken);
        return instance;
    }

    private async Task ResumeCoreAsync(WorkflowInstance instance, string bookmarkId, JsonNode? payload, CancellationToken cancellationToken)
    {
        await engine.ResumeAsync(Find(instance.DefinitionId, instance.DefinitionVersion), instance, bookmarkId, payload, cancellationToken: cancellationToken);
        await AfterBurstAsync(instance, cancellationToken);
    }

    /// <summary>Starts the children a burst asked for, and tells a parent when its child has ended.</summary>
    private async Task AfterBurstAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        // A child whose wait ended another way (timeout, a cancelled branch, Terminate) is no longer wanted.
        foreach (var orphan in _instances.Values.Where(c => c.ParentInstanceId == instance.Id && !c.IsFinished && !instance.Bookmarks.Exists(b => b.Id == c.ParentBookmarkId)).ToList())
        {
            CancelTree(orphan);
        }

        foreach (var bookmark in instance.Bookmarks.Where(b => b.Kind == BookmarkKind.SubProcess && !_handled.Contains(b.Id)).ToList())
        {
            _handled.Add(bookmark.Id);
            await StartChildAsync(instance, bookmark, cancellationToken);
        }

        // An event a step publishes goes out after its burst, to the waits that were there when it was published.
        foreach (var bookmark in instance.Bookmarks.Where(b => b.Kind == BookmarkKind.Publish && !_handled.Contains(b.Id)).ToList())
        {
            _handled.Add(bookmark.Id);
            var resumed = await DeliverAsync(bookmark.Name ?? "", bookmark.CorrelationKey, Activities.Waiting.PublishPayload.Of(bookmark).Payload, bookmark.CreatedAt, cancellationToken);
            if (instance.Bookmarks.Contains(bookmark))
            {
                await ResumeCoreAsync(instance, bookmark.Id, new Activities.Waiting.PublishResult(resumed, []).ToJson(), cancellationToken);
            }
        }

        if (instance.IsFinished && instance.ParentInstanceId is { } parentId && _instances.TryGetValue(parentId, out var parent)
            && parent.Bookmarks.Exists(b => b.Id == instance.ParentBookmarkId))
        {
            await ResumeCoreAsync(parent, instance.ParentBookmarkId!, SubProcessResult.Of(instance).ToJson(), cancellationToken);
        }
    }

    private async Task StartChildAsync(WorkflowInstance parent, Bookmark bookmark, CancellationToken cancellationToken)
    {
        var request = SubProcessRequest.Of(bookmark);
        try
        {
            var child = Find(request.DefinitionId, request.Version);
            await StartCoreAsync(child, new StartOptions { Input = request.InputValues(), ParentInstanceId = parent.Id, ParentBookmarkId = bookmark.Id, BusinessKey = parent.BusinessKey }, cancellationToken);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ArgumentException)
        {
            await ResumeCoreAsync(parent, bookmark.Id, SubProcessResult.NotStarted(ex.Message).ToJson(), cancellationToken);
        }
    }

    private void CancelTree(WorkflowInstance instance)
    {
        foreach (var child in _instances.Values.Where(c => c.ParentInstanceId == instance.Id && !c.IsFinished).ToList())
        {
            CancelTree(child);
        }

        if (!instance.IsFinished)
        {
            engine.Cancel(Find(instance.DefinitionId, instance.DefinitionVersion), instance);
        }
    }

    private async Task<T> Locked<T>(Func<Task<T>> action)
    {
        await _gate.WaitAsync();
        try
        {
            return await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task Locked(Func<Task> action)
    {
        await _gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            _gate.Release();
        }
    }
}
