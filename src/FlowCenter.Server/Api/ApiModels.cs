using System.Text.Json.Nodes;

namespace FlowCenter.Server.Api;

/// <summary>Body of POST /api/instances.</summary>
public sealed record StartInstanceBody(string DefinitionId, int? Version = null, JsonObject? Input = null, string? BusinessKey = null);

/// <summary>An error answer: what went wrong, in one sentence.</summary>
public sealed record ApiError(string Error);
