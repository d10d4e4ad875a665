using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Interop;

namespace FlowCenter.Engine.Tests.Interop;

/// <summary>FlowCenter definitions written as Elsa 3 JSON: Elsa's own activities where they mean the same, and back unchanged.</summary>
public sealed class ElsaExportTests
{
    public static TheoryData<string> ShippedWorkflows() => [.. RepositoryPaths.WorkflowFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedWorkflows))]
    public void EveryShippedWorkflow_ThroughElsaJsonAndBack_IsTheSameDefinition(string file)
    {
        var original = WorkflowJson.ParseDefinition(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)), file);
        var elsa = DefinitionConverter.Export(original, DefinitionFormat.Elsa);
        Assert.Equal(DefinitionFormat.Elsa, DefinitionConverter.Detect(elsa));

        var back = Assert.Single(DefinitionConverter.Import(elsa).Definitions).Definition;
        Assert.Equal(WorkflowJson.Write(original), WorkflowJson.Write(back));
    }

    [Fact]
    public void PublishAndBreak_AreElsasPublishEventAndBreak_AndListenersComeBack()
    {
        var original = BpmnExportTests.Eventful();
        var elsa = JsonNode.Parse(DefinitionConverter.Export(original, DefinitionFormat.Elsa))!;
        var activities = elsa["root"]!["activities"]!.AsArray();
        JsonNode Activity(string id) => activities.Single(a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("Elsa.PublishEvent", Activity("tell")["type"]!.GetValue<string>());
        Assert.Equal("order.approved", Activity("tell")["eventName"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("input.order", Activity("tell")["correlationId"]!["expression"]!["value"]!.GetValue<string>());
        // The loop is Elsa's own, its iterate path its body, where the Break is.
        Assert.Equal("Elsa.ForEach", Activity("loop")["type"]!.GetValue<string>());
        var body = Activity("loop")["body"]!["activities"]!.AsArray();
        Assert.Equal("Elsa.Break", body.Single(a => a!["id"]!.GetValue<string>() == "leave")!["type"]!.GetValue<string>());
        Assert.DoesNotContain(activities, a => a!["id"]!.GetValue<string>() == "leave");

        var back = Assert.Single(DefinitionConverter.Import(elsa.ToJsonString()).Definitions).Definition;
        Assert.Equal(WorkflowJson.Write(original), WorkflowJson.Write(back));
    }

    [Fact]
    public async Task AWhileLoop_IsElsasWhileWithItsBody_ComesBack_AndRunsTheSame()
    {
        var original = new WorkflowBuilder("counting")
            .Variable("n", DataType.Number, JsonValue.Create(0)).Variable("log", DataType.StringList, new JsonArray())
            .Node("start", "Start")
            .Node("loop", "While", ("condition", new Js("n < 10")))
            .Node("add", "SetVariable", ("name", "n"), ("value", new Js("n + 1")))
            .Node("enough", "Decision").Node("leave", "Break").Node("again", "Log", ("text", "again")).Node("end", "End")
            .Connect("start", "loop").Connect("loop", "add", Ports.Iterate).Connect("add", "enough")
            .Connect("enough", "leave", "stop", condition: "n == 4").Connect("enough", "again", Ports.Default).Connect("loop", "end")
            .Build();

        var elsa = JsonNode.Parse(DefinitionConverter.Export(original, DefinitionFormat.Elsa))!;
        var loop = elsa["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "loop")!;
        Assert.Equal("Elsa.While", loop["type"]!.GetValue<string>());
        Assert.Equal("n < 10", loop["condition"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["add", "enough", "leave", "again"], loop["body"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));

        var back = Assert.Single(DefinitionConverter.Import(elsa.ToJsonString()).Definitions).Definition;
        Assert.Equal(WorkflowJson.Write(original), WorkflowJson.Write(back));
        using var harness = new EngineHarness();
        back.Id = "counting-back";
        Assert.Equal(4, (await harness.RunAsync(back)).Number("n"));
        Assert.Equal(4, (await harness.RunAsync(original)).Number("n"));
    }

    /// <summary>A process of steps Elsa has too: the Elsa file says it all in Elsa's words, without FlowCenter's notes.</summary>
    private static WorkflowDefinition Portable() => new WorkflowBuilder("portable")
        .Variable("count", DataType.Integer, JsonValue.Create(0))
        .Variable("doubled", DataType.Number)
        .Variable("log", DataType.StringList, new JsonArray())
        .Node("start", "Start")
        .Node("log", "Log", ("text", "begin"))
        .Node("inc", "SetVariable", ("name", "count"))
        .Configure("inc", n => n.Inputs["value"] = InputValue.FromExpression("count + 1"))
        .Node("check", "Decision")
        .Node("fork", "Fork")
        .Node("wait", "Delay", ("duration", "PT5M"))
        .Node("script", "Script", ("script", "return count * 2;"), ("resultVariable", "doubled"))
        .Node("join", "Join")
        .Node("fail", "Fail", ("message", "too many"))
        .Node("end", "End")
        .Chain("start", "log", "inc", "check")
        .Connect("check", "fork", "true", condition: "count < 3")
        .Connect("check", "fail", Ports.Default)
        .Connect("fork", "wait").Connect("fork", "script")
        .Connect("wait", "join").Connect("script", "join")
        .Connect("join", "end")
        .Build();

    [Fact]
    public void PortableSteps_AreElsasOwnActivities_AndComeBackWithoutFlowCentersNotes()
    {
        var original = Portable();
        var elsa = JsonNode.Parse(DefinitionConverter.Export(original, DefinitionFormat.Elsa))!;
        var activities = elsa["root"]!["activities"]!.AsArray();
        string TypeOf(string id) => activities.Single(a => a!["id"]!.GetValue<string>() == id)!["type"]!.GetValue<string>();
        Assert.Equal("Elsa.Start", TypeOf("start"));
        Assert.Equal("Elsa.WriteLine", TypeOf("log"));
        Assert.Equal("Elsa.SetVariable", TypeOf("inc"));
        Assert.Equal("Elsa.FlowDecision", TypeOf("check"));
        Assert.Equal("Elsa.FlowFork", TypeOf("fork"));
        Assert.Equal("Elsa.Delay", TypeOf("wait"));
        Assert.Equal("Elsa.RunJavaScript", TypeOf("script"));
        Assert.Equal("Elsa.FlowJoin", TypeOf("join"));
        Assert.Equal("Elsa.Fault", TypeOf("fail"));
        Assert.Equal("00:05:00", activities.Single(a => a!["id"]!.GetValue<string>() == "wait")!["timeSpan"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("count < 3", activities.Single(a => a!["id"]!.GetValue<string>() == "check")!["condition"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["True", "False"], elsa["root"]!["connections"]!.AsArray().Where(c => c!["source"]!["activity"]!.GetValue<string>() == "check").Select(c => c!["source"]!["port"]!.GetValue<string>()));
        // The output of the script is bound to the variable's id, as Elsa binds outputs.
        var doubled = elsa["variables"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "doubled")!["id"]!.GetValue<string>();
        Assert.Equal(doubled, activities.Single(a => a!["id"]!.GetValue<string>() == "script")!["result"]!["memoryReference"]!["id"]!.GetValue<string>());

        // Without any of FlowCenter's notes (as Elsa would save it again), the same process comes back.
        foreach (var activity in activities)
        {
            Assert.Null(activity!["customProperties"]!["flowCenter"]);
        }

        elsa["customProperties"] = new JsonObject();
        var back = Assert.Single(DefinitionConverter.Import(elsa.ToJsonString()).Definitions).Definition;
        foreach (var variable in original.Variables)
        {
            variable.Description = null;
        }

        Assert.Equal(Shape(original), Shape(back));
    }

    [Fact]
    public async Task TheExportedFile_ImportedAgain_RunsAsTheOriginalDoes()
    {
        using var harness = new EngineHarness();
        var original = await harness.RunAsync(Portable());
        var again = Assert.Single(DefinitionConverter.Import(DefinitionConverter.Export(Portable(), DefinitionFormat.Elsa)).Definitions).Definition;
        again.Id = "portable-again";
        var instance = await harness.RunAsync(again);
        await harness.Host.FireDueTimersAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await harness.Host.FireDueTimersAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        await harness.Host.FireDueTimersAsync();
        Assert.Equal(WorkflowStatus.Completed, harness.Host.Get(instance.Id).Status);
        Assert.Equal(WorkflowStatus.Completed, harness.Host.Get(original.Id).Status);
        Assert.Equal(harness.Host.Get(original.Id).Variables["doubled"]!.ToJsonString(), harness.Host.Get(instance.Id).Variables["doubled"]!.ToJsonString());
    }

    /// <summary>The process as a graph: steps with their inputs, connections with ports and conditions, variables.</summary>
    private static string Shape(WorkflowDefinition definition)
    {
        var copy = WorkflowJson.ParseDefinition(WorkflowJson.Write(definition));
        foreach (var connection in copy.Connections)
        {
            connection.Id = "";
        }

        return WorkflowJson.Write(copy);
    }
}
