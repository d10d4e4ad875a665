using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Execution;

/// <summary>Failures, retries and incidents; timers of waiting nodes; how a burst ends.</summary>
internal sealed partial class Burst
{
    private const string JoinStuck = "JoinStuck";

    /// <summary>A node failed: retry it, else take its error port, else raise an incident.</summary>
    private void Fail(Token token, CompiledNode node, Exception error)
    {
        CancelIterations(token);
        var message = error is ActivityException or ExpressionException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        CloseEntry(token, JournalStatus.Failed, null, message);
        if (node.Definition.Retry is { } retry && token.Attempt < retry.MaxAttempts)
        {
            var delay = RetryDelay(retry, token.Attempt);
            if (delay <= TimeSpan.Zero)
            {
                Enqueue(token);
                return;
            }

            token.Status = TokenStatus.Waiting;
            Instance.Bookmarks.Add(NewTimerBookmark(BookmarkKind.Retry, token, node, Now + delay, null));
            return;
        }

        if (node.ConnectionsOn(Ports.Error).Length > 0)
        {
            Instance.LastError = new JsonObject
            {
                ["nodeId"] = node.Id,
                ["message"] = message,
                ["type"] = (error as ActivityException)?.Code ?? error.GetType().Name,
                ["attempts"] = token.Attempt,
            };
            Route(token, node, Ports.Error);
            return;
        }

        RaiseIncident(token, node, message, error.GetType().Name, error);
    }

    private static TimeSpan RetryDelay(RetryPolicy retry, int attempt)
    {
        var first = retry.Delay is null ? TimeSpan.Zero : JsonValues.ParseDuration(retry.Delay);
        var delay = first * Math.Pow(retry.BackoffMultiplier <= 0 ? 1 : retry.BackoffMultiplier, attempt - 1);
        return retry.MaxDelay is { } max && delay > JsonValues.ParseDuration(max) ? JsonValues.ParseDuration(max) : delay;
    }

    private void RaiseIncident(Token token, CompiledNode node, string message, string errorType, Exception? error)
    {
        Instance.Incidents.Add(new Incident
        {
            Id = Instance.TakeSequence(),
            NodeId = node.Id,
            TokenId = token.Id,
            Message = $"Node '{node.Definition.Label}' ({node.Id}) failed: {message}",
            ErrorType = errorType,
            Detail = error?.ToString(),
            Attempts = token.Attempt,
            CreatedAt = Now,
        });
        if (Workflow.Definition.Settings.IncidentStrategy == IncidentStrategy.Fault)
        {
            EndAll(WorkflowStatus.Faulted);
            return;
        }

        token.Status = TokenStatus.Faulted;
    }

    /// <summary>Adds a journal entry; a completed one (a reminder, a skip) starts and ends now.</summary>
    private int AddEntry(Token token, CompiledNode node, JournalStatus status, string? outcome = null, string? error = null)
    {
        var sequence = ++Instance.JournalCount;
        Instance.Journal.Add(new JournalEntry
        {
            Sequence = sequence,
            NodeId = node.Id,
            ActivityType = node.Descriptor.TypeName,
            TokenId = token.Id,
            Attempt = Math.Max(token.Attempt, 1),
            Status = status,
            StartedAt = Now,
            CompletedAt = status == JournalStatus.Completed ? Now : null,
            Outcome = outcome,
            Error = error,
            Worker = WorkerName,
        });
        return sequence;
    }

    private void CloseEntry(Token token, JournalStatus status, string? outcome, string? error = null)
    {
        if (token.JournalSequence is not int sequence || Instance.FindEntry(sequence) is not { } entry)
        {
            token.JournalSequence = null;
            return;
        }

        entry.Status = status;
        entry.CompletedAt = Now;
        entry.Outcome = outcome;
        entry.Error = error;
        token.JournalSequence = null;
    }

    private void AddWaitTimers(Token token, CompiledNode node)
    {
        if (node.Timeout is { } timeout)
        {
            Instance.Bookmarks.Add(NewTimerBookmark(BookmarkKind.Timeout, token, node, Now + timeout, null));
        }

        if (node.ReminderInterval is { } interval)
        {
            Instance.Bookmarks.Add(NewTimerBookmark(BookmarkKind.Reminder, token, node, Now + interval, new JsonObject { ["count"] = 0 }));
        }

    }

