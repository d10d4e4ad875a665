using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>
/// A process that stops between an instance's commit and its inbox's change (killed, as a batch cancel once was on
/// the demo): at the next start the inbox matches the instances again, both ways.
/// </summary>
public sealed class TaskRecoveryTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task AfterACrashBetweenCommitAndInbox_TheStartUpCreatesMissingStepsAndClosesThoseLeftOpen(DatabaseProvider provider)
    {
        // A node whose commits never reach the inbox: what a process killed right after each commit leaves.
        await using var crashing = await RuntimeHarness.CreateAsync(provider, services => services.RemoveAll<ICommitObserver>());
        await crashing.Organization.ImportAsync(TaskTestSupport.Organization(), "password-123");
        var cancelled = await TaskTestSupport.StartOneStepAsync(crashing, "first", ("assignee", "lina"));
        var kept = (await crashing.Runtime.StartAsync(new StartRequest("first") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw"), BusinessKey = "KEPT" })).Id;
        Assert.Empty(await crashing.TaskStore.ListGroupsAsync(cancelled));

        // The next start makes the steps that were missing.
        await using (var restarted = await crashing.StartAnotherAsync())
        {
            Assert.Equal(2, (await restarted.Tasks.QueryAsync(new TaskQuery(TaskBox.ToDo, "lina"))).Total);
        }

        // Cancelled on the crashing node: the instance is, its step is still open in the inbox.
        await crashing.Runtime.CancelAsync(cancelled);
        Assert.Equal(WorkflowStatus.Cancelled, await TaskTestSupport.StatusAsync(crashing, cancelled));
        Assert.Equal(TaskGroupStatus.Open, (await TaskTestSupport.GroupAsync(crashing, cancelled)).Status);

        // The next start closes it; the other case's step stays as it was, and a start after that changes nothing.
        await using var again = await crashing.StartAnotherAsync();
        Assert.Equal(TaskGroupStatus.Closed, (await TaskTestSupport.GroupAsync(again, cancelled)).Status);
        Assert.Equal(TaskGroupStatus.Open, (await TaskTestSupport.GroupAsync(again, kept)).Status);
        var inbox = await again.Tasks.QueryAsync(new TaskQuery(TaskBox.ToDo, "lina"));
        Assert.Equal([kept], inbox.Items.Select(i => i.InstanceId));
        Assert.Empty(await again.TaskStore.FindInstancesWithTasksOutOfStepAsync());
        await using var third = await crashing.StartAnotherAsync();
        Assert.Single((await third.TaskStore.ListGroupsAsync(cancelled)));
        Assert.Single((await third.TaskStore.ListGroupsAsync(kept)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task WhenTheInboxFailsToFollowACommit_TheRecoverySweepPutsItRight_WithoutARestart(DatabaseProvider provider)
    {
        var failing = new FailingOnce();
        await using var harness = await RuntimeHarness.CreateAsync(provider, services =>
        {
            // The task service's observer, failing on its first call as it would with the database gone for a moment.
            services.RemoveAll<ICommitObserver>();
            services.AddSingleton<ICommitObserver>(sp => failing.Around(new TaskCommitObserver(sp)));
        });
        await harness.Organization.ImportAsync(TaskTestSupport.Organization(), "password-123");
        var id = await TaskTestSupport.StartOneStepAsync(harness, "first", ("assignee", "lina"));
        Assert.Equal(1, failing.Failures);
        Assert.Empty(await harness.TaskStore.ListGroupsAsync(id));

        var recovery = harness.Services.GetRequiredService<ContinuationRecovery>();
        await recovery.StartAsync(CancellationToken.None);
        try
        {
            // The service starts its timer on a thread of its own: the clock moves on until a sweep has run.
            await Eventually.ThatAsync(
                async () => (await harness.Tasks.QueryAsync(new TaskQuery(TaskBox.ToDo, "lina"))).Total, total => total > 0, "the sweep to make the missing step",
                TimeSpan.FromSeconds(10), between: () => harness.Clock.Advance(ContinuationRecovery.SweepEvery), every: TimeSpan.FromMilliseconds(50));
        }
        finally
        {
            await recovery.StopAsync(CancellationToken.None);
        }

        Assert.Single(await harness.TaskStore.ListGroupsAsync(id));
    }

    /// <summary>An observer whose first call fails.</summary>
    private sealed class FailingOnce
    {
        public int Failures { get; private set; }

        public ICommitObserver Around(ICommitObserver inner) => new Observer(this, inner);

        private sealed class Observer(FailingOnce owner, ICommitObserver inner) : ICommitObserver
        {
            public Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<(string Id, BookmarkKind Kind)> removed, CancellationToken cancellationToken)
            {
                if (owner.Failures == 0)
                {
                    owner.Failures++;
                    throw new InvalidOperationException("the database went away for a moment");
                }

                return inner.OnCommittedAsync(stored, added, removed, cancellationToken);
            }
        }
    }
}
