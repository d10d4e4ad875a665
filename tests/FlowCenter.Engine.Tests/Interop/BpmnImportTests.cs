using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Interop;

namespace FlowCenter.Engine.Tests.Interop;

/// <summary>
/// BPMN 2.0 files of other tools (Fixtures/bpmn, see SOURCES.txt: the OMG MIWG reference models, Camunda's and
/// Flowable's own examples) read into FlowCenter definitions, each with the report it should give; the runnable
/// ones run. Hostile XML is refused with a clear error.
/// </summary>
public sealed class BpmnImportTests
{
    private static string Fixture(string name) => File.ReadAllText(RepositoryPaths.Fixture("bpmn", name));

    private static ImportResult Import(string name)
    {
        var result = DefinitionConverter.Import(Fixture(name), source: name);
        Assert.Equal(DefinitionFormat.Bpmn, result.Format);
        return result;
    }

    public static TheoryData<string> BpmnFiles() => RepositoryPaths.FixtureNames("bpmn");

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void EveryFile_Imports_WithANoteForEveryFlowElement(string file)
    {
        var result = Import(file);
        var document = System.Xml.Linq.XDocument.Parse(Fixture(file));
        System.Xml.Linq.XNamespace model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var notes = result.Definitions.SelectMany(d => d.Notes).Select(n => n.ElementId).ToHashSet();
        string[] kinds = ["startEvent", "endEvent", "userTask", "serviceTask", "scriptTask", "sendTask", "receiveTask", "task", "manualTask", "businessRuleTask", "callActivity", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "boundaryEvent", "intermediateCatchEvent", "intermediateThrowEvent", "subProcess"];
        var elements = document.Descendants().Where(e => e.Name.Namespace == model && kinds.Contains(e.Name.LocalName) && e.Ancestors(model + "subProcess").All(s => (string?)s.Attribute("triggeredByEvent") != "true") && !(e.Name.LocalName == "subProcess" && (string?)e.Attribute("triggeredByEvent") == "true"));
        foreach (var element in elements)
        {
            Assert.Contains((string)element.Attribute("id")!, notes);
        }

        foreach (var imported in result.Definitions)
        {
            var json = WorkflowJson.Write(imported.Definition);
            Assert.Equal(json, WorkflowJson.Write(WorkflowJson.ParseDefinition(json)));
        }
    }

