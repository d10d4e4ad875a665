namespace FlowCenter.Studio.Processes;

public sealed record DiffLine(DiffKind Kind, string Text);
