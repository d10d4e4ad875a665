using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Execution;

/// <summary>
/// One burst: runs tokens of one instance in process until each is done or waiting, then settles the status.
/// A burst is used once and thrown away; all lasting state is in the instance.
/// </summary>
internal sealed partial class Burst
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly ActivityContext _context;
    private readonly CancellationToken _cancellationToken;
    private int _steps;

    public Burst(WorkflowEngine engine, ExecutableWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        Workflow = workflow;
        Instance = instance;
        Clock = engine.Clock;
        Ids = engine.Ids;
        Evaluators = engine.Evaluators;
        WorkerName = engine.WorkerName;
        _cancellationToken = cancellationToken;
        _context = new ActivityContext(this);
    }

    public WorkflowInstance Instance { get; }

    public ExecutableWorkflow Workflow { get; }

    public TimeProvider Clock { get; }

    public IIdGenerator Ids { get; }

    public ExpressionEvaluators Evaluators { get; }

    public string? WorkerName { get; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    public ValueTask StartAsync(CompiledNode trigger)
    {
        var token = NewToken(0, trigger.Id);
        Enqueue(token);
        foreach (var listener in Workflow.Nodes.Where(n => n.Activity is IBackgroundActivity))
        {
            Listen(listener);
        }

        return RunAsync();
    }

    /// <summary>A wait of the whole case at a <see cref="IBackgroundActivity"/> step, which does not keep the case alive.</summary>
    private void Listen(CompiledNode node)
    {
        var token = NewToken(0, node.Id);
        token.Background = true;
        Enqueue(token);
    }

    public async ValueTask ResumeAsync(string bookmarkId, JsonNode? payload, string? resumedBy = null)
    {
        var bookmark = Instance.Bookmarks.Find(b => b.Id == bookmarkId)
            ?? throw new BookmarkNotFoundException($"Bookmark '{bookmarkId}' is not waiting in instance '{Instance.Id}': it was already handled or never existed.");
        var token = Instance.Tokens.Find(t => t.Id == bookmark.TokenId)
            ?? throw new InvalidOperationException($"Bookmark '{bookmarkId}' belongs to token {bookmark.TokenId}, which instance '{Instance.Id}' no longer has.");
        var node = Workflow.Node(bookmark.NodeId);
        switch (bookmark.Kind)
        {
            case BookmarkKind.Timeout:
                RemoveBookmarksOf(token);
                CancelIterations(token);
                CloseEntry(token, JournalStatus.Completed, Ports.Timeout);
                Route(token, node, Ports.Timeout);
                break;
            case BookmarkKind.Reminder:
                Instance.Bookmarks.Remove(bookmark);
                SendReminder(token, node, bookmark);
                break;
            case BookmarkKind.Retry:
                Instance.Bookmarks.Remove(bookmark);
                Enqueue(token);
                break;
            case BookmarkKind.EventListener:
                HearEvent(token, node, bookmark, payload);
                break;
            default:
                if (resumedBy is not null && token.JournalSequence is int sequence && Instance.FindEntry(sequence) is { } entry)
                {
                    entry.ResumedBy = resumedBy;
                }

                await ResumeActivityAsync(token, node, bookmark, payload);
                break;
        }

        await RunAsync();
    }

    private async ValueTask ResumeActivityAsync(Token token, CompiledNode node, Bookmark bookmark, JsonNode? payload)
    {
        if (node.Activity is not IResumableActivity resumable)
        {
            throw new InvalidOperationException($"Activity '{node.Descriptor.TypeName}' of node '{node.Id}' cannot be resumed.");
        }

        if (resumable.CheckResume(bookmark, payload) is { } reason)
        {
            throw new ResumeRejectedException($"Bookmark '{bookmark.Id}' at node '{node.Id}' was not resumed: {reason}");
        }

        RemoveBookmarksOf(token);
        token.Status = TokenStatus.Ready;
        _context.Reset(node, token);
        try
        {
            await resumable.ResumeAsync(_context, bookmark, payload);
            Apply(token, node);
        }
        catch (Exception ex) when (IsActivityFailure(ex))
        {
            Fail(token, node, ex);
        }
    }

    private async ValueTask RunAsync()
    {
        Instance.Status = WorkflowStatus.Running;
        while (true)
        {
            while (!Instance.IsFinished && _queue.TryDequeue(out var work))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (work.Token.Status == TokenStatus.Faulted || !Instance.Tokens.Contains(work.Token))
                {
                    continue;
                }

                if (work.Iteration is { } iteration)
                {
                    // Two iterations that end in one burst are both over when the first is told: the loop may have
                    // gone on through done (and its token to the next step) before the second one's turn, which is
                    // then no news for anyone.
                    if (work.Token.Status == TokenStatus.Looping && work.Token.NodeId == iteration.NodeId && work.Token.JournalSequence == work.OwnerEntry)
                    {
                        await CompleteIterationAsync(work.Token, iteration);
                    }
                }
                else if (work.Token.Status == TokenStatus.Ready)
                {
                    await StepAsync(work.Token);
                }
            }

            if (Instance.IsFinished || !FireInclusiveJoins())
            {
                break;
            }
        }

        Settle();
    }

    private async ValueTask StepAsync(Token token)
    {
        var node = Workflow.Node(token.NodeId);
        if (++_steps > Workflow.Definition.Settings.MaxStepsPerBurst)
        {
            RaiseIncident(token, node, $"stopped after {Workflow.Definition.Settings.MaxStepsPerBurst} steps in one burst without waiting: is there a loop without an exit?", "RunawayBurst", null);
            return;
        }

        token.Attempt++;
        // A wait of the whole case enters the journal when it is heard: until then it is no step the case is at.
        token.JournalSequence = token.Background ? null : AddEntry(token, node, JournalStatus.Running);
        _context.Reset(node, token);
        try
        {
            await node.Activity.ExecuteAsync(_context);
            Apply(token, node);
        }
        catch (Exception ex) when (IsActivityFailure(ex))
        {
            Fail(token, node, ex);
        }
    }

    private async ValueTask CompleteIterationAsync(Token owner, LoopScope iteration)
    {
        var node = Workflow.Node(owner.NodeId);
        _context.Reset(node, owner);
        try
        {
            await ((ILoopActivity)node.Activity).OnIterationCompletedAsync(_context, iteration);
            Apply(owner, node);
        }
        catch (Exception ex) when (IsActivityFailure(ex))
        {
            Fail(owner, node, ex);
        }
    }

    /// <summary>Carries out what the activity chose.</summary>
    private void Apply(Token token, CompiledNode node)
    {
        var context = _context;
        if (context.Terminated)
        {
            CloseEntry(token, JournalStatus.Completed, "terminated");
            Terminate();
            return;
        }

        if (context.CreatedBookmarks.Count > 0)
        {
            var created = context.CreatedBookmarks.ToList();
            var listening = ListenersOf(token, node);
            token.Status = TokenStatus.Waiting;
            Instance.Bookmarks.AddRange(created);
            Instance.Bookmarks.AddRange(listening);
            if (token.JournalSequence is int sequence && Instance.FindEntry(sequence) is { } entry)
            {
                entry.Status = JournalStatus.Waiting;
            }

            AddWaitTimers(token, node);
            return;
        }

        if (context.CaseEventHeard is var (interrupting, listenAgain))
        {
            token.Background = false;
            token.JournalSequence ??= AddEntry(token, node, JournalStatus.Running);
            if (interrupting)
            {
                foreach (var other in Instance.Tokens.Where(t => t != token).ToList())
                {
                    RemoveToken(other, JournalStatus.Cancelled);
                }
            }
            else if (listenAgain)
            {
                Listen(node);
            }
        }

        if (context.BrokeLoop)
        {
            BreakLoop(token);
            return;
        }

        if (context.EndedPath)
        {
            CloseEntry(token, JournalStatus.Completed, null);
            RemoveToken(token, null);
            return;
        }

        if (context.ReturnTarget is { } target)
        {
            CloseEntry(token, JournalStatus.Completed, Ports.Return);
            ReturnToken(token, target);
            return;
        }

        if (context.ChosenPorts.Count == 0 && context.Followed.Count == 0)
        {
            if (token.Status == TokenStatus.Looping)
            {
                return;
            }

            throw new ActivityException($"Activity '{node.Descriptor.TypeName}' finished without choosing an outcome.");
        }

        CheckPorts(node, context.ChosenPorts);
        CloseEntry(token, JournalStatus.Completed, Outcome(context));
        Route(token, node, context.ChosenPorts, context.Followed);
    }

    private static string Outcome(ActivityContext context)
    {
        if (context.Followed.Count == 0)
        {
            return context.ChosenPorts.Count == 1 ? context.ChosenPorts[0] : string.Join(',', context.ChosenPorts);
        }

        return string.Join(',', context.ChosenPorts.Concat(context.Followed.Select(c => c.SourcePort)));
    }

    private static void CheckPorts(CompiledNode node, List<string> ports)
    {
        foreach (var port in ports)
        {
            if (!node.Descriptor.AnyPort && !node.Ports.Contains(port))
            {
                throw new ActivityException($"Activity '{node.Descriptor.TypeName}' chose port '{port}', which it does not have.");
            }
        }
    }

    private bool IsActivityFailure(Exception ex) => ex is not OperationCanceledException || !_cancellationToken.IsCancellationRequested;

    private void Enqueue(Token token)
    {
        token.Status = TokenStatus.Ready;
        _queue.Enqueue(new WorkItem(token, null));
    }

    /// <param name="OwnerEntry">For an iteration's end: the loop's visit it belongs to (its token's journal entry then).</param>
    private readonly record struct WorkItem(Token Token, LoopScope? Iteration, int? OwnerEntry = null);
}
