using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Processes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlowCenter.Studio.Tests.Processes;

public sealed class VersionsDialogTests : StudioTestContext
{
    [Fact]
    public async Task TickTwoVersions_ShowsTheirLineDiff_AndRevertMakesANewDraft()
    {
        await Definitions.ImportAsync(new WorkflowBuilder("leave").Node("start", "Start").Build());
        await Definitions.ImportAsync(new WorkflowBuilder("leave").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<VersionsDialog>("Versions", new DialogParameters<VersionsDialog> { { d => d.DefinitionId, "leave" } }));
        provider.WaitForElement("[data-testid=versions-table]");
        provider.Find("input[data-testid=compare-1]").Change(true);
        provider.Find("input[data-testid=compare-2]").Change(true);

        var diff = provider.WaitForElement("[data-testid=diff]");
        Assert.Contains("+ ", diff.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"end\"", provider.FindAll(".fc-diff-added").Select(e => e.TextContent).Aggregate("", string.Concat), StringComparison.Ordinal);
        Assert.Contains(provider.FindAll(".fc-diff-removed"), e => e.TextContent.Contains("\"version\": 1", StringComparison.Ordinal));

        provider.Find("[data-testid=revert-1]").Click();
        provider.WaitForAssertion(() => Assert.Equal(3, provider.FindAll("[data-testid=versions-table] tbody tr").Count));
        var latest = (await Services.GetRequiredService<IDefinitionStore>().FindLatestAsync("leave"))!;
        Assert.Equal((3, DefinitionStatus.Draft), (latest.Version, latest.Status));
        Assert.DoesNotContain("\"end\"", latest.Json, StringComparison.Ordinal);
    }
}
