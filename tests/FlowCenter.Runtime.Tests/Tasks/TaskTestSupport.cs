using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>A harness with a small organisation, and short ways to start a one-step approval and act on it.</summary>
internal static class TaskTestSupport
{
    public static OrganizationSnapshot Organization() => new()
    {
        Departments = [new("hq", "HQ", null, "boss"), new("buy", "Purchasing", "hq", "lina"), new("fin", "Finance", "hq")],
        Positions = [new("buyer", "Buyer", "buy"), new("accountant", "Accountant", "fin")],
        Users =
        [
            new("boss", "Boss") { DepartmentId = "hq" },
            new("lina", "Li Na") { DepartmentId = "buy", ManagerUserName = "boss" },
            new("zw", "Zhang Wei") { DepartmentId = "buy", PositionId = "buyer", ManagerUserName = "lina" },
            new("a1", "Accountant 1") { DepartmentId = "fin", PositionId = "accountant", Roles = ["Finance"], ManagerUserName = "boss" },
            new("a2", "Accountant 2") { DepartmentId = "fin", PositionId = "accountant", Roles = ["Finance"], ManagerUserName = "boss" },
            new("a3", "Accountant 3") { DepartmentId = "fin", PositionId = "accountant", Roles = ["Finance"], ManagerUserName = "boss" },
            new("admin", "Admin") { Roles = [Roles.Administrator] },
        ],
    };

    public static async Task<RuntimeHarness> HarnessAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.Organization.ImportAsync(Organization(), "password-123");
        return harness;
    }

    /// <summary>Start → the task → approved/rejected ends; returns the instance id.</summary>
    public static async Task<string> StartOneStepAsync(RuntimeHarness harness, string id, params (string Name, object? Value)[] task)
    {
        await harness.PublishAsync(new WorkflowBuilder(id)
            .Node("start", "Start").Node("task", "UserTask", [("title", "Approve " + id), .. task]).Node("approved", "End").Node("rejected", "End")
            .Connect("start", "task").Connect("task", "approved", "approve").Connect("task", "rejected", "reject").Build());
        return (await harness.Runtime.StartAsync(new StartRequest(id) { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw"), BusinessKey = id.ToUpperInvariant() })).Id;
    }

    /// <summary>The latest step at <paramref name="nodeId"/>, as stored now.</summary>
    public static async Task<TaskGroup> GroupAsync(RuntimeHarness harness, string instanceId, string nodeId = "task") =>
        (await harness.TaskStore.ListGroupsAsync(instanceId)).Last(g => g.NodeId == nodeId);

    public static TaskItem ItemOf(TaskGroup group, string user) => group.Items.Single(i => i.Assignee == user && i.Status == TaskItemStatus.Open);

    public static Task<TaskGroup> DecideAsync(RuntimeHarness harness, TaskGroup group, string user, string outcome, string? comment = null) =>
        harness.Tasks.ActAsync(new TaskCommand(ItemOf(group, user).Id, user, TaskAction.Decide) { Outcome = outcome, Comment = comment });

    public static async Task<WorkflowStatus> StatusAsync(RuntimeHarness harness, string instanceId) => (await harness.Runtime.GetAsync(instanceId))!.Status;
}
