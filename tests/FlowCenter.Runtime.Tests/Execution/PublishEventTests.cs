using System.Reflection;
using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowCenter.Runtime.Tests.Execution;

/// <summary>A step that publishes an event: sent after its commit, delivered to waits and starts, changing nothing more when delivered again.</summary>
public sealed class PublishEventTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task PublishedEvent_DeliveredAgainAfterACrash_ResumesAndStartsOnce(DatabaseProvider provider)
    {
        FailingSave? failing = null;
        await using var harness = await RuntimeHarness.CreateAsync(provider, services => services.Replace(ServiceDescriptor.Singleton<IInstanceStore>(sp =>
        {
            var store = DispatchProxy.Create<IInstanceStore, FailingSave>();
            failing = (FailingSave)(object)store;
            failing.Inner = new EfInstanceStore(sp.GetRequiredService<FlowCenterDbContextFactory>());
            return store;
        })));
        await harness.PublishAsync(new WorkflowBuilder("waiter")
            .Variable("got").Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "goods.arrived"), ("correlationKey", new Js("input.po")), ("resultVariable", "got"))
            .Chain("start", "wait").Build());
        await harness.PublishAsync(new WorkflowBuilder("receiving")
            .Variable("qty").Node("trigger", "EventStart", ("eventName", "goods.arrived")).Node("set", "SetVariable", ("name", "qty"), ("value", new Js("input.qty")))
            .Chain("trigger", "set").Build());
        await harness.PublishAsync(new WorkflowBuilder("supplier")
            .Variable("told").Node("start", "Start")
            .Node("tell", "PublishEvent", ("eventName", "goods.arrived"), ("correlationKey", new Js("input.po")), ("payload", new Js("({ po: input.po, qty: 12 })")), ("resultVariable", "told"))
            .Chain("start", "tell").Build());
        var waiter = await harness.Runtime.StartAsync(new StartRequest("waiter") { Input = new Dictionary<string, JsonNode?> { ["po"] = "PO-9" } });

        // The event goes out after the supplier's commit; the supplier's own save after delivery fails, as in a crash.
        failing!.FailWhen = stored => stored.Instance.DefinitionId == "supplier" && !stored.IsNew;
        var supplier = await harness.Runtime.StartAsync(new StartRequest("supplier") { Input = new Dictionary<string, JsonNode?> { ["po"] = "PO-9" } });

        Assert.Equal(WorkflowStatus.Waiting, (await harness.Runtime.GetAsync(supplier.Id))!.Status);
        Assert.Equal(12, (await harness.Runtime.GetAsync(waiter.Id))!.Variables["got"]!["qty"]!.GetValue<int>());
        var started = Assert.Single((await harness.Runtime.QueryAsync(new() { DefinitionId = "receiving" })).Items);
        Assert.Equal("PO-9", started.BusinessKey);

        // The recovery sweep delivers it again: nothing is resumed or started twice, and the supplier goes on.
        await ContinuationRecovery.SweepAsync(harness.Instances, harness.Runtime, CancellationToken.None);
        await ContinuationRecovery.SweepAsync(harness.Instances, harness.Runtime, CancellationToken.None);

        Assert.Single((await harness.Runtime.QueryAsync(new() { DefinitionId = "receiving" })).Items);
        Assert.Single(await harness.Instances.GetJournalAsync(waiter.Id), e => e.NodeId == "wait" && e.Status == JournalStatus.Completed);
        var done = (await harness.Runtime.GetAsync(supplier.Id))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(started.Id, done.Variables["told"]!["started"]![0]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task PublishedEvent_WithAKeySeveralCasesWaitFor_IsAnIncidentOfThePublisher(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("waiter")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "lot.released"), ("correlationKey", "L-1")).Chain("start", "wait").Build());
        await harness.PublishAsync(new WorkflowBuilder("quality")
            .Node("start", "Start").Node("tell", "PublishEvent", ("eventName", "lot.released"), ("correlationKey", "L-1")).Chain("start", "tell").Build());
        var first = await harness.Runtime.StartAsync(new StartRequest("waiter"));
        await harness.Runtime.StartAsync(new StartRequest("waiter"));

        var quality = await harness.Runtime.StartAsync(new StartRequest("quality"));

        var failed = (await harness.Runtime.GetAsync(quality.Id))!;
        Assert.Contains("could not be delivered", Assert.Single(failed.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Waiting, (await harness.Runtime.GetAsync(first.Id))!.Status);
    }

    /// <summary>The instance store, whose save fails once for the instance the test names.</summary>
    public class FailingSave : DispatchProxy
    {
        public IInstanceStore Inner { get; set; } = null!;

        public Func<StoredInstance, bool> FailWhen { get; set; } = _ => false;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IInstanceStore.SaveAsync) && args![0] is StoredInstance stored && FailWhen(stored))
            {
                FailWhen = _ => false;
                return Task.FromException(new TimeoutException("the database went away"));
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }
    }
}
