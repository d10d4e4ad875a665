namespace FlowCenter.Runtime.Instances;

/// <summary>One page of a list, with the total count over all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
