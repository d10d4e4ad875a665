using System.Text.Json.Nodes;

namespace FlowCenter.Server.Api;

/// <summary>What an action on a task carries: an outcome, a comment, a person or node, form values.</summary>
public sealed record TaskActionBody(string? Outcome, string? Comment, string? Target, JsonObject? Data);
