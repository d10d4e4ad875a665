using FlowCenter.Studio.Processes;

namespace FlowCenter.Studio.Tests.Processes;

public sealed class ProcessListChineseTests() : StudioTestContext("zh-CN")
{
    [Fact]
    public async Task Render_InChinese_UsesTheChineseResources()
    {
        await Definitions.SaveDraftAsync(new WorkflowBuilder("leave").Node("start", "Start").Build());

        var list = Render<ProcessList>();
        list.WaitForElement("[data-testid=process-table]");

        Assert.Contains("新建流程", list.Markup, StringComparison.Ordinal);
        Assert.Contains("草稿", list.Markup, StringComparison.Ordinal);
        Assert.Contains("发布", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATranslatedProcess_IsListedAndFoundByItsChineseName()
    {
        var definition = new WorkflowBuilder("purchase").Node("start", "Start").Build();
        definition.Name = "Purchase request";
        definition.Translations = new() { ["zh-CN"] = new() { Name = "采购申请" } };
        await Definitions.SaveDraftAsync(definition);

        var list = Render<ProcessList>();
        list.WaitForAssertion(() => Assert.Contains("采购申请", list.Find("[data-testid=process-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Purchase request", list.Find("[data-testid=process-table]").TextContent, StringComparison.Ordinal);
    }
}
