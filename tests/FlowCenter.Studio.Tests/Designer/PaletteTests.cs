using FlowCenter.Engine.Activities;
using FlowCenter.Studio.Designer;

namespace FlowCenter.Studio.Tests.Designer;

public sealed class PaletteTests : StudioTestContext
{
    [Fact]
    public void Render_EveryActivityGroupedByCategoryAndDraggable()
    {
        var registry = ActivityRegistry.CreateDefault();

        var palette = Render<Palette>(p => p.Add(x => x.Activities, registry));

        var items = palette.FindAll(".fc-palette-item");
        Assert.Equal(registry.All.Count, items.Count);
        Assert.All(items, i => Assert.Equal("true", i.GetAttribute("draggable")));
        Assert.Contains("Flow", palette.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_KeepsOnlyMatchingActivities()
    {
        var palette = Render<Palette>(p => p.Add(x => x.Activities, ActivityRegistry.CreateDefault()));

        palette.Find("input[data-testid=palette-search]").Input("timer");

        palette.WaitForAssertion(() => Assert.Equal(["Timer"], palette.FindAll(".fc-palette-item").Select(i => i.GetAttribute("data-activity"))));
    }
}
