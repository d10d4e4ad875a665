using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Interop;

namespace FlowCenter.Engine.Tests.Interop;

/// <summary>
/// Elsa 3 exports from Elsa's own repository (Fixtures/elsa, see SOURCES.txt) read into FlowCenter definitions: each
/// with the report it should give, and the runnable ones run to the end Elsa reaches, with the variables Elsa computes.
/// </summary>
public sealed class ElsaImportTests
{
    private static string Fixture(string name) => File.ReadAllText(RepositoryPaths.Fixture("elsa", name));

    private static ImportedDefinition Import(string name)
    {
        var result = DefinitionConverter.Import(Fixture(name), source: name);
        Assert.Equal(DefinitionFormat.Elsa, result.Format);
        return Assert.Single(result.Definitions);
    }

    public static TheoryData<string> ElsaFiles() => RepositoryPaths.FixtureNames("elsa");

    [Theory]
    [MemberData(nameof(ElsaFiles))]
    public void EveryFile_Imports_WithAStartAndANoteForEveryActivity(string file)
    {
        var imported = Import(file);
        var activities = JsonNode.Parse(Fixture(file).TrimStart('\uFEFF'))!["root"]!["activities"]!.AsArray();
        foreach (var activity in activities)
        {
            Assert.Contains(imported.Notes, n => n.ElementId == activity!["id"]!.GetValue<string>());
        }

        Assert.Contains(imported.Definition.Nodes, n => n.Type is "Start" or "EventStart" or "Cron");
        // What is saved is a definition FlowCenter reads back unchanged.
        var json = WorkflowJson.Write(imported.Definition);
        Assert.Equal(json, WorkflowJson.Write(WorkflowJson.ParseDefinition(json)));
    }

