using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Execution;

public sealed class DeterminismTests
{
    [Fact]
    public async Task SameDefinitionAndInput_GiveTheSameJournal()
    {
        var first = await RunOnFreshEngineAsync();
        var second = await RunOnFreshEngineAsync();

        Assert.Equal(first, second);
        Assert.Contains("\"nodeId\": \"join\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceState_SerializedWhileWaiting_ResumesAfterReload()
    {
        using var harness = new EngineHarness();
        var workflow = harness.Engine.Prepare(Definition());
        var instance = await harness.Engine.StartAsync(workflow, new() { Input = EngineHarness.ToInput(new { items = new[] { 1, 2 } }) });
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        var reloaded = WorkflowJson.ParseInstance(WorkflowJson.WriteInstance(instance));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Engine.ResumeAsync(workflow, reloaded, reloaded.Bookmarks.Single().Id);

        Assert.Equal(WorkflowStatus.Completed, reloaded.Status);
        Assert.Equal(3, reloaded.Number("total"));
    }

    private static async Task<string> RunOnFreshEngineAsync()
    {
        using var harness = new EngineHarness();
        harness.Host.Register(Definition());
        var instance = await harness.Host.StartAsync("det", new() { Input = EngineHarness.ToInput(new { items = new[] { 1, 2 } }) });
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Host.FireDueTimersAsync();
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        return System.Text.Json.JsonSerializer.Serialize(instance.Journal, WorkflowJson.Options);
    }

    private static WorkflowDefinition Definition() => new WorkflowBuilder("det")
        .Variable("total", DataType.Number, 0)
        .Node("start", "Start").Node("fork", "Fork").Node("wait", "Delay", ("duration", "PT1H"))
        .Node("sum", "ForEach", ("items", new Js("input.items"))).Node("add", "Script", ("script", "total = total + item;"))
        .Node("join", "Join").Node("end", "End")
        .Connect("start", "fork").Connect("fork", "wait", "a").Connect("fork", "sum", "b").Connect("sum", "add", "iterate")
        .Connect("wait", "join").Connect("sum", "join", "done").Connect("join", "end")
        .Build();
}
