namespace FlowCenter.Server.Api;

/// <summary>Body of POST /api/me/tokens: a name, the scopes, and how many days it lives (90 unless said).</summary>
public sealed record TokenBody(string? Name, IReadOnlyList<string>? Scopes, int? Days);