    [Fact]
    public async Task InvoiceHandling_TasksFormsConditionsAndLayout_RunsToTheEnd()
    {
        var imported = Assert.Single(Import("01-invoice-handling_miwg-C.1.1.bpmn").Definitions);
        var definition = imported.Definition;
        Assert.Equal("handle-invoice", definition.Id);
        Assert.Equal(["approved", "approver", "clarified", "log"], definition.Variables.Select(v => v.Name).Order());
        var approve = definition.Nodes.Single(n => n.Id == "approveInvoice");
        Assert.Equal("UserTask", approve.Type);
        Assert.Equal("approver", approve.Inputs["assignee"].Expression!.Source); // camunda:assignee="${approver}"
        Assert.Equal("boolean", approve.Inputs["form"].Literal!["fields"]![0]!["type"]!.GetValue<string>()); // its data output 'approved'
        // The diagram's place, stretched sideways so that the designer's wider boxes do not cover each other.
        Assert.Equal(100, approve.Layout!.Width);
        Assert.Equal(225, approve.Layout.Y);
        Assert.True(approve.Layout.X > 353);
        Assert.Equal("Prepare Bank Transfer", definition.Nodes.Single(n => n.Id == "prepareBankTransfer").DisplayName); // line breaks in names become spaces
        Assert.Equal("accounting", definition.Nodes.Single(n => n.Id == "prepareBankTransfer").Inputs["candidateGroups"].Literal![0]!.GetValue<string>());
        Assert.Equal("!(approved)", definition.Connections.Single(c => c.Id == "invoiceNotApproved").Condition!.Source);
        Assert.Equal("clarified == 'yes'", definition.Connections.Single(c => c.Id == "reviewSuccessful").Condition!.Source);
        var archive = Assert.Single(imported.Elements, e => e.ElementId == "archiveInvoice");
        Assert.Equal(ImportStatus.Changed, archive.Status);

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        async Task Decide(string node, object data)
        {
            var current = harness.Host.Get(instance.Id);
            var bookmark = current.Bookmarks.Single(b => b.NodeId == node);
            await harness.Host.ResumeAsync(instance.Id, bookmark.Id, JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new { outcome = "done", data })));
        }

        await Decide("assignApprover", new { approver = "li.na" });
        await Decide("approveInvoice", new { approved = false });
        await Decide("reviewInvoice", new { clarified = "yes" });
        await Decide("approveInvoice", new { approved = true });
        await Decide("prepareBankTransfer", new { });
        var done = harness.Host.Get(instance.Id);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("Archive Invoice", done.Variables["log"]![0]!.GetValue<string>());
        Assert.Equal(2, done.Journal.Count(e => e.NodeId == "approveInvoice"));
    }

    [Fact]
    public void OrderWithEvents_BoundaryEventGatewayAndThrow_RunAsBpmnMeansThem_InADiagramWithRoom()
    {
        var definition = Assert.Single(Import("order-events.bpmn").Definitions).Definition;
        var approve = definition.Nodes.Single(n => n.Id == "approve");
        var cancelled = Assert.Single(approve.Events!);
        Assert.Equal(("order.cancelled", "input.orderId", "Cancelled"), (cancelled.Event, cancelled.CorrelationKey!.Source, cancelled.Port));
        var paid = definition.Nodes.Single(n => n.Id == "paid");
        Assert.Equal(("WaitEvent", "PT1H"), (paid.Type, paid.Timeout));
        Assert.Equal("PublishEvent", definition.Nodes.Single(n => n.Id == "tell").Type);
        Assert.Contains(definition.Connections, c => c.Source == "paid" && c.SourcePort == Ports.Timeout && c.Target == "late");
        // The event sub-process: its start waits while the case runs, beside the rest; its steps follow it.
        var asked = definition.Nodes.Single(n => n.Id == "asked");
        Assert.Equal(("CaseEvent", "customer.asked", false), (asked.Type, asked.Inputs["eventName"].Literal!.GetValue<string>(), asked.Inputs["interrupting"].Literal!.GetValue<bool>()));
        Assert.Contains(definition.Connections, c => c.Source == "asked" && c.Target == "answer");
        Assert.DoesNotContain(definition.Connections, c => c.Source == "answer" && c.Target != "answered");
        // The file puts the next element 54 px after a task; the designer's box for "Approve order" with its "Cancelled" branch is wider.
        Assert.True(definition.Nodes.Single(n => n.Id == "tell").Layout!.X - approve.Layout!.X >= 200);
    }

    [Fact]
    public async Task BoundariesOnASubProcess_BelongToTheStepItsPathIsAt()
    {
        // Written for this test: a sequential sub-process of two tasks and an error end, with a message, an error and a timer boundary on it.
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <message id="m" name="order.cancelled" />
              <error id="e" name="No stock" errorCode="NOSTOCK" />
              <process id="fulfil" name="Fulfil">
                <startEvent id="start" />
                <subProcess id="pick" name="Pick and pack">
                  <startEvent id="in" />
                  <userTask id="pickTask" name="Pick" />
                  <exclusiveGateway id="stock" default="ok" />
                  <endEvent id="empty"><errorEventDefinition errorRef="e" /></endEvent>
                  <userTask id="packTask" name="Pack" />
                  <endEvent id="out" />
                  <sequenceFlow id="a" sourceRef="in" targetRef="pickTask" />
                  <sequenceFlow id="b" sourceRef="pickTask" targetRef="stock" />
                  <sequenceFlow id="none" sourceRef="stock" targetRef="empty"><conditionExpression>${false}</conditionExpression></sequenceFlow>
                  <sequenceFlow id="ok" sourceRef="stock" targetRef="packTask" />
                  <sequenceFlow id="c" sourceRef="packTask" targetRef="out" />
                </subProcess>
                <boundaryEvent id="cancelled" name="Cancelled" attachedToRef="pick"><messageEventDefinition messageRef="m" /></boundaryEvent>
                <boundaryEvent id="failed" attachedToRef="pick"><errorEventDefinition errorRef="e" /></boundaryEvent>
                <boundaryEvent id="slow" attachedToRef="pick"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
                <endEvent id="shipped" /><endEvent id="stopped" /><endEvent id="reorder" /><endEvent id="late" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="pick" />
                <sequenceFlow id="f2" sourceRef="pick" targetRef="shipped" />
                <sequenceFlow id="f3" sourceRef="cancelled" targetRef="stopped" />
                <sequenceFlow id="f4" sourceRef="failed" targetRef="reorder" />
                <sequenceFlow id="f5" sourceRef="slow" targetRef="late" />
              </process>
            </definitions>
            """;
        var imported = Assert.Single(DefinitionConverter.Import(xml, DefinitionFormat.Bpmn, "fulfil.bpmn").Definitions);
        var definition = imported.Definition;
        foreach (var task in new[] { "pickTask", "packTask" })
        {
            var node = definition.Nodes.Single(n => n.Id == task);
            Assert.Equal(("order.cancelled", "P1D"), (Assert.Single(node.Events!).Event, node.Timeout));
            Assert.Contains(definition.Connections, c => c.Source == task && c.SourcePort == node.Events![0].Port && c.Target == "stopped");
            Assert.Contains(definition.Connections, c => c.Source == task && c.SourcePort == Ports.Timeout && c.Target == "late");
            Assert.Contains(definition.Connections, c => c.Source == task && c.SourcePort == Ports.Error && c.Target == "reorder");
        }

        Assert.Contains(definition.Connections, c => c.Source == "stock" && c.Target == "reorder"); // the error end inside is thrown to the boundary
        Assert.Equal(3, imported.Notes.Count(n => n.ElementType == "boundaryEvent" && n.Status == ImportStatus.Changed));

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        await harness.Host.ResumeAsync(instance.Id, instance.Bookmark("pickTask", BookmarkKind.UserTask).Id, JsonNode.Parse("""{"outcome":"done"}"""));
        Assert.Equal(1, await harness.Host.PublishEventAsync("order.cancelled", null));
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(["start", "pickTask", "stock", "packTask", "stopped"], instance.CompletedPath());
    }

    [Fact]
    public async Task LoopsOnActivities_MultiInstanceAndStandard_RunAsForEachAndWhileAroundThem()
    {
        // Written for this test: a script run for 1..3 one after another (cardinality), one for each item of a list all
        // at once (Camunda's collection and element variable), and one repeated while a condition holds (a standard loop).
        var xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
              <process id="loops" name="Loops">
                <dataObject id="o1" name="total" /><dataObject id="o2" name="numbers" /><dataObject id="o3" name="seen" /><dataObject id="o4" name="count" />
                <startEvent id="start" />
                <scriptTask id="sum" name="Add it up" scriptFormat="javascript">
                  <multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics>
                  <script>setVariable('total', (total || 0) + item); setVariable('numbers', [10, 20]);</script>
                </scriptTask>
                <scriptTask id="each" name="Each number" scriptFormat="javascript">
                  <multiInstanceLoopCharacteristics camunda:collection="${numbers}" camunda:elementVariable="n">
                    <completionCondition>${nrOfCompletedInstances == 2}</completionCondition>
                  </multiInstanceLoopCharacteristics>
                  <script>setVariable('seen', (seen || 0) + n);</script>
                </scriptTask>
                <scriptTask id="again" name="Try again" scriptFormat="javascript">
                  <standardLoopCharacteristics testBefore="true" loopMaximum="10"><loopCondition>${count lt 3}</loopCondition></standardLoopCharacteristics>
                  <script>setVariable('count', (count || 0) + 1);</script>
                </scriptTask>
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="sum" />
                <sequenceFlow id="f2" sourceRef="sum" targetRef="each" />
                <sequenceFlow id="f3" sourceRef="each" targetRef="again" />
                <sequenceFlow id="f4" sourceRef="again" targetRef="end" />
              </process>
            </definitions>
            """;
        var imported = Assert.Single(DefinitionConverter.Import(xml, DefinitionFormat.Bpmn, "loops.bpmn").Definitions);
        var definition = imported.Definition;
        var loops = definition.Nodes.Where(n => n.Type is "ForEach" or "While").ToDictionary(n => n.Id);
        Assert.Equal(["again-loop", "each-loop", "sum-loop"], loops.Keys.Order(StringComparer.Ordinal));
        Assert.False(loops["sum-loop"].Inputs["parallel"].Literal!.GetValue<bool>());
        Assert.True(loops["each-loop"].Inputs["parallel"].Literal!.GetValue<bool>());
        Assert.Equal(("numbers", "n"), (loops["each-loop"].Inputs["items"].Expression!.Source, loops["each-loop"].Inputs["itemVariable"].Literal!.GetValue<string>()));
        Assert.Equal("count < 3", loops["again-loop"].Inputs["condition"].Expression!.Source);
        foreach (var (task, loop) in new[] { ("sum", "sum-loop"), ("each", "each-loop"), ("again", "again-loop") })
        {
            // The flows come into the loop and leave it when it is done; the task is the loop's iterate path, alone.
            Assert.Contains(definition.Connections, c => c.Source == loop && c.SourcePort == Ports.Iterate && c.Target == task);
            Assert.DoesNotContain(definition.Connections, c => c.Source == task);
        }

        Assert.Contains(definition.Connections, c => c.Source == "sum-loop" && c.SourcePort == Ports.Done && c.Target == "each-loop");
        Assert.Contains(imported.Notes, n => n.ElementId == "sum" && n.Arguments.SequenceEqual(["ForEach", "loopSequential", "1 … 3"]));
        Assert.Contains(imported.Notes, n => n.ElementId == "each" && n.Arguments.SequenceEqual(["ForEach", "loopParallel", "${numbers}"]));
        Assert.Contains(imported.Notes, n => n.ElementId == "each" && n.Code == ImportCodes.SettingDropped && n.Arguments[^1] == "completion");
        Assert.Contains(imported.Notes, n => n.ElementId == "again" && n.Arguments.SequenceEqual(["While", "loopWhileBefore", "${count lt 3}"]));

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        Assert.True(instance.Status == WorkflowStatus.Completed, string.Join("; ", instance.Incidents.Select(i => $"{i.NodeId}: {i.Message} {i.Detail}")));
        Assert.Equal((6d, 30d, 3d), (Json.JsonValues.NumberOf(instance.Variables["total"]!), Json.JsonValues.NumberOf(instance.Variables["seen"]!), Json.JsonValues.NumberOf(instance.Variables["count"]!)));
        Assert.Equal(3, instance.Journal.Count(j => j.NodeId == "sum"));
        Assert.Equal(2, instance.Journal.Count(j => j.NodeId == "each"));
        Assert.Equal(3, instance.Journal.Count(j => j.NodeId == "again"));
    }

    [Fact]
    public void FridgeRepair_MessageStartTimeoutAndSubProcess_MessageBoundaryAsAnEventTheTaskListensFor()
    {
        var definition = Assert.Single(Import("02-fridge-repair-timer-message-boundary_miwg-C.3.0.bpmn").Definitions);
        Assert.Contains(definition.Definition.Nodes, n => n.Type == "EventStart");
        var timed = Assert.Single(definition.Definition.Nodes, n => n.Timeout is not null);
        Assert.Contains(definition.Definition.Connections, c => c.Source == timed.Id && c.SourcePort == Ports.Timeout);
        // The message boundary on the standard repair: the customer's "Service Level" message ends the task and goes back to the premium repair.
        var standard = definition.Definition.Nodes.Single(n => n.Id == "_d034722f-751d-4f37-a3d7-47993822e979");
        var listener = Assert.Single(standard.Events!);
        Assert.True(listener.Interrupting);
        Assert.Equal("Service Level", listener.Event);
        Assert.Contains(definition.Definition.Connections, c => c.Source == standard.Id && c.SourcePort == listener.Port && c.Target == "_6a34496f-8cf7-42e5-88a9-d1af98cc3cba");
        Assert.Contains(definition.Notes, n => n.ElementType == "boundaryEvent" && n.Status == ImportStatus.Imported && n.Arguments[0] == "listener");
        // The collapsed sub-process keeps its steps elsewhere: one step stands for it, and the report says so.
        Assert.Contains(definition.Notes, n => n.ElementType == "subProcess" && n.Status == ImportStatus.Changed && n.Arguments.Contains("emptySubProcess"));
        Assert.Contains(definition.Definition.Connections, c => c.Source == timed.Id && c.SourcePort == Ports.Timeout && c.Target == "_cd6f230f-13c3-4027-aa3e-57de601a1ab2");
    }

    [Fact]
    public void Camunda8DocumentRequest_ReceiveTaskWithCorrelation_DailyReminderAndTimeout()
    {
        var definition = Assert.Single(Import("05-document-request-zeebe-boundary-timers_miwg-C.9.1.bpmn").Definitions).Definition;
        var wait = Assert.Single(definition.Nodes, n => n.Type == "WaitEvent");
        Assert.Equal("documentReferenceId", wait.Inputs["correlationKey"].Expression!.Source); // zeebe:subscription correlationKey="= documentReferenceId"
        Assert.Equal("P1D", wait.Reminder!.Interval);
        Assert.Equal(6, wait.Reminder.MaxCount); // R6/P1D
        Assert.NotNull(wait.Timeout);
        Assert.Contains(definition.Connections, c => c.Source == wait.Id && c.SourcePort == Ports.Reminder);
    }

    [Fact]
    public void Camunda7InvoiceReceipt_LanesCandidatesCallActivityAndJuel()
    {
        var imported = Assert.Single(Import("08-invoice-receipt-dmn-callactivity_camunda7.bpmn").Definitions);
        var definition = imported.Definition;
        var call = Assert.Single(definition.Nodes, n => n.Type == "SubProcess");
        Assert.Equal("ReviewInvoice", call.Inputs["definitionId"].Literal!.GetValue<string>());
        Assert.Equal("clarified", call.Inputs["outputMapping"].Literal!["clarified"]!.GetValue<string>());
        Assert.Contains("\"amount\": amount", call.Inputs["input"].Expression!.Source, StringComparison.Ordinal);
        Assert.Equal("!approved", definition.Connections.Single(c => c.Condition?.Source == "!approved").Condition!.Source);
        Assert.Contains(imported.Notes, n => n.ElementId == "assignApprover" && n.ElementType == "businessRuleTask" && n.Status == ImportStatus.Changed);
    }

    [Fact]
    public void FlowableCountersign_HalfOfTheApproversApprove()
    {
        var task = Assert.Single(Assert.Single(Import("12-countersign-mi-usertask-completion-ratio_flowable.bpmn20.xml").Definitions).Definition.Nodes, n => n.Type == "UserTask");
        Assert.Equal("percent", task.Inputs["mode"].Literal!.GetValue<string>());
        Assert.Equal(50, task.Inputs["percent"].Literal!.GetValue<int>());
    }

    [Fact]
    public async Task FlowableTimers_ReminderThenTimeout_AndAnIntermediateWait()
    {
        var definition = Assert.Single(Import("13-timers-boundary-and-intermediate-catch_flowable.bpmn20.xml").Definitions).Definition;
        var first = definition.Nodes.Single(n => n.Id == "firstTask");
        Assert.Equal("PT4H", first.Timeout);
        Assert.Equal("PT1H", first.Reminder!.Interval);
        Assert.Equal("PT1H", definition.Nodes.Single(n => n.Id == "afterReminderTimer").Inputs["duration"].Literal!.GetValue<string>());

        using var harness = new EngineHarness();
        var instance = await harness.RunAsync(definition);
        harness.Clock.Advance(TimeSpan.FromMinutes(61));
        await harness.Host.FireDueTimersAsync();
        Assert.Contains(harness.Host.Get(instance.Id).Bookmarks, b => b.NodeId == "reminderTask"); // the reminder's path, the task still waiting
        Assert.Contains(harness.Host.Get(instance.Id).Bookmarks, b => b.NodeId == "firstTask");
        harness.Clock.Advance(TimeSpan.FromHours(3));
        await harness.Host.FireDueTimersAsync();
        Assert.DoesNotContain(harness.Host.Get(instance.Id).Bookmarks, b => b.NodeId == "firstTask"); // timed out
    }

    [Fact]
    public void KitchenSink_EveryPoolIsADefinition_EventGatewayWaitsAtOneStep_ThrowsPublish_MessageFlowsAndEventSubProcessesReported()
    {
        var result = Import("07-all-elements-kitchen-sink_miwg-B.2.0.bpmn");
        Assert.True(result.Definitions.Count >= 3);
        var notes = result.Definitions.SelectMany(d => d.Notes).ToList();
        Assert.Contains(notes, n => n.ElementType == "messageFlow" && n.Status == ImportStatus.NotImported);
        // The event-based gateway: its first message is the wait, the second an event of the same step, the timer without a date is reported.
        var nodes = result.Definitions.SelectMany(d => d.Definition.Nodes).ToList();
        var race = Assert.Single(nodes, n => n.Id == "_05c6bc89-5265-435c-8a9e-533c44a6888b");
        Assert.Equal("WaitEvent", race.Type);
        Assert.Equal("Intermediate Event Message Catch", Assert.Single(race.Events!).Event);
        Assert.Contains(notes, n => n.ElementType == "eventBasedGateway" && n.Arguments[0] == "race");
        Assert.Contains(notes, n => n.ElementId == "_034907bf-d3d7-4629-818c-14c3e69d5bc6" && n.Status == ImportStatus.NotImported && n.Arguments[0] == "raceSecondTimer");
        Assert.DoesNotContain(nodes, n => n.Id is "_f2081fdb-3b8a-480b-9f61-fbf683e2018c" or "_034907bf-d3d7-4629-818c-14c3e69d5bc6");
        // A thrown escalation publishes an event for the calling case.
        var escalation = Assert.Single(nodes, n => n.Id == "_3a19ce2d-e30d-461c-aeaa-b2acb118f9a4");
        Assert.Equal(("PublishEvent", "parentInstanceId()"), (escalation.Type, escalation.Inputs["correlationKey"].Expression!.Source));
        Assert.Contains(result.Definitions.SelectMany(d => d.Definition.Nodes), n => n.Type == "Inclusive" || n.Type == "Join");
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</definitions>""", "declares a DTD")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">&x;</process></definitions>""", "declares a DTD")]
    [InlineData("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><startEvent id="s"></process></definitions>""", "line 1, position")]
    [InlineData("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"/></definitions>""", "no process with steps")]
    [InlineData("""<bpmn:other xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>""", "not <definitions>")]
    public void HostileOrBrokenXml_IsRefused_SayingWhatAndWhere(string xml, string expected)
    {
        var ex = Assert.Throws<WorkflowFormatException>(() => DefinitionConverter.Import(xml, DefinitionFormat.Bpmn, "upload.bpmn"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("upload.bpmn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubProcessesNestedTooDeep_AreRefused_NotOverflowed()
    {
        var open = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<subProcess id=\"s{i}\"><startEvent id=\"b{i}\"/>"));
        var close = string.Concat(Enumerable.Repeat("</subProcess>", 5_000));
        var xml = $"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\"><startEvent id=\"s\"/>{open}{close}</process></definitions>";
        var ex = Assert.Throws<WorkflowFormatException>(() => DefinitionConverter.Import(xml, source: "deep.bpmn"));
        Assert.Contains("nested deeper than 100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeFile_IsRefusedBeforeItIsRead()
    {
        var huge = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">" + new string(' ', WorkflowJson.MaxDefinitionBytes) + "</definitions>";
        var ex = Assert.Throws<WorkflowFormatException>(() => DefinitionConverter.Import(huge, source: "huge.bpmn"));
        Assert.Contains("the limit is 8 MiB", ex.Message, StringComparison.Ordinal);
    }
}
