using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// One step waiting for people: a user-task bookmark of an instance and the items of everyone who takes part.
/// Every change to a step raises <see cref="Revision"/>, so that two decisions at the same moment are made one
/// after the other, each on what the other left.
/// </summary>
public sealed class TaskGroup
{
    /// <summary>The bookmark's id.</summary>
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public string NodeId { get; set; } = "";

    public string Title { get; set; } = "";

    public string? BusinessKey { get; set; }

    /// <summary>Who started the instance.</summary>
    public string? Initiator { get; set; }

    public UserTaskRequest Spec { get; set; } = new();

    public TaskGroupStatus Status { get; set; }

    public string? Outcome { get; set; }

    /// <summary>When the group is decided by a return (退回), the node the case goes back to.</summary>
    public string? ReturnTo { get; set; }

    /// <summary>The decision's details passed to the workflow: who, comment, form data.</summary>
    public JsonObject? Decision { get; set; }

    /// <summary>When the workflow was resumed with the decision; null while that is still to do.</summary>
    public DateTimeOffset? ResumedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Whether the overdue action has been taken.</summary>
    public bool TimeoutHandled { get; set; }

    public DateTimeOffset? NextReminderAt { get; set; }

    public int Revision { get; set; }

    public List<TaskItem> Items { get; set; } = [];
}
