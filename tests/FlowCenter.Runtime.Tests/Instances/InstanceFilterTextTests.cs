using FlowCenter.Engine.State;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Tests.Instances;

/// <summary>The filter as link parameters: what the Studio writes into its address, the API reads back the same.</summary>
public sealed class InstanceFilterTextTests
{
    private static Func<string, IReadOnlyList<string>> From(params (string Name, string Value)[] pairs) =>
        name => [.. pairs.Where(p => p.Name == name).Select(p => p.Value)];

    [Fact]
    public void WriteThenRead_GivesTheSameFilter()
    {
        var query = new InstanceQuery
        {
            DefinitionId = "purchase-request", Version = 3, Status = WorkflowStatus.Running, HasIncidents = true, BusinessKey = "PR-1",
            StartedBy = "event:*", Node = "approve", ParentInstanceId = "p-1", IncidentText = "502",
            CreatedFrom = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), CompletedTo = new DateTimeOffset(2026, 12, 2, 8, 30, 0, TimeSpan.Zero),
            Variables = [new VariableCondition("amount", VariableOperator.GreaterOrEqual, "1000"), new VariableCondition("supplier", VariableOperator.Contains, "Acme Steel")],
            Sort = InstanceSort.LongestFirst, Skip = 100, Take = 25,
        };

        var pairs = InstanceFilterText.Write(query).Select(p => (p.Key, p.Value)).ToArray();
        Assert.True(InstanceFilterText.TryRead(From(pairs), out var read, out var error), error);

        Assert.Equal(query with { Variables = [] }, read with { Variables = [] });
        Assert.Equal(query.Variables, read.Variables);
        Assert.Contains(("var", "amount>=1000"), pairs);
        Assert.Contains(("sort", "-duration"), pairs);
    }

    [Theory]
    [InlineData("amount>=1000", "amount", VariableOperator.GreaterOrEqual, "1000")]
    [InlineData("amount >= 1000", "amount", VariableOperator.GreaterOrEqual, "1000")]
    [InlineData("amount!=5", "amount", VariableOperator.NotEqual, "5")]
    [InlineData("due<2026-12-01", "due", VariableOperator.Less, "2026-12-01")]
    [InlineData("supplier contains 宝钢 集团", "supplier", VariableOperator.Contains, "宝钢 集团")]
    [InlineData("approvedBy exists", "approvedBy", VariableOperator.Exists, null)]
    [InlineData("金额=10", "金额", VariableOperator.Equal, "10")]
    [InlineData("input.days>=5", "input.days", VariableOperator.GreaterOrEqual, "5")]
    [InlineData("input.reason contains move", "input.reason", VariableOperator.Contains, "move")]
    public void Conditions_ReadAsWritten(string text, string name, VariableOperator op, string? value)
    {
        Assert.True(VariableCondition.TryParse(text, out var condition, out var error), error);
        Assert.Equal(new VariableCondition(name, op, value), condition);
        Assert.True(VariableCondition.TryParse(condition.ToString(), out var again, out _));
        Assert.Equal(condition, again);
    }

    [Theory]
    [InlineData("status", "runing", "Unknown status 'runing'")]
    [InlineData("status", "7", "Unknown status '7'")]
    [InlineData("sort", "size", "Unknown sort 'size'")]
    [InlineData("take", "many", "Parameter 'take' must be a whole number")]
    [InlineData("hasIncidents", "yes", "Parameter 'hasIncidents' must be true or false")]
    [InlineData("startedFrom", "yesterday", "Parameter 'startedFrom' must be a date")]
    [InlineData("var", ">5", "does not start with a variable name")]
    [InlineData("var", "input.>5", "does not start with a variable name")]
    [InlineData("var", "days.x>5", "has no operator after 'days'")]
    [InlineData("var", "amount about 5", "has no operator after 'amount'")]
    public void BadParameters_AreRefusedByName(string name, string value, string expected)
    {
        Assert.False(InstanceFilterText.TryRead(From((name, value)), out _, out var error));
        Assert.Contains(expected, error);
    }
}
