using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tests.Localization;

/// <summary>A sentence around names: the words stay text, each name is marked as a name, braces stay braces.</summary>
public sealed class NamedTests : BunitContext
{
    [Fact]
    public void Fragment_MarksEachNameAndKeepsTheWords()
    {
        var named = Named.Of(new LocalizedString("x", "{1} handed {0} to {{the pool}}"), "采购申请", "li.na");

        var markup = Render(named.Fragment).Markup;

        Assert.Equal("<span translate=\"no\">li.na</span> handed <span translate=\"no\">采购申请</span> to {the pool}", markup);
        Assert.Equal("li.na handed 采购申请 to {the pool}", named.ToString());
    }

    [Fact]
    public void Plain_And_Code_AreShownAsWritten()
    {
        Assert.Equal("a {literal} text", Render(Named.Plain("a {literal} text").Fragment).Markup);
        Assert.Equal("e.g. <code translate=\"no\">amount:number:0</code>", Render(Named.WithCode(new LocalizedString("x", "e.g. {0}"), "amount:number:0").Fragment).Markup);
    }
}
