using Microsoft.Extensions.DependencyInjection;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;
using FlowCenter.Studio.Designer;
using FlowCenter.Studio.Editors;

namespace FlowCenter.Studio.Tests.Designer;

public sealed class PanelTests : StudioTestContext
{
    private readonly ActivityRegistry _activities = ActivityRegistry.CreateDefault();

    [Fact]
    public void PropertyPanel_Node_ShowsAnEditorPerInputFromTheMetadata()
    {
        var node = new NodeDefinition { Id = "join1", Type = "Join", Inputs = { ["mode"] = InputValue.FromLiteral("any") } };

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("Join")));

        Assert.NotNull(panel.Find("[data-testid=prop-input-mode]"));
        Assert.NotNull(panel.Find("[data-testid=prop-input-count]"));
        Assert.NotNull(panel.Find("[data-testid=prop-input-cancelRemaining]"));
        Assert.Empty(panel.FindAll("[data-testid=prop-js-mode]"));
    }

    [Fact]
    public void PropertyPanel_AWaitingStep_ListensForEvents_AStepThatDoesNotWaitCannot()
    {
        NodeWaiting? changed = null;
        var wait = new NodeDefinition { Id = "paid", Type = "WaitEvent" };
        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, wait).Add(x => x.Descriptor, _activities.Find("WaitEvent")).Add(x => x.WaitingChanged, w => changed = w));

        panel.Find("[data-testid=wait-event-add] button, button[data-testid=wait-event-add]").Click();

        var listener = Assert.Single(changed!.Events!);
        Assert.Equal(("", "event1", true), (listener.Event, listener.Port, listener.Interrupting));
        Assert.Null(wait.Events); // the panel asks; the designer's state changes the node
        wait.Events = changed.Events;
        panel.Render(p => p.Add(x => x.Node, wait));
        panel.Find("input[data-testid=wait-event-0-name]").Change("order.cancelled");
        Assert.Equal("order.cancelled", changed.Events![0].Event);

        var set = Render<PropertyPanel>(p => p.Add(x => x.Node, new NodeDefinition { Id = "set", Type = "SetVariable" }).Add(x => x.Descriptor, _activities.Find("SetVariable")));
        Assert.Empty(set.FindAll("[data-testid=waiting-settings]"));
    }

    [Fact]
    public void PropertyPanel_UserTask_PicksWhoFromTheOrganisation_AndHidesWhatDoesNotApply()
    {
        var node = new NodeDefinition { Id = "approve", Type = "UserTask", Inputs = { ["assignTo"] = InputValue.FromLiteral("role"), ["outcomes"] = InputValue.FromLiteral(new System.Text.Json.Nodes.JsonArray("approve", "pay")) } };

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("UserTask")));

        // The assignee is chosen (from the roles), the outcomes are typed; as chips, not JSON.
        Assert.NotNull(panel.Find("[data-testid=prop-input-assignee-add]"));
        Assert.Empty(panel.FindAll("[data-testid=prop-input-assignee-new]"));
        Assert.Equal(2, panel.FindAll("[data-testid=prop-input-outcomes-chip]").Count);
        Assert.DoesNotContain("[\"approve\"", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=prop-input-managerLevels]"));
        Assert.Empty(panel.FindAll("[data-testid=prop-input-percent]"));
        Assert.DoesNotContain("StringList", panel.Markup, StringComparison.Ordinal);
        Assert.NotNull(panel.Find("[data-testid=prop-input-dueIn-amount]"));

        // The technical view shows every input with its name and type.
        panel.Render(p => p.Add(x => x.Technical, true));
        Assert.NotNull(panel.Find("[data-testid=prop-input-managerLevels]"));
        Assert.Contains("(assignee · StringList)", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyPanel_AListGrowsByTyping_AndIsReportedAsAList()
    {
        (string Input, string? Text, bool Expression)? changed = null;
        var node = new NodeDefinition { Id = "approve", Type = "UserTask" };
        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("UserTask")).Add(x => x.InputChanged, c => changed = c));

        panel.Find("input[data-testid=prop-input-outcomes-new]").Input("approve, reject, pay");
        panel.Find("input[data-testid=prop-input-outcomes-new]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("outcomes", changed?.Input);
        Assert.Equal(["approve", "reject", "pay"], System.Text.Json.JsonSerializer.Deserialize<string[]>(changed!.Value.Text!)!);
    }

    [Theory]
    [InlineData("P2D", 2, FlowCenter.Studio.Designer.Inputs.DurationUnit.Days)]
    [InlineData("PT48H", 2, FlowCenter.Studio.Designer.Inputs.DurationUnit.Days)]
    [InlineData("PT1H30M", 90, FlowCenter.Studio.Designer.Inputs.DurationUnit.Minutes)]
    [InlineData("PT45S", 45, FlowCenter.Studio.Designer.Inputs.DurationUnit.Seconds)]
    [InlineData("soon", null, FlowCenter.Studio.Designer.Inputs.DurationUnit.Hours)]
    public void DurationInput_ShowsAnAmountOfItsLargestWholeUnit(string iso, int? amount, FlowCenter.Studio.Designer.Inputs.DurationUnit unit)
    {
        Assert.Equal((amount, unit), FlowCenter.Studio.Designer.Inputs.DurationInput.Split(iso, FlowCenter.Studio.Designer.Inputs.DurationUnit.Hours));
        if (amount is { } n)
        {
            var written = FlowCenter.Studio.Designer.Inputs.DurationInput.Join(n, unit);
            Assert.Equal(System.Xml.XmlConvert.ToTimeSpan(iso), System.Xml.XmlConvert.ToTimeSpan(written!));
        }
    }

    [Fact]
    public void PropertyPanel_EditingAnInput_RaisesTheChangeWithItsKind()
    {
        (string Input, string? Text, bool Expression)? changed = null;
        var node = new NodeDefinition { Id = "set1", Type = "SetVariable" };
        var panel = Render<PropertyPanel>(p => p
            .Add(x => x.Node, node)
            .Add(x => x.Descriptor, _activities.Find("SetVariable"))
            .Add(x => x.InputChanged, c => changed = c));

        panel.Find("input[data-testid=prop-input-name]").Change("total");

        Assert.Equal(("name", "total", false), changed);
    }

    [Fact]
    public void PropertyPanel_Connection_EditsLabelAndCondition()
    {
        (string? Label, string? Condition)? changed = null;
        var connection = new ConnectionDefinition { Id = "c3", Source = "decide", SourcePort = "big", Target = "ceo", Condition = WorkflowExpression.Js("total > 1000") };
        var panel = Render<PropertyPanel>(p => p.Add(x => x.Connection, connection).Add(x => x.ConnectionChanged, c => changed = c));

        Assert.Equal("total > 1000", panel.FindComponent<CodeEditor>().Instance.Value);
        panel.InvokeAsync(() => panel.FindComponent<CodeEditor>().Instance.OnEdited("total > 5000"));

        Assert.Equal((null, "total > 5000"), changed);
    }

    [Fact]
    public void PropertyPanel_ExpressionWithASyntaxError_ShowsItUnderTheField()
    {
        var node = new NodeDefinition { Id = "set1", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("x"), ["value"] = InputValue.FromExpression("1 +* 2") } };
        var definition = new WorkflowBuilder("d").Node("start", "Start").Build();
        definition.Nodes.Add(node);
        definition.Connections.Add(new ConnectionDefinition { Id = "c1", Source = "start", Target = "set1" });
        var problems = Services.GetService<FlowCenter.Engine.Execution.WorkflowEngine>()!.Validator.Validate(definition);

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("SetVariable")).Add(x => x.Problems, problems));

        Assert.Contains("New value: Unexpected token", panel.Find("[data-testid=prop-input-value-problem]").TextContent, StringComparison.Ordinal);
        Assert.Contains("line 1", panel.Find("[data-testid=prop-input-value-problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyPanel_ObjectInput_IsAJsonEditorShowingTheLiteralIndented()
    {
        var node = new NodeDefinition { Id = "set1", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("order"), ["value"] = InputValue.FromLiteral(System.Text.Json.Nodes.JsonNode.Parse("""{"客户":"华东","qty":2}""")) } };

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("SetVariable")));

        var editor = panel.FindComponents<CodeEditor>().Single(e => e.Instance.TestId == "prop-input-value").Instance;
        Assert.Equal(CodeLanguage.Json, editor.Language);
        Assert.Equal("{\n  \"客户\": \"华东\",\n  \"qty\": 2\n}", editor.Value!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ValidationPanel_ClickingAProblem_ReportsIt()
    {
        ValidationProblem? clicked = null;
        var problems = new[] { new ValidationProblem(ProblemSeverity.Error, ProblemCodes.UnknownActivity, "unknown activity type 'Teleport'", "x") };
        var panel = Render<ValidationPanel>(p => p.Add(x => x.Problems, problems).Add(x => x.ProblemClicked, p => clicked = p));

        panel.Find(".mud-list-item").Click();

        // MudBlazor's list item may raise its click after an await of its own.
        panel.WaitForAssertion(() => Assert.Equal("x", clicked?.NodeId));
        Assert.Contains("Teleport", panel.Markup, StringComparison.Ordinal);
    }
}
