using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Expressions;

namespace FlowCenter.Benchmarks;

/// <summary>
/// Starts instances of each case back to back on one thread, pinned to one core, and prints
/// instances/s, node executions/s and bytes allocated per instance.
/// </summary>
internal static class EngineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        PinToOneCore();
        using var javaScript = new JintExpressionEvaluator(new JavaScriptOptions(), TimeProvider.System);
        var engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), [javaScript], TimeProvider.System, new GuidIdGenerator());
        Console.WriteLine($"FlowCenter engine benchmark: .NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores (pinned to one), {seconds:0.#} s per case");
        Console.WriteLine($"{"case",-26} {"instances/s",12} {"nodes/s",12} {"bytes/instance",15} {"instances",10}");
        foreach (var (name, definition) in new[]
                 {
                     ("(a) 10 SetVariable literal", BenchmarkCases.SequentialLiterals()),
                     ("(b) Decision + Fork/Join", BenchmarkCases.DecisionForkJoin()),
                     ("(c) 10 SetVariable JS", BenchmarkCases.SequentialJavaScript()),
                 })
        {
            var result = await MeasureAsync(engine, engine.Prepare(definition), seconds);
            Console.WriteLine($"{name,-26} {result.InstancesPerSecond,12:N0} {result.NodesPerSecond,12:N0} {result.BytesPerInstance,15:N0} {result.Instances,10:N0}");
        }

        return 0;
    }

    private static async Task<Result> MeasureAsync(WorkflowEngine engine, ExecutableWorkflow workflow, double seconds)
    {
        var input = new Dictionary<string, JsonNode?> { ["seed"] = 1 };
        var options = new StartOptions { Input = input };
        await RunForAsync(engine, workflow, options, TimeSpan.FromSeconds(Math.Min(1, seconds / 3)));
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (instances, nodes) = await RunForAsync(engine, workflow, options, TimeSpan.FromSeconds(seconds));
        var elapsed = watch.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Result(instances, instances / elapsed, nodes / elapsed, allocated / instances);
    }

    private static async Task<(long Instances, long Nodes)> RunForAsync(WorkflowEngine engine, ExecutableWorkflow workflow, StartOptions options, TimeSpan duration)
    {
        long instances = 0, nodes = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 200; i++)
            {
                var instance = await engine.StartAsync(workflow, options);
                if (instance.Status != WorkflowStatus.Completed)
                {
                    throw new InvalidOperationException($"{workflow.Definition.Id} ended {instance.Status}: {instance.Incidents.FirstOrDefault()?.Message}");
                }

                instances++;
                nodes += instance.Journal.Count;
            }
        }

        return (instances, nodes);
    }

    private static void PinToOneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
    }

    private sealed record Result(long Instances, double InstancesPerSecond, double NodesPerSecond, double BytesPerInstance);
}
