using Microsoft.Extensions.DependencyInjection;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Designer;

namespace FlowCenter.Studio.Tests.Designer;

/// <summary>The designer in Chinese: activity names, categories and input labels come from ActivityStrings.zh-CN.</summary>
public sealed class DesignerChineseTests() : StudioTestContext("zh-CN")
{
    private readonly ActivityRegistry _activities = ActivityRegistry.CreateDefault();

    [Fact]
    public void Palette_InChinese_NamesAndGroupsActivitiesAndFindsThemByChineseName()
    {
        var palette = Render<Palette>(p => p.Add(x => x.Activities, _activities));

        Assert.Contains("人工审批", palette.Find(".fc-palette-item[data-activity=UserTask]").TextContent, StringComparison.Ordinal);
        Assert.Contains("流程控制", palette.Markup, StringComparison.Ordinal);

        palette.Find("input[data-testid=palette-search]").Input("审批");

        palette.WaitForAssertion(() => Assert.Equal(["UserTask"], palette.FindAll(".fc-palette-item").Select(i => i.GetAttribute("data-activity"))));
    }

    [Fact]
    public void PropertyPanel_InChinese_LabelsInputsAndKeepsTheirNames()
    {
        var node = new NodeDefinition { Id = "approve", Type = "UserTask" };

        var panel = Render<PropertyPanel>(p => p.Add(x => x.Node, node).Add(x => x.Descriptor, _activities.Find("UserTask")));

        Assert.Contains("人工审批", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("审批人", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("会签", panel.Markup, StringComparison.Ordinal);
        // Plain words first: no input names, no types, no English choices.
        Assert.DoesNotContain("(assignee", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("StringList", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("单人（多人时抢办）", panel.Markup, StringComparison.Ordinal);

        // The technical name is one click away.
        panel.Render(p => p.Add(x => x.Technical, true));
        Assert.Contains("审批人 (assignee · StringList)", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_InChinese_NameStepsAndInputsAsThePanelDoes()
    {
        var definition = new WorkflowBuilder("d").Node("start", "Start").Node("task", "UserTask").Node("script", "Script").Node("end", "End")
            .Configure("task", n => n.DisplayName = "主管审批").Configure("script", n => n.DisplayName = "计算")
            .Connect("start", "task").Connect("task", "end", "approve").Build();
        var problems = Services.GetRequiredService<FlowCenter.Engine.Execution.WorkflowEngine>().Validator.Validate(definition);

        var panel = Render<ValidationPanel>(p => p.Add(x => x.Problems, problems).Add(x => x.Definition, definition));

        Assert.Contains("主管审批", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("没有指定处理人", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("从开始无法到达这一步", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("未填写", panel.Markup, StringComparison.Ordinal); // the script's code
        Assert.DoesNotContain("required input", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("no path leads", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void RarerProblems_InChinese_AreSaidInChineseToo()
    {
        var definition = new WorkflowBuilder("d").Node("start", "Start").Node("set", "SetVariable").Node("join", "Join").Node("script", "Script").Node("end", "End")
            .Configure("set", n =>
            {
                n.Inputs["name"] = InputValue.FromLiteral("undeclared");
                n.Inputs["colour"] = InputValue.FromLiteral("red");
            })
            .Configure("join", n =>
            {
                n.Inputs["mode"] = InputValue.FromLiteral("count");
                n.Inputs["count"] = InputValue.FromLiteral(5);
            })
            .Configure("script", n =>
            {
                n.Inputs["script"] = InputValue.FromLiteral("return 1;");
                n.Timeout = "soon";
                n.Retry = new RetryPolicy { MaxAttempts = 0 };
            })
            .Connect("start", "set").Connect("set", "join").Connect("join", "script").Connect("script", "end").Build();
        definition.Connections.Add(new ConnectionDefinition { Id = "ghost", Source = "script", Target = "nowhere" });
        var problems = Services.GetRequiredService<FlowCenter.Engine.Execution.WorkflowEngine>().Validator.Validate(definition);
        var words = Services.GetRequiredService<ProblemText>();

        string[] codes = ["UnknownInput", "InvalidSetting", "DanglingConnection"];
        Assert.All(codes, c => Assert.Contains(problems, p => p.Code == c));
        // Each said in Chinese: none left as the engine's English (ids and the names of steps may stay as they are).
        var english = problems.Select(p => (p, Text: words.Of(p, definition)))
            .Where(x => System.Text.RegularExpressions.Regex.Replace(x.Text, "“[^”]*”|（[^）]*）|[A-Za-z]+\\.[A-Za-z.]+", "").Any(char.IsAsciiLetter)).ToList();
        Assert.True(english.Count == 0, string.Join("\n", english.Select(x => $"{x.p.Code}: {x.Text}")));
        Assert.Contains(problems, p => words.Of(p, definition).Contains("等待的分支数量", StringComparison.Ordinal));
        Assert.Contains(problems, p => words.Of(p, definition).Contains("期限“soon”", StringComparison.Ordinal));
        Assert.Contains(problems, p => words.Of(p, definition).Contains("变量“undeclared”未声明", StringComparison.Ordinal));
    }
}
