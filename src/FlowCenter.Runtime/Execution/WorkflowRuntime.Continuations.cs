using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities.Waiting;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Validation;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Execution;

/// <summary>What follows a commit: timers to arm, children to start or cancel, parents to tell.</summary>
public sealed partial class WorkflowRuntime
{
    public async Task RunContinuationAsync(Continuation continuation, CancellationToken cancellationToken = default)
    {
        switch (continuation.Kind)
        {
            case ContinuationKind.StartChild:
                await StartChildAsync(continuation.InstanceId, continuation.BookmarkId!, cancellationToken);
                break;
            case ContinuationKind.NotifyParent:
                await NotifyParentAsync(continuation.InstanceId, cancellationToken);
                break;
            case ContinuationKind.Publish:
                await PublishFromAsync(continuation.InstanceId, continuation.BookmarkId!, cancellationToken);
                break;
            case ContinuationKind.CancelChild:
                if (await instances.FindChildAsync(continuation.InstanceId, continuation.BookmarkId!, cancellationToken) is { } childId)
                {
                    await CancelAsync(childId, cancellationToken);
                }

                break;
        }
    }

    private async Task AfterCommitAsync(StoredInstance stored, CancellationToken cancellationToken)
    {
        var instance = stored.Instance;
        var continuations = new List<Continuation>();
        var added = stored.NewBookmarks.ToList();
        var removed = stored.RemovedBookmarks.ToList();
        foreach (var bookmark in added)
        {
            if (bookmark.DueAt is { } dueAt)
            {
                // What follows a commit must not undo it: the commit stands, and what could not be handed over
                // is picked up from the database (due timers by the poller, continuations by the recovery sweep).
                try
                {
                    timers.Schedule(instance.Id, bookmark.Id, dueAt);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogScheduleFailed(logger, ex, instance.Id, bookmark.Id);
                }
            }
            else if (bookmark.Kind == BookmarkKind.SubProcess)
            {
                continuations.Add(new Continuation(ContinuationKind.StartChild, instance.Id, bookmark.Id));
            }
            else if (bookmark.Kind == BookmarkKind.Publish)
            {
                continuations.Add(new Continuation(ContinuationKind.Publish, instance.Id, bookmark.Id));
            }
        }

        continuations.AddRange(removed.Where(b => b.Kind == BookmarkKind.SubProcess)
            .Select(b => new Continuation(ContinuationKind.CancelChild, instance.Id, b.Id)));
        if (instance.IsFinished && instance.ParentInstanceId is not null)
        {
            continuations.Add(new Continuation(ContinuationKind.NotifyParent, instance.Id));
        }

        stored.MarkSaved(stored.Revision);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnCommittedAsync(stored, added, removed, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, ex, instance.Id);
                recovery.Needed();
            }
        }

        foreach (var continuation in continuations)
        {
            try
            {
                if (_dispatcher is not null)
                {
                    _dispatcher.Dispatch(continuation);
                }
                else
                {
                    await RunContinuationAsync(continuation, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogContinuationFailed(logger, ex, continuation.Kind, instance.Id);
                recovery.Needed();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {BookmarkId} of instance {InstanceId} was committed but not scheduled; the database poller fires it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string instanceId, string bookmarkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} of instance {InstanceId} was committed but not run; the recovery sweep runs it")]
    private static partial void LogContinuationFailed(ILogger logger, Exception exception, ContinuationKind kind, string instanceId);

    private async Task StartChildAsync(string parentId, string bookmarkId, CancellationToken cancellationToken)
    {
        var parent = await instances.LoadAsync(parentId, cancellationToken);
        var bookmark = parent?.Instance.Bookmarks.Find(b => b.Id == bookmarkId);
        if (parent is null || bookmark?.Data is null || await instances.FindChildAsync(parentId, bookmarkId, cancellationToken) is not null)
        {
            return;
        }

        var request = SubProcessRequest.Of(bookmark);
        try
        {
            await StartAsync(new StartRequest(request.DefinitionId)
            {
                Version = request.Version == 0 ? null : request.Version,
                Input = request.InputValues(),
                BusinessKey = parent.Instance.BusinessKey,
                StartedBy = Starter.Parent(parentId),
                ParentInstanceId = parentId,
                ParentBookmarkId = bookmarkId,
            }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            LogChildExists(logger, parentId, bookmarkId);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ArgumentException or WorkflowValidationException)
        {
            await ResumeAsync(parentId, bookmarkId, SubProcessResult.NotStarted(ex.Message).ToJson(), "sub-process", cancellationToken);
        }
    }

    /// <summary>Delivers the event a step published, then resumes the step with what it did (or the reason it could not be delivered).</summary>
    private async Task PublishFromAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        var publisher = await instances.LoadAsync(instanceId, cancellationToken);
        if (publisher?.Instance.Bookmarks.Find(b => b.Id == bookmarkId) is not { Kind: BookmarkKind.Publish } bookmark)
        {
            return;
        }

        JsonObject result;
        try
        {
            var outcome = await DeliverAsync(bookmark.Name ?? "", bookmark.CorrelationKey, PublishPayload.Of(bookmark).Payload, "instance:" + instanceId, bookmark, cancellationToken);
            result = new PublishResult(outcome.Resumed, outcome.StartedInstanceIds).ToJson();
        }
        catch (AmbiguousCorrelationException ex)
        {
            result = new JsonObject { ["error"] = ex.Message };
        }

        await ResumeAsync(instanceId, bookmarkId, result, "event", cancellationToken);
    }

    private async Task NotifyParentAsync(string childId, CancellationToken cancellationToken)
    {
        var child = (await instances.LoadAsync(childId, cancellationToken))?.Instance;
        if (child is not { IsFinished: true, ParentInstanceId: { } parentId, ParentBookmarkId: { } bookmarkId })
        {
            return;
        }

        await ResumeAsync(parentId, bookmarkId, SubProcessResult.Of(child).ToJson(), "sub-process:" + child.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The child of {ParentId} for bookmark {BookmarkId} was already started")]
    private static partial void LogChildExists(ILogger logger, string parentId, string bookmarkId);
}
