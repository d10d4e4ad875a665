using FlowCenter.Studio.Processes;

namespace FlowCenter.Studio.Tests.Processes;

/// <summary>The id the new-process dialog proposes from a name.</summary>
public sealed class NewProcessIdTests
{
    [Theory]
    [InlineData("Purchase request", "purchase-request")]
    [InlineData("  Équipement   réparé (v2)! ", "equipement-repare-v2")]
    [InlineData("采购申请", "process")]
    [InlineData("MES 成品入库 / Goods receipt", "mes-goods-receipt")]
    public void ProposeId_TakesTheNamesLettersAndDigits(string name, string expected) =>
        Assert.Equal(expected, NewProcessDialog.ProposeId(name, new HashSet<string>()));

    [Fact]
    public void ProposeId_CountsOnWhenTaken() =>
        Assert.Equal("approval-3", NewProcessDialog.ProposeId("Approval", new HashSet<string> { "approval", "approval-2" }));

    [Fact]
    public void ProposeId_StaysAValidId_ForALongName()
    {
        var id = NewProcessDialog.ProposeId(string.Join(' ', Enumerable.Repeat("word", 40)), new HashSet<string>());
        Assert.InRange(id.Length, 1, 60);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id);
    }
}
