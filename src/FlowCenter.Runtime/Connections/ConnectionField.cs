namespace FlowCenter.Runtime.Connections;

/// <summary>One setting or secret a kind of connection has, as the admin page shows it.</summary>
public sealed record ConnectionField(string Name, bool Secret = false, IReadOnlyList<string>? Choices = null, string? ShownWhen = null);
