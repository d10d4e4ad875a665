using AngleSharp.Dom;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Processes;

namespace FlowCenter.Studio.Tests.Processes;

public sealed class ProcessListTests : StudioTestContext
{
    [Fact]
    public async Task Render_ListsTheLatestVersionOfEachProcessWithItsStatus()
    {
        await Definitions.ImportAsync(new WorkflowBuilder("leave").Node("start", "Start").Build());
        await Definitions.SaveDraftAsync(new WorkflowBuilder("repair").Node("start", "Start").Build());
        await Definitions.SaveDraftAsync(new WorkflowBuilder("leave").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());

        var list = Render<ProcessList>();
        list.WaitForElement("[data-testid=process-table]");

        var rows = Rows(list);
        Assert.Equal(2, rows.Count);
        Assert.Contains("v2", rows.Single(r => r.TextContent.Contains("leave", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft", rows.Single(r => r.TextContent.Contains("repair", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Equal(2, list.FindAll("[data-testid=publish]").Count);
    }

    [Fact]
    public async Task Search_FiltersByNameOrId()
    {
        await Definitions.SaveDraftAsync(new WorkflowBuilder("order-to-delivery").Node("start", "Start").Build());
        await Definitions.SaveDraftAsync(new WorkflowBuilder("employee-onboarding").Node("start", "Start").Build());
        var list = Render<ProcessList>();
        list.WaitForElement("[data-testid=process-table]");

        list.Find("input[data-testid=process-search]").Input("onboard");

        // MudBlazor applies a typed value asynchronously: wait for the list to re-render.
        list.WaitForAssertion(() => Assert.Contains("employee-onboarding", Assert.Single(Rows(list)).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_DraftBecomesPublishedAndCurrent()
    {
        await Definitions.SaveDraftAsync(new WorkflowBuilder("repair").Node("start", "Start").Build());
        var list = Render<ProcessList>();
        list.WaitForElement("[data-testid=publish]");

        list.Find("[data-testid=publish]").Click();

        list.WaitForAssertion(() => Assert.Contains("Published", Assert.Single(Rows(list)).TextContent, StringComparison.Ordinal));
        Assert.True((await Services.GetService<IDefinitionStore>()!.FindCurrentAsync("repair"))!.IsCurrent);
    }

    [Fact]
    public void Render_NoProcesses_SaysHowToStart()
    {
        var list = Render<ProcessList>();

        list.WaitForAssertion(() => Assert.Contains("No processes yet", list.Markup, StringComparison.Ordinal));
    }

    private static List<IElement> Rows(IRenderedComponent<ProcessList> list) => [.. list.FindAll("[data-testid=process-table] tbody tr")];
}