    /// <summary>The bookmarks of a waiting node's event listeners; their keys evaluated as the wait begins, in the waiting token's scope.</summary>
    private List<Bookmark> ListenersOf(Token token, CompiledNode node) =>
        node.Definition.Events is { Count: > 0 } listeners ? listeners.ConvertAll(l => NewListenerBookmark(token, node, l)) : [];

    private Bookmark NewListenerBookmark(Token token, CompiledNode node, EventListenerSettings listener)
    {
        _context.Reset(node, token);
        string? key;
        try
        {
            key = listener.CorrelationKey is { Source.Length: > 0 } expression ? JsonValues.ToText(_context.Evaluate(expression)) : null;
        }
        catch (ExpressionException ex)
        {
            throw new ActivityException($"The correlation key of the event '{listener.Event}' (port '{listener.Port}'): {ex.Message}", ex);
        }

        return new Bookmark
        {
            Id = Ids.NewId(),
            Kind = BookmarkKind.EventListener,
            NodeId = node.Id,
            TokenId = token.Id,
            Name = listener.Event,
            CorrelationKey = key,
            Data = ContractJson.ToJson(new EventListenerPayload { Port = listener.Port }),
            CreatedAt = Now,
        };
    }

    /// <summary>
    /// An event a waiting node listened for came: an interrupting one ends the wait through its port (what the
    /// wait had started, a task or a child, is withdrawn with its bookmark); another sends a path through the port
    /// and listens again.
    /// </summary>
    private void HearEvent(Token token, CompiledNode node, Bookmark bookmark, JsonNode? payload)
    {
        var port = EventListenerPayload.Of(bookmark).Port;
        var listener = node.Definition.Events?.Find(l => l.Port == port)
            ?? throw new InvalidOperationException($"Node '{node.Id}' has no event listener on port '{port}'.");
        if (listener.Interrupting)
        {
            RemoveBookmarksOf(token);
            CancelIterations(token);
            CloseEntry(token, JournalStatus.Completed, port);
            try
            {
                Receive(token, listener, payload);
                Route(token, node, port);
            }
            catch (Exception ex) when (IsActivityFailure(ex))
            {
                Fail(token, node, ex);
            }

            return;
        }

        Instance.Bookmarks.Remove(bookmark);
        Instance.Bookmarks.Add(NewListenerBookmark(token, node, listener));
        var path = NewTokenLike(token);
        path.JournalSequence = AddEntry(path, node, JournalStatus.Completed, port);
        try
        {
            Receive(path, listener, payload);
            Send(path, node.ConnectionsOn(port), null);
        }
        catch (Exception ex) when (IsActivityFailure(ex))
        {
            Fail(path, node, ex);
        }
    }

    private void Receive(Token token, EventListenerSettings listener, JsonNode? payload)
    {
        if (listener.ResultVariable is { Length: > 0 } variable)
        {
            SetVariable(token, variable, payload?.DeepClone());
        }
    }

    private void SendReminder(Token token, CompiledNode node, Bookmark reminder)
    {
        var count = ReminderPayload.Of(reminder).Count + 1;
        AddEntry(token, node, JournalStatus.Completed, Ports.Reminder);
        var max = node.Definition.Reminder?.MaxCount ?? 0;
        if (max == 0 || count < max)
        {
            var next = reminder.DueAt!.Value + node.ReminderInterval!.Value;
            Instance.Bookmarks.Add(NewTimerBookmark(BookmarkKind.Reminder, token, node, next > Now ? next : Now + node.ReminderInterval.Value, ContractJson.ToJson(new ReminderPayload { Count = count })));
        }

        foreach (var connection in node.ConnectionsOn(Ports.Reminder))
        {
            Arrive(NewTokenLike(token), connection);
        }
    }

    private Bookmark NewTimerBookmark(BookmarkKind kind, Token token, CompiledNode node, DateTimeOffset dueAt, JsonObject? data) => new()
    {
        Id = Ids.NewId(),
        Kind = kind,
        NodeId = node.Id,
        TokenId = token.Id,
        DueAt = dueAt,
        Data = data,
        CreatedAt = Now,
    };

    private void Terminate() => EndAll(WorkflowStatus.Completed);

