using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Activities.Flow;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Tests.Activities;

public sealed class ActivityRegistryTests
{
    private readonly ActivityRegistry _sut = ActivityRegistry.CreateDefault();

    [Fact]
    public void CreateDefault_ListsEveryBuiltInWithMetadataForThePalette()
    {
        string[] expected = ["Start", "End", "Terminate", "SetVariable", "Script", "Log", "SetBusinessKey", "Decision", "Switch", "Fork", "Join", "Inclusive", "ForEach", "While", "Break", "SubProcess", "Delay", "Timer", "Cron", "WaitEvent", "EventStart", "PublishEvent", "CaseEvent", "UserTask", "Fail"];

        Assert.Equal(expected.Order(), _sut.All.Select(a => a.TypeName).Order());
        Assert.All(_sut.All, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Category));
            Assert.False(string.IsNullOrWhiteSpace(a.DisplayName));
            Assert.False(string.IsNullOrWhiteSpace(a.Description));
            Assert.All(a.Inputs, i => Assert.False(string.IsNullOrWhiteSpace(i.Description), $"{a.TypeName}.{i.Name} has no description"));
        });
    }

    [Fact]
    public void Describe_Delay_HasATypedRequiredDurationInput()
    {
        var delay = _sut.Find("Delay")!;

        var duration = Assert.Single(delay.Inputs);
        Assert.Equal(("duration", DataType.Duration, true), (duration.Name, duration.Type, duration.Required));
        Assert.Equal("Timing", delay.Category);
    }

    [Fact]
    public void PortsOf_DependOnTheNode()
    {
        var task = new NodeDefinition { Type = "UserTask", Inputs = { ["outcomes"] = InputValue.FromLiteral(new JsonArray("agree", "disagree")) } };
        var cases = new NodeDefinition { Type = "Switch", Inputs = { ["cases"] = InputValue.FromLiteral(JsonNode.Parse("""[{"name":"vip","condition":"true"}]""")) } };

        Assert.Equal(["agree", "disagree", "error", "timeout", "reminder"], _sut.Find("UserTask")!.PortsOf(task));
        Assert.Equal(["vip", "default", "error"], _sut.Find("Switch")!.PortsOf(cases));
        Assert.Empty(_sut.Find("End")!.PortsOf(new NodeDefinition { Type = "End" }));
        Assert.True(_sut.Find("Cron")!.IsTrigger);
    }

    [Fact]
    public void Constructor_TwoActivitiesWithOneTypeName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActivityRegistry([new Start(), new Start()]));

        Assert.Contains("'Start'", error.Message, StringComparison.Ordinal);
    }
}
