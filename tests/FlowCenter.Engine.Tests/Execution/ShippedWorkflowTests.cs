using FlowCenter.Engine.Activities;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Execution;

/// <summary>
/// The definitions in workflows/ built from the engine's own activities are golden fixtures: each validates and
/// runs its paths. Those using connectors are checked by the connector tests, with the connector activities.
/// </summary>
public sealed class ShippedWorkflowTests : IDisposable
{
    private static readonly ActivityRegistry BuiltIn = new(BuiltInActivities.Create());
    private readonly EngineHarness _harness = new();

    public ShippedWorkflowTests()
    {
        foreach (var file in EngineWorkflowFiles)
        {
            _harness.Host.Register(WorkflowJson.ParseDefinition(File.ReadAllText(file), file));
        }
    }

    public void Dispose() => _harness.Dispose();

    [Theory]
    [MemberData(nameof(WorkflowJsonFiles))]
    public void ShippedWorkflow_HasNoValidationProblems(string file)
    {
        var definition = WorkflowJson.ParseDefinition(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)));

        Assert.Empty(_harness.Engine.Validator.Validate(definition));
    }

    public static TheoryData<string> WorkflowJsonFiles() => [.. EngineWorkflowFiles.Select(f => Path.GetFileName(f))];

    private static IEnumerable<string> EngineWorkflowFiles => RepositoryPaths.WorkflowFiles
        .Where(f => WorkflowJson.ParseDefinition(File.ReadAllText(f), f).Nodes.All(n => BuiltIn.Find(n.Type) is not null));

    [Fact]
    public async Task LeaveRequest_ManagerSilent_IsRemindedTwiceThenGoesToHr()
    {
        var instance = await StartAsync("leave-request", new { requester = "han.meimei", days = 2 });

        for (var hours = 8; hours <= 48; hours += 8)
        {
            _harness.Clock.Advance(TimeSpan.FromHours(8));
            await _harness.Host.FireDueTimersAsync();
        }

        var hr = instance.Bookmark("hr");
        await _harness.Host.ResumeAsync(instance.Id, hr.Id, JsonNode.Parse("""{"outcome":"approve"}"""));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(2, instance.Number("reminders"));
        Assert.True(instance.Output["approved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LeaveRequest_ShortLeaveRejected_EndsNotApproved()
    {
        var instance = await StartAsync("leave-request", new { requester = "han.meimei", days = 1 });

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("manager", BookmarkKind.UserTask).Id, JsonNode.Parse("""{"outcome":"reject"}"""));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.False(instance.Output["approved"]!.GetValue<bool>());
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task PurchaseRequest_MediumAmount_ManagerThenFinanceThenOrderAndGoodsReceipt()
    {
        var instance = await StartAsync("purchase-request", new { requester = "zhao", department = "IT", lines = new[] { new { sku = "LAPTOP", qty = 10, price = 6500.5 } } });
        Assert.Equal(65005, instance.Number("total"));

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("manager").Id, JsonNode.Parse("""{"outcome":"approve","user":"lina"}"""));
        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("finance").Id, JsonNode.Parse("""{"outcome":"approve","user":"wang"}"""));
        var orderNumber = instance.Variables["order"]!["number"]!.GetValue<string>();
        Assert.Equal("PO-20261123-" + instance.Id, orderNumber);
        Assert.DoesNotContain("gm", instance.CompletedPath());

        await _harness.Host.PublishEventAsync("wms.goods-received", orderNumber, JsonNode.Parse("""{"qty":10}"""));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(10, JsonValuesNumber(instance.Output["receipt"]!["qty"]!));
    }

    [Theory]
    [InlineData(50, 100, "manager", "order")]
    [InlineData(50, 1000, "manager,finance", "order")]
    [InlineData(500, 1000, "manager,finance,gm", "order")]
    public async Task PurchaseRequest_ApprovalChain_GrowsWithTheAmount(int qty, double price, string approvers, string next)
    {
        var instance = await StartAsync("purchase-request", new { requester = "zhao", department = "IT", lines = new[] { new { sku = "PART", qty, price } } });

        foreach (var node in approvers.Split(','))
        {
            await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark(node).Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        }

        Assert.Contains(next, instance.CompletedPath());
        Assert.Equal(approvers.Split(','), instance.CompletedPath().Where(n => n is "manager" or "finance" or "gm"));
    }

    [Fact]
    public async Task PurchaseRequest_FinanceRejects_EndsRejected()
    {
        var instance = await StartAsync("purchase-request", new { requester = "zhao", department = "IT", lines = new[] { new { sku = "PART", qty = 20, price = 1000 } } });

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("manager").Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("finance").Id, JsonNode.Parse("""{"outcome":"reject","comment":"over budget"}"""));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("rejected", instance.CompletedPath());
        Assert.Equal("over budget", instance.Variables["lastDecision"]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task SalesOrder_GoodCredit_WaitsForProductionThenShipsAfterAnHour()
    {
        var instance = await StartAsync("sales-order", new { orderNo = "SO-9", amount = 1000, customer = new { id = "C9", creditLimit = 100000, openAmount = 0, latePayments = 0 } });
        Assert.Equal("ok", instance.Variables["credit"]!.GetValue<string>());

        await _harness.Host.PublishEventAsync("mes.produced", "SO-9", JsonNode.Parse("""{"qty":5}"""));
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        await _harness.Host.FireDueTimersAsync();

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(TimeSpan.FromHours(1), instance.Journal.Single(e => e.NodeId == "ship").Duration);
    }

    [Fact]
    public async Task SalesOrder_CreditHoldRejected_IsCancelledWithoutProduction()
    {
        var instance = await StartAsync("sales-order", new { orderNo = "SO-10", amount = 90000, customer = new { id = "C1", creditLimit = 50000, openAmount = 0, latePayments = 3 } });

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("release").Id, JsonNode.Parse("""{"outcome":"reject"}"""));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("cancelled", instance.CompletedPath());
        Assert.DoesNotContain("produce", instance.CompletedPath());
    }

    private static double JsonValuesNumber(JsonNode node) => FlowCenter.Engine.Json.JsonValues.NumberOf(node);

    private Task<WorkflowInstance> StartAsync(string id, object input) =>
        _harness.Host.StartAsync(id, new StartOptions { Input = EngineHarness.ToInput(input) });
}