    [Fact]
    public async Task LegacyLoop_RunsToTheEnd_WithTheCounterElsaComputes()
    {
        var imported = Import("loop-setvariable-javascript-decision-legacy.json");
        var definition = imported.Definition;
        Assert.Equal("68e6bca3d86c4a5a8dfb825f1d5c0875", definition.Id);
        Assert.Equal("Looping construct", definition.Name);
        var counter = Assert.Single(definition.Variables, v => v.Name == "Counter");
        Assert.Equal(DataType.Integer, counter.Type);
        Assert.Equal(0, counter.Default!.GetValue<int>());
        // The flat connections of Elsa 3.0 became the same graph, the designer's positions its layout.
        var decision = Assert.Single(definition.Nodes, n => n.Type == "Decision");
        Assert.Equal("Counter > 1", decision.DisplayName);
        Assert.Equal(2940, decision.Layout!.X);
        Assert.Equal("Counter > 1", Assert.Single(definition.Connections, c => c.Source == decision.Id && c.SourcePort == "true").Condition!.Source);
        Assert.Contains(definition.Connections, c => c.Source == decision.Id && c.SourcePort == Ports.Default && c.Target == "WriteLine2");
        // Elsa's accessors became FlowCenter's globals, and the report says so.
        Assert.Equal("Counter + 1", definition.Nodes.Single(n => n.Id == "SetVariable1").Inputs["value"].Expression!.Source);
        Assert.Contains(imported.Notes, n => n.Code == ImportCodes.ExpressionRewritten && n.ElementId == "SetVariable1" && n.Message.Contains("getCounter() + 1", StringComparison.Ordinal));

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("2", instance.Variables["Counter"]!.ToJsonString());
        // Do something, Retry, Do something, Done: the lines Elsa writes, in its order.
        Assert.Equal(["Do something", "Retry", "Do something", "Done"], instance.Variables["log"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task ForkDecisionJoin_FaultsWhereElsaFaults_WithTheSameVariables()
    {
        var imported = Import("fork-decision-join-waitall-fault.json");
        var definition = imported.Definition;
        var join = Assert.Single(definition.Nodes, n => n.Type == "Join");
        Assert.False(join.Inputs.ContainsKey("mode")); // WaitAll: every incoming path, FlowCenter's default
        // A condition with a top-level return (Elsa runs every expression as a script) becomes a function called at once.
        var decision = Assert.Single(definition.Nodes, n => n.Type == "Decision");
        Assert.Contains("return false;", Assert.Single(definition.Connections, c => c.Source == decision.Id && c.Condition is not null).Condition!.Source, StringComparison.Ordinal);
        var fail = Assert.Single(definition.Nodes, n => n.Type == "Fail");
        Assert.Equal("that went south", fail.Inputs["message"].Literal!.GetValue<string>());
        Assert.Equal("110002", fail.Inputs["code"].Literal!.GetValue<string>());

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        // A, then B, C and D at once; D's decision is false, so the fault: the case stops there with the error Elsa raises.
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal(fail.Id, incident.NodeId);
        Assert.Contains("that went south", incident.Message, StringComparison.Ordinal);
        Assert.Equal("0", instance.Variables["myNumber"]!.ToJsonString());
        Assert.Equal(["A", "B", "C", "D"], instance.Variables["log"]!.AsArray().Select(l => l!.GetValue<string>()).Order());
        Assert.DoesNotContain(instance.Journal, e => e.NodeId == "af2cc31d1cef7a90"); // E: the true branch never ran
    }

    [Fact]
    public async Task ExplicitFork_RunsEveryNamedBranch()
    {
        var definition = Import("flowfork-explicit-branches.json").Definition;
        Assert.Equal(["One", "Three", "Two"], definition.Connections.Where(c => c.Source == "c0e09e3ac3cfdba7").Select(c => c.SourcePort).Order());
        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(["One", "Three", "Two"], instance.Variables["log"]!.AsArray().Select(l => l!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task RunJavaScript_ItsResultGoesIntoTheBoundVariable_AndCompleteEndsTheCase()
    {
        var imported = Import("runjavascript-output-to-variable-complete.json");
        var script = Assert.Single(imported.Definition.Nodes, n => n.Type == "Script");
        Assert.Equal("Variable1", script.Inputs["resultVariable"].Literal!.GetValue<string>());
        // The first activity can start the workflow in Elsa: FlowCenter begins with a start step before it.
        Assert.Contains(imported.Notes, n => n.Code == ImportCodes.Approximated && n.NodeId == "start");
        Assert.Equal("Start", imported.Definition.Nodes.Single(n => n.Id == "start").Type);
        Assert.Contains(imported.Notes, n => n.ElementId == "8654ab45535f4069" && n.Status == ImportStatus.Changed); // Complete's outcome 'Success' is not kept

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(imported.Definition);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("ceva", instance.Variables["Variable1"]!["prop1"]!.GetValue<string>());
    }

    [Fact]
    public void TimerTrigger_BecomesACronSchedule_HttpEndpoint_AWebhookEvent()
    {
        var timer = Import("timer-trigger-writeline.json").Definition;
        var cron = Assert.Single(timer.Nodes, n => n.Type == "Cron");
        Assert.Equal("* * * * *", cron.Inputs["cron"].Literal!.GetValue<string>());

        var http = Import("http-endpoint-write-response.json");
        var start = Assert.Single(http.Definition.Nodes, n => n.Type == "EventStart");
        Assert.Equal("http.hello-world", start.Inputs["eventName"].Literal!.GetValue<string>());
        // Writing an HTTP response has no FlowCenter equivalent: reported, and a placeholder marks its place.
        var response = Assert.Single(http.Notes, n => n.ElementType == "Elsa.WriteHttpResponse");
        Assert.Equal(ImportStatus.NotImported, response.Status);
        Assert.Equal(ImportCodes.UnknownType, response.Code);
    }

    [Fact]
    public async Task WorkflowAsActivity_TheConsumerRunsTheProviderAsASubProcess_AndGetsItsOutput()
    {
        var provider = Import("workflow-as-activity-provider.json").Definition;
        var consumer = Import("workflow-as-activity-consumer.json").Definition;
        Assert.Equal("return getInput(\"Input1\")", provider.Nodes.Single(n => n.Type == "SetVariable").Inputs["value"].Expression!.Source.Trim().Split('\n')[1].Trim());
        var call = Assert.Single(consumer.Nodes, n => n.Type == "SubProcess");
        Assert.Equal(provider.Id, call.Inputs["definitionId"].Literal!.GetValue<string>());
        Assert.Equal("Variable1", call.Inputs["outputMapping"].Literal!["Output1"]!.GetValue<string>());

        using var harness = new EngineHarness();
        harness.Host.Register(provider);
        var instance = await harness.RunAsync(consumer);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("Hello World!", instance.Variables["Variable1"]!.GetValue<string>());
    }

    [Fact]
    public void ForeignExpressions_AreKeptAsText_AndReported_NotDropped()
    {
        var file = """
            {"definitionId":"cs","name":"C#","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"s","type":"Elsa.Start"},
              {"id":"w","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"CSharp","value":"$\"Hi {Variables.Name}\""}}},
              {"id":"l","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Liquid","value":"Hi {{ Variables.Name }}"}}},
              {"type":"Elsa.End"}],
             "connections":[{"source":{"activity":"s","port":"Done"},"target":{"activity":"w","port":"In"}},{"source":{"activity":"w","port":"Done"},"target":{"activity":"ghost","port":"In"}}]}}
            """;
        var imported = Assert.Single(DefinitionConverter.Import(file).Definitions);
        var csharp = Assert.Single(imported.Notes, n => n.ElementId == "w" && n.Code == ImportCodes.ExpressionLanguage);
        Assert.Equal(ImportStatus.NotImported, csharp.Status);
        Assert.Equal("csharp", imported.Definition.Nodes.Single(n => n.Id == "w").Inputs["text"].Expression!.Language);
        Assert.Contains(imported.Notes, n => n.ElementId == "l" && n.Code == ImportCodes.ExpressionLanguage && n.Arguments.Contains("Liquid"));
        // The activity without an id got one; the connection to a missing activity is reported.
        Assert.Contains(imported.Notes, n => n.Code == ImportCodes.IdAssigned && n.ElementType == "Elsa.End");
        Assert.Contains(imported.Notes, n => n.Code == ImportCodes.DanglingConnection && n.Arguments.Contains("ghost"));
    }

    [Theory]
    [InlineData("{\"definitionId\":\"x\",\"root\":{\"type\":\"Elsa.Flowchart\",\"activities\":[", "line 1")]
    [InlineData("{\"definitionId\":\"x\"}", "no 'root' activity")]
    public void UnreadableFiles_AreRefused_SayingWhatAndWhere(string text, string expected)
    {
        var ex = Assert.Throws<WorkflowFormatException>(() => DefinitionConverter.Import(text, DefinitionFormat.Elsa, "broken.json"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooDeep_IsRefused_NotOverflowed()
    {
        var deep = "{\"definitionId\":\"x\",\"root\":" + string.Concat(Enumerable.Repeat("{\"type\":\"Elsa.Sequence\",\"activities\":[", 200)) + string.Concat(Enumerable.Repeat("]}", 200)) + "}";
        var ex = Assert.Throws<WorkflowFormatException>(() => DefinitionConverter.Import(deep, source: "deep.json"));
        Assert.Contains("deep.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correlate_SetsTheBusinessKey_AndIsWrittenAsCorrelateAgain()
    {
        var file = """
            {"definitionId":"corr","name":"Correlated","root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"s","type":"Elsa.Start"},
              {"id":"c","type":"Elsa.Correlate","correlationId":{"typeName":"String","expression":{"type":"JavaScript","value":"'PO-' + (40 + 2)"}}}],
             "connections":[{"source":{"activity":"s","port":"Done"},"target":{"activity":"c","port":"In"}}]}}
            """;
        var definition = Assert.Single(DefinitionConverter.Import(file).Definitions).Definition;
        Assert.Equal("SetBusinessKey", definition.Nodes.Single(n => n.Id == "c").Type);
        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        Assert.Equal("PO-42", instance.BusinessKey);
        var again = JsonNode.Parse(DefinitionConverter.Export(definition, DefinitionFormat.Elsa))!;
        Assert.Contains(again["root"]!["activities"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Elsa.Correlate");
    }

    [Fact]
    public async Task BreakInAForEachBody_LeavesTheLoop_PublishEvent_TellsTheCaseWaitingForIt()
    {
        // Elsa's shapes: a ForEach whose body flowchart breaks at the third item, then a local PublishEvent.
        var file = """
            {"definitionId":"sum","name":"Sum until three","variables":[{"id":"v1","name":"Sum","typeName":"Int32","value":"0"}],
             "root":{"type":"Elsa.Flowchart","id":"f","activities":[
              {"id":"s","type":"Elsa.Start"},
              {"id":"loop","type":"Elsa.ForEach","items":{"typeName":"Object","expression":{"type":"JavaScript","value":"[1, 2, 3, 4]"}},
               "body":{"type":"Elsa.Flowchart","id":"b","activities":[
                 {"id":"third","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getCurrentValue() == 3"}}},
                 {"id":"stop","type":"Elsa.Break"},
                 {"id":"add","type":"Elsa.SetVariable","variable":{"id":"v1","name":"Sum"},"value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getSum() + getCurrentValue()"}}}],
                "connections":[{"source":{"activity":"third","port":"True"},"target":{"activity":"stop","port":"In"}},{"source":{"activity":"third","port":"False"},"target":{"activity":"add","port":"In"}}]}},
              {"id":"tell","type":"Elsa.PublishEvent","eventName":{"typeName":"String","expression":{"type":"Literal","value":"sum.ready"}},
               "correlationId":{"typeName":"String","expression":{"type":"Literal","value":"S-1"}},"isLocalEvent":{"typeName":"Boolean","expression":{"type":"Literal","value":"true"}},
               "payload":{"typeName":"Object","expression":{"type":"JavaScript","value":"({ sum: getSum() })"}}}],
             "connections":[{"source":{"activity":"s","port":"Done"},"target":{"activity":"loop","port":"In"}},{"source":{"activity":"loop","port":"Done"},"target":{"activity":"tell","port":"In"}}]}}
            """;
        var imported = Assert.Single(DefinitionConverter.Import(file).Definitions);
        var definition = imported.Definition;
        Assert.Equal("Break", definition.Nodes.Single(n => n.Id == "stop").Type);
        Assert.Equal("PublishEvent", definition.Nodes.Single(n => n.Id == "tell").Type);
        Assert.Contains(imported.Notes, n => n.ElementId == "tell" && n.Status == ImportStatus.Changed && n.Arguments.Contains("localEvent"));

        using var harness = new EngineHarness();
        var waiter = await harness.RunAsync(new WorkflowBuilder("waiter")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "sum.ready"), ("correlationKey", "S-1"), ("resultVariable", "got")).Chain("start", "wait").Build());
        var instance = await harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(3, instance.Number("Sum")); // 1 + 2, then the third item leaves the loop
        Assert.Equal(WorkflowStatus.Completed, waiter.Status);
        Assert.Equal(3, waiter.Variables["got"]!["sum"]!.GetValue<int>());
    }
}