    /// <summary>Ends the instance at once: open journal entries are cancelled, every token and bookmark goes.</summary>
    internal void EndAll(WorkflowStatus status)
    {
        foreach (var token in Instance.Tokens)
        {
            CloseEntry(token, JournalStatus.Cancelled, null);
        }

        Instance.Tokens.Clear();
        Instance.Bookmarks.Clear();
        Instance.Scopes.Clear();
        _queue.Clear();
        Instance.Status = status;
        Instance.CompletedAt = Now;
        Instance.UpdatedAt = Now;
        if (status == WorkflowStatus.Completed)
        {
            SetOutput();
        }
    }

    private void Settle()
    {
        if (Instance.IsFinished)
        {
            return;
        }

        RaiseStuckJoins();
        if (Instance.IsFinished)
        {
            return;
        }

        Instance.UpdatedAt = Now;
        if (Instance.Tokens.Count > 0 && Instance.Tokens.TrueForAll(t => t.Background))
        {
            // Only the case's own waits are left: they end with it.
            foreach (var listener in Instance.Tokens.ToList())
            {
                RemoveToken(listener, JournalStatus.Cancelled);
            }
        }

        if (Instance.Tokens.Count == 0)
        {
            Instance.Status = WorkflowStatus.Completed;
            Instance.CompletedAt = Now;
            SetOutput();
            return;
        }

        Instance.Status = Instance.Incidents.Exists(i => i.IsOpen) ? WorkflowStatus.Suspended : WorkflowStatus.Waiting;
    }

    /// <summary>Joins that wait while nothing runs or waits anywhere can never fire: each gets an incident.</summary>
    private void RaiseStuckJoins()
    {
        if (Instance.Tokens.Exists(t => !t.Background && t.Status is TokenStatus.Ready or TokenStatus.Waiting or TokenStatus.Faulted))
        {
            return;
        }

        foreach (var group in Instance.Tokens.Where(t => t.Status == TokenStatus.Parked).GroupBy(t => (t.NodeId, t.ScopeId)).ToList())
        {
            var join = Workflow.Node(group.Key.NodeId);
            var arrived = group.Select(t => t.ArrivedVia).ToHashSet();
            var missing = join.Incoming.Where(c => !arrived.Contains(c.Id)).Select(c => c.Id);
            RaiseIncident(group.First(), join, $"the join waits for paths that can no longer arrive (arrived: {string.Join(", ", arrived)}; missing: {string.Join(", ", missing)})", JoinStuck, null);
            if (Instance.IsFinished)
            {
                return;
            }
        }
    }

    private void SetOutput()
    {
        foreach (var output in Workflow.Definition.Outputs)
        {
            Instance.Output[output.Name] = Instance.Variables.TryGetValue(output.Name, out var value) ? value
                : Instance.Input.TryGetValue(output.Name, out var input) ? input
                : output.Default;
        }
    }

    public async ValueTask RetryIncidentAsync(Incident incident)
    {
        var token = ResolveIncident(incident, "retried");
        var node = Workflow.Node(token.NodeId);
        if (incident.ErrorType == JoinStuck)
        {
            token.Status = TokenStatus.Parked;
            TryFireJoin(node, token.ScopeId);
        }
        else
        {
            token.Attempt = 0;
            Enqueue(token);
        }

        await RunAsync();
    }

    public async ValueTask SkipIncidentAsync(Incident incident, string port)
    {
        var token = ResolveIncident(incident, "skipped");
        var node = Workflow.Node(token.NodeId);
        AddEntry(token, node, JournalStatus.Completed, port, "skipped by an operator");
        if (incident.ErrorType == JoinStuck)
        {
            foreach (var other in ParkedAt(node, token.ScopeId))
            {
                RemoveToken(other, null);
            }
        }

        Route(token, node, port);
        await RunAsync();
    }

    private Token ResolveIncident(Incident incident, string resolution)
    {
        var token = Instance.Tokens.Find(t => t.Id == incident.TokenId && t.Status == TokenStatus.Faulted)
            ?? throw new InvalidOperationException($"Incident {incident.Id} of instance '{Instance.Id}' has no stopped path to act on.");
        incident.ResolvedAt = Now;
        incident.Resolution = resolution;
        return token;
    }
}
