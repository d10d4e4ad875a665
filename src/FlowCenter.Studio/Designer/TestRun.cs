using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Hosting;
using FlowCenter.Engine.State;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// A run of the definition being edited, in memory: nothing is stored. Waits are answered by hand and
/// timers fast-forwarded; published processes are available as sub-processes.
/// </summary>
public sealed class TestRun : IDisposable
{
    private readonly FastForwardClock _clock;
    private readonly InMemoryWorkflowHost _host;

    private TestRun(WorkflowEngine engine, WorkflowInstance instance, InMemoryWorkflowHost host, FastForwardClock clock)
    {
        Engine = engine;
        Instance = instance;
        _host = host;
        _clock = clock;
    }

    public WorkflowEngine Engine { get; }

    public WorkflowInstance Instance { get; }

    /// <summary>Every live bookmark of the run, its children included.</summary>
    public IReadOnlyList<(WorkflowInstance Instance, Bookmark Bookmark)> Waiting =>
        [.. _host.Instances.Where(i => !i.IsFinished).SelectMany(i => i.Bookmarks.Select(b => (i, b)))];

    public static async Task<TestRun> StartAsync(WorkflowDefinition draft, IEnumerable<WorkflowDefinition> others, ActivityRegistry activities, IEnumerable<IExpressionEvaluator> evaluators, JsonObject? input)
    {
        var clock = new FastForwardClock();
        var engine = new WorkflowEngine(activities, evaluators, clock, new GuidIdGenerator());
        var host = new InMemoryWorkflowHost(engine);
        foreach (var other in others.Where(o => o.Id != draft.Id))
        {
            host.Register(other);
        }

        host.Register(draft);
        var instance = await host.StartAsync(draft.Id, new StartOptions { Input = input?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) });
        return new TestRun(engine, instance, host, clock);
    }

    public Task AnswerAsync(WorkflowInstance instance, Bookmark bookmark, JsonNode? payload) =>
        bookmark.DueAt is { } due ? FastForwardAsync(due) : _host.ResumeAsync(instance.Id, bookmark.Id, payload);

    public async Task FastForwardAsync(DateTimeOffset due)
    {
        _clock.JumpTo(due);
        await _host.FireDueTimersAsync();
    }

    /// <summary>The nodes that completed, the ones that failed, and the connections the run took.</summary>
    public (IReadOnlyList<string> Done, IReadOnlyList<string> Failed, IReadOnlyList<string> Edges) Path(WorkflowDefinition definition)
    {
        var journal = Instance.Journal;
        var done = journal.Where(e => e.Status is JournalStatus.Completed or JournalStatus.Waiting).Select(e => e.NodeId).Distinct().ToList();
        var failed = Instance.Incidents.Where(i => i.IsOpen).Select(i => i.NodeId).Distinct().ToList();
        var reached = journal.Select(e => e.NodeId).ToHashSet();
        var edges = definition.Connections
            .Where(c => reached.Contains(c.Target) && journal.Any(e => e.NodeId == c.Source && e.Outcome is { } outcome && outcome.Split(',').Contains(c.SourcePort)))
            .Select(c => c.Id)
            .ToList();
        return (done, failed, edges);
    }

    public void Dispose() => _host.Dispose();
}
