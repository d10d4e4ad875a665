using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Studio.Tasks;

/// <summary>A request the user started, with its latest decision.</summary>
public sealed record StartedRow(InstanceSummary Summary, TaskHistoryEntry? LastDecision);
