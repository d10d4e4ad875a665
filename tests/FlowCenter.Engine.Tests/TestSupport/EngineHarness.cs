using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Hosting;
using FlowCenter.Engine.State;
using FlowCenter.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace FlowCenter.Engine.Tests.TestSupport;

/// <summary>An engine on a fake clock with sequential ids and real JavaScript, plus an in-memory host.</summary>
public sealed class EngineHarness : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public EngineHarness(JavaScriptOptions? javaScript = null)
    {
        Clock = new FakeTimeProvider(Epoch);
        JavaScript = new JintExpressionEvaluator(javaScript ?? new JavaScriptOptions(), Clock);
        Engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), [JavaScript], Clock, new SequentialIdGenerator("b"));
        Host = new InMemoryWorkflowHost(Engine);
    }

    public FakeTimeProvider Clock { get; }

    public JintExpressionEvaluator JavaScript { get; }

    public WorkflowEngine Engine { get; }

    public InMemoryWorkflowHost Host { get; }

    public async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, object? input = null)
    {
        Host.Register(definition);
        return await Host.StartAsync(definition.Id, new StartOptions { Input = ToInput(input) });
    }

    public static Dictionary<string, JsonNode?>? ToInput(object? input) =>
        input is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(input)!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    public void Dispose()
    {
        Host.Dispose();
        JavaScript.Dispose();
    }
}
