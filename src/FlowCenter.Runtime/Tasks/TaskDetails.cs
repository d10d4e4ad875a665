namespace FlowCenter.Runtime.Tasks;

/// <summary>Everything the task page shows: the step, the item, and the case's whole history.</summary>
public sealed record TaskDetails(TaskGroup Group, TaskItem Item, IReadOnlyList<TaskHistoryEntry> History, IReadOnlyList<string> ReturnTargets);
