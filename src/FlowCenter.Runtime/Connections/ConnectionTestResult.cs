namespace FlowCenter.Runtime.Connections;

public sealed record ConnectionTestResult(bool Succeeded, string Message);
