using System.Text.Json.Nodes;
using System.Xml.Linq;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Interop;

namespace FlowCenter.Engine.Tests.Interop;

/// <summary>FlowCenter definitions written as BPMN 2.0 with diagram interchange, and back unchanged.</summary>
public sealed class BpmnExportTests
{
    private static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";

    public static TheoryData<string> ShippedWorkflows() => [.. RepositoryPaths.WorkflowFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedWorkflows))]
    public void EveryShippedWorkflow_ThroughBpmnAndBack_IsTheSameDefinition(string file)
    {
        var original = WorkflowJson.ParseDefinition(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)), file);
        var bpmn = DefinitionConverter.Export(original, DefinitionFormat.Bpmn);
        Assert.Equal(DefinitionFormat.Bpmn, DefinitionConverter.Detect(bpmn));

        var back = Assert.Single(DefinitionConverter.Import(bpmn).Definitions);
        Assert.Equal(WorkflowJson.Write(original), WorkflowJson.Write(back.Definition));
        Assert.DoesNotContain(back.Notes, n => n.Status == ImportStatus.NotImported);
    }

    /// <summary>A process that listens, publishes and leaves a loop: each in BPMN's own terms where BPMN has them.</summary>
    internal static WorkflowDefinition Eventful() => new WorkflowBuilder("eventful")
        .Node("start", "Start")
        .Node("approve", "UserTask")
        .Configure("approve", n => n.Events =
        [
            new EventListenerSettings { Event = "order.cancelled", Port = "cancelled", CorrelationKey = WorkflowExpression.Js("input.order") },
            new EventListenerSettings { Event = "customer.asked", Port = "asked", Interrupting = false, ResultVariable = "question" },
        ])
        .Node("answer", "Log", ("text", "asked"))
        .Node("tell", "PublishEvent", ("eventName", "order.approved"), ("correlationKey", new Js("input.order")))
        .Node("paid", "WaitEvent", ("eventName", "payment.received"))
        .Configure("paid", n => { n.Timeout = "P3D"; n.Layout = new NodeLayout { X = 600, Y = 100, Width = 36, Height = 36 }; })
        .Node("late", "End")
        .Node("loop", "ForEach", ("items", new JsonArray(1, 2, 3)))
        .Node("leave", "Break")
        .Node("withdrawn", "End").Node("end", "End")
        .Node("question", "CaseEvent", ("eventName", "customer.asked"), ("interrupting", false))
        .Node("reply", "Log", ("text", "answered"))
        .Connect("start", "approve").Connect("approve", "tell", "approve").Connect("approve", "withdrawn", "cancelled").Connect("approve", "answer", "asked")
        .Connect("question", "reply").Connect("tell", "paid").Connect("paid", "loop").Connect("paid", "late", Ports.Timeout).Connect("loop", "leave", "iterate").Connect("loop", "end")
        .Build();

    [Fact]
    public void EventsAStepListensFor_AreBoundaryEvents_APublishedOneAThrowEvent_AndComeBack()
    {
        var original = Eventful();
        var bpmn = DefinitionConverter.Export(original, DefinitionFormat.Bpmn);
        var process = XDocument.Parse(bpmn).Root!.Element(Model + "process")!;

        var boundaries = process.Elements(Model + "boundaryEvent").Where(b => (string?)b.Attribute("attachedToRef") == "approve").ToList();
        Assert.Equal(2, boundaries.Count);
        Assert.All(boundaries, b => Assert.NotNull(b.Element(Model + "messageEventDefinition")));
        Assert.Equal("false", (string?)boundaries.Single(b => (string?)b.Attribute("name") == "asked").Attribute("cancelActivity"));
        Assert.Null(boundaries.Single(b => (string?)b.Attribute("name") == "cancelled").Attribute("cancelActivity"));
        var thrown = process.Elements(Model + "intermediateThrowEvent").Single(e => (string?)e.Attribute("id") == "tell");
        Assert.NotNull(thrown.Element(Model + "messageEventDefinition"));
        // A wait with a timeout is a receive task, for BPMN attaches boundary events to activities only.
        Assert.Equal("receiveTask", process.Elements().Single(e => (string?)e.Attribute("id") == "paid").Name.LocalName);
        var activities = process.Elements().Where(e => e.Name.LocalName is "userTask" or "receiveTask" or "callActivity" or "task" or "serviceTask" or "scriptTask" or "subProcess")
            .Select(e => (string?)e.Attribute("id")).ToHashSet();
        Assert.All(process.Elements(Model + "boundaryEvent"), b => Assert.Contains((string?)b.Attribute("attachedToRef"), activities));

        // While the case runs: an event sub-process around the path, started by the message without interrupting.
        var events = Assert.Single(process.Elements(Model + "subProcess"), s => (string?)s.Attribute("triggeredByEvent") == "true");
        var question = events.Elements(Model + "startEvent").Single();
        Assert.Equal(("question", "false"), ((string?)question.Attribute("id"), (string?)question.Attribute("isInterrupting")));
        Assert.Contains(events.Elements(Model + "task"), t => (string?)t.Attribute("id") == "reply");
        Assert.All(events.Elements(Model + "sequenceFlow"), f => Assert.Contains(events.Elements(), e => (string?)e.Attribute("id") == (string?)f.Attribute("targetRef")));
        var around = XDocument.Parse(bpmn).Descendants(Di + "BPMNShape").Single(s => (string?)s.Attribute("bpmnElement") == (string?)events.Attribute("id"));
        Assert.Equal("true", (string?)around.Attribute("isExpanded")); // drawn open, its steps inside it

        var back = Assert.Single(DefinitionConverter.Import(bpmn).Definitions);
        Assert.Equal(WorkflowJson.Write(original), WorkflowJson.Write(back.Definition));
        Assert.DoesNotContain(back.Notes, n => n.Status == ImportStatus.NotImported);
    }

    [Theory]
    [MemberData(nameof(ShippedWorkflows))]
    public void EveryElement_HasItsShape_EveryFlowItsEdge_WithTheDesignersBends(string file)
    {
        var original = WorkflowJson.ParseDefinition(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)), file);
        var document = XDocument.Parse(DefinitionConverter.Export(original, DefinitionFormat.Bpmn));
        var process = document.Root!.Element(Model + "process")!;
        var shapes = document.Descendants(Di + "BPMNShape").Select(s => (string)s.Attribute("bpmnElement")!).ToHashSet();
        var edges = document.Descendants(Di + "BPMNEdge").ToDictionary(e => (string)e.Attribute("bpmnElement")!);
        foreach (var element in process.Elements().Where(e => e.Name.Namespace == Model && e.Name.LocalName is not ("sequenceFlow" or "documentation" or "extensionElements")))
        {
            Assert.Contains((string)element.Attribute("id")!, shapes);
        }

        foreach (var flow in process.Elements(Model + "sequenceFlow"))
        {
            Assert.True(edges.ContainsKey((string)flow.Attribute("id")!), $"flow {(string)flow.Attribute("id")!} has no edge");
        }

        foreach (var connection in original.Connections.Where(c => c.Vertices.Count > 0))
        {
            var waypoints = edges[connection.Id].Elements().Count();
            Assert.Equal(connection.Vertices.Count + 2, waypoints);
        }

        foreach (var node in original.Nodes.Where(n => n.Layout is not null))
        {
            var bounds = document.Descendants(Di + "BPMNShape").Single(s => (string)s.Attribute("bpmnElement")! == node.Id).Elements().Single();
            Assert.Equal(node.Layout!.X, double.Parse((string)bounds.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture), 2);
        }

        // Boundary events sit on activities, never on events or gateways.
        var activities = process.Elements().Where(e => e.Name.LocalName.EndsWith("Task", StringComparison.Ordinal) || e.Name.LocalName is "task" or "callActivity" or "subProcess")
            .Select(e => (string?)e.Attribute("id")).ToHashSet();
        Assert.All(process.Elements(Model + "boundaryEvent"), b => Assert.Contains((string?)b.Attribute("attachedToRef"), activities));
    }

    public static TheoryData<string> ElsaFiles() => RepositoryPaths.FixtureNames("elsa");

    /// <summary>Elsa's ids are hex and may begin with a digit, which XML ids may not: written with '_' before them, and back as they were.</summary>
    [Theory]
    [MemberData(nameof(ElsaFiles))]
    public void ImportedElsaFiles_ThroughBpmnAndBack_AreTheSame_WithValidXmlIds(string file)
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("elsa", file));
        var definition = Assert.Single(DefinitionConverter.Import(text).Definitions).Definition;
        var bpmn = DefinitionConverter.Export(definition, DefinitionFormat.Bpmn);
        foreach (var id in XDocument.Parse(bpmn).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>())
        {
            Assert.True(char.IsAsciiLetter(id[0]) || id[0] == '_', $"'{id}' is not an XML id");
        }

        var back = Assert.Single(DefinitionConverter.Import(bpmn).Definitions).Definition;
        Assert.Equal(WorkflowJson.Write(definition), WorkflowJson.Write(back));
    }
}
