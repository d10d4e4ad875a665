namespace FlowCenter.Engine.Definitions;

/// <summary>
/// Who may start a process by hand (New request, or the API for a person): anyone named here by role, department
/// (its sub-departments included) or user name. Empty lists mean everyone signed in. Systems (webhooks, queues,
/// schedules), parent processes and operators are not bound by it.
/// </summary>
public sealed class StartRights
{
    public List<string> Roles { get; set; } = [];

    public List<string> Departments { get; set; } = [];

    public List<string> Users { get; set; } = [];

    public bool IsEveryone => Roles.Count == 0 && Departments.Count == 0 && Users.Count == 0;
}
