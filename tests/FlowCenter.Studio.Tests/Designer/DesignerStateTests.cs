using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Designer;

namespace FlowCenter.Studio.Tests.Designer;

public sealed class DesignerStateTests
{
    private readonly ActivityRegistry _activities = ActivityRegistry.CreateDefault();

    [Fact]
    public void AddConnectDelete_ChangeTheDefinitionAndUndoRedoWalkBack()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Build(), _activities);

        var decision = state.AddNode("Decision", 300, 100);
        var connection = state.Connect("start", Ports.Done, decision.Id);
        state.Delete([decision.Id], []);

        Assert.Equal("decision1", decision.Id);
        Assert.Equal(("start", "decision1"), (connection.Source, connection.Target));
        Assert.Single(state.Definition.Nodes);
        Assert.Empty(state.Definition.Connections);
        state.Undo();
        Assert.Equal(2, state.Definition.Nodes.Count);
        Assert.Single(state.Definition.Connections);
        state.Undo();
        state.Undo();
        Assert.Single(state.Definition.Nodes);
        Assert.False(state.CanUndo);
        state.Redo();
        Assert.Equal(2, state.Definition.Nodes.Count);
        Assert.True(state.IsDirty);
    }

    [Fact]
    public void SetWaiting_ARenamedBranchKeepsItsPaths_ARemovedOneTakesThemAlong()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Node("wait", "WaitEvent").Node("a", "End").Node("b", "End").Node("c", "End").Build(), _activities);
        state.SetWaiting("wait", new NodeWaiting("P1D", null, [new EventListenerSettings { Event = "order.cancelled", Port = "cancelled" }, new EventListenerSettings { Event = "asked", Port = "asked", Interrupting = false }]));
        state.Connect("wait", "cancelled", "a");
        state.Connect("wait", "asked", "b");
        state.Connect("wait", Ports.Timeout, "c");

        // One change at a time, as the panel makes them: a branch renamed, then an event and the deadline taken away.
        var waiting = NodeWaiting.Of(state.Definition.Nodes.Single(n => n.Id == "wait"));
        var listeners = waiting.Copy();
        listeners[0].Port = "withdrawn";
        state.SetWaiting("wait", waiting with { Events = listeners });
        listeners = listeners[..1];
        state.SetWaiting("wait", waiting with { Timeout = null, Events = listeners });

        var wait = state.Definition.Nodes.Single(n => n.Id == "wait");
        Assert.Equal(("order.cancelled", "withdrawn"), (Assert.Single(wait.Events!).Event, wait.Events![0].Port));
        Assert.Null(wait.Timeout);
        Assert.Equal([("withdrawn", "a")], state.Definition.Connections.Where(c => c.Source == "wait").Select(c => (c.SourcePort, c.Target)));
        state.SetWaiting("wait", new NodeWaiting(null, null, []));
        Assert.Null(state.Definition.Nodes.Single(n => n.Id == "wait").Events);
        Assert.DoesNotContain(state.Definition.Connections, c => c.Source == "wait");
    }

    [Fact]
    public void Connect_FromADecisionBranch_GetsAConditionToEdit()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Node("decide", "Decision").Node("a", "End").Build(), _activities);

        var branch = state.Connect("decide", "branch1", "a");
        var fallback = state.Connect("decide", Ports.Default, "a");

        Assert.Equal("true", branch.Condition!.Source);
        Assert.Null(fallback.Condition);
    }

    [Fact]
    public void SetInput_LiteralByTypeOrExpression()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Node("wait", "Delay").Node("set", "SetVariable").Build(), _activities);

        state.SetInput("wait", "duration", "PT5M", expression: false);
        state.SetInput("set", "value", "{\"a\": 1}", expression: false);
        state.SetInput("set", "name", "total", expression: false);
        state.SetInput("set", "value", "order.amount * 2", expression: true);
        state.SetInput("wait", "duration", "", expression: false);

        var set = state.Definition.Nodes.Single(n => n.Id == "set");
        Assert.Equal("order.amount * 2", set.Inputs["value"].Expression!.Source);
        Assert.Equal("total", set.Inputs["name"].Literal!.GetValue<string>());
        Assert.Empty(state.Definition.Nodes.Single(n => n.Id == "wait").Inputs);
    }

    [Fact]
    public void AutoLayout_PlacesNodesLeftToRightByDistanceFromStart()
    {
        var state = new DesignerState(new WorkflowBuilder("d")
            .Node("start", "Start").Node("fork", "Fork").Node("a", "End").Node("b", "End")
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Build(), _activities);

        state.AutoLayout();

        var x = state.Definition.Nodes.ToDictionary(n => n.Id, n => n.Layout!.X);
        var y = state.Definition.Nodes.ToDictionary(n => n.Id, n => n.Layout!.Y);
        Assert.True(x["start"] < x["fork"] && x["fork"] < x["a"]);
        Assert.Equal(x["a"], x["b"]);
        Assert.NotEqual(y["a"], y["b"]);
    }

    [Fact]
    public void AutoLayout_PutsAJoinAfterItsLongestBranchAndIgnoresALoopsWayBack()
    {
        var state = new DesignerState(new WorkflowBuilder("d")
            .Node("start", "Start").Node("fork", "Fork").Node("a1", "SetVariable").Node("a2", "SetVariable").Node("join", "Join").Node("end", "End")
            .Connect("start", "fork").Connect("fork", "a1", "a").Connect("a1", "a2").Connect("a2", "join").Connect("fork", "join", "b")
            .Connect("join", "end").Connect("a2", "a1", "again").Build(), _activities);
        state.Definition.Connections[0].Vertices = [new Point { X = 5, Y = 5 }];

        state.AutoLayout();

        var x = state.Definition.Nodes.ToDictionary(n => n.Id, n => n.Layout!.X);
        Assert.True(x["a1"] < x["a2"] && x["a2"] < x["join"] && x["join"] < x["end"], string.Join(", ", x));
        Assert.All(state.Definition.Connections, c => Assert.Empty(c.Vertices));
    }

    [Fact]
    public void AutoLayout_OrdersAColumnByItsPredecessorsRows()
    {
        // b's successor is listed first; it still goes below a's, so the two lines do not cross.
        var state = new DesignerState(new WorkflowBuilder("d")
            .Node("start", "Start").Node("fork", "Fork").Node("a", "SetVariable").Node("b", "SetVariable").Node("afterB", "End").Node("afterA", "End")
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Connect("a", "afterA").Connect("b", "afterB").Build(), _activities);

        state.AutoLayout();

        var y = state.Definition.Nodes.ToDictionary(n => n.Id, n => n.Layout!.Y);
        Assert.True(y["a"] < y["b"]);
        Assert.True(y["afterA"] < y["afterB"]);
    }

    [Fact]
    public void SetVertices_StoresTheRouteOnceAndCanBeUndone()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Node("end", "End").Connect("start", "end").Build(), _activities);
        var id = state.Definition.Connections[0].Id;

        state.SetVertices(id, [new Point { X = 100.4, Y = 40.6 }]);
        state.SetVertices(id, [new Point { X = 100, Y = 41 }]);

        Assert.Equal((100d, 41d), (state.Definition.Connections[0].Vertices[0].X, state.Definition.Connections[0].Vertices[0].Y));
        state.Undo();
        Assert.Empty(state.Definition.Connections[0].Vertices);
        Assert.False(state.CanUndo);
    }

    [Fact]
    public void ApplyJson_Malformed_ChangesNothing()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Build(), _activities);

        Assert.Throws<FlowCenter.Engine.Serialization.WorkflowFormatException>(() => state.ApplyJson("{ \"id\": "));

        Assert.Single(state.Definition.Nodes);
        Assert.False(state.CanUndo);
    }

    [Fact]
    public void Duplicate_CopiesNodesAndTheConnectionsBetweenThem()
    {
        var state = new DesignerState(new WorkflowBuilder("d").Node("start", "Start").Node("a", "SetVariable", ("name", "x")).Node("b", "End").Chain("start", "a", "b").Build(), _activities);

        var copies = state.Duplicate(["a", "b"]);

        Assert.Equal(2, copies.Count);
        Assert.Equal(5, state.Definition.Nodes.Count);
        Assert.Contains(state.Definition.Connections, c => c.Source == copies[0] && c.Target == copies[1]);
        Assert.Equal("x", state.Definition.Nodes.Single(n => n.Id == copies[0]).Inputs["name"].Literal!.GetValue<string>());
    }

    [Fact]
    public void CanvasModel_BranchingNodesOfferANewBranchPort()
    {
        var definition = new WorkflowBuilder("d").Node("start", "Start").Node("decide", "Decision").Node("a", "End")
            .Connect("start", "decide").Connect("decide", "a", "big", "x > 1").Build();

        var model = CanvasModelBuilder.Build(definition, _activities, []);

        Assert.Equal(["big", "branch1", "default"], model.Nodes.Single(n => n.Id == "decide").Ports);
        Assert.Equal(["done"], model.Nodes.Single(n => n.Id == "start").Ports);
        // An unnamed connection shows its condition; the port keeps its name on the node.
        Assert.Equal("x > 1", model.Edges.Single(e => e.Source == "decide").Label);
    }

    [Fact]
    public void CanvasModel_PortsSayWhatTheyAre_AndALongConditionIsShortened()
    {
        var definition = new WorkflowBuilder("d").Node("start", "Start").Node("decide", "Decision")
            .Node("task", "UserTask", ("assignee", "li.na"), ("outcomes", new[] { "approve", "pay" }), ("outcomeLabels", new System.Text.Json.Nodes.JsonObject { ["pay"] = "付款 / Pay" }))
            .Node("a", "End")
            .Connect("start", "decide").Connect("decide", "task", "big", "input.amount > 100000 && input.customer.rating === 'A'").Connect("task", "a", "pay").Build();

        var model = CanvasModelBuilder.Build(definition, _activities, [], (node, port) => node.Id + ":" + port);

        Assert.Equal(["decide:big", "decide:branch1", "decide:default"], model.Nodes.Single(n => n.Id == "decide").PortLabels);
        Assert.Equal("input.amount > 100000 && input.…", model.Edges.Single(e => e.Source == "decide").Label);
        Assert.Null(CanvasModelBuilder.Build(definition, _activities, []).Nodes[0].PortLabels);
    }
}
