using System.Text.Json.Nodes;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Server.Api;

/// <summary>A connection as PUT to <c>/api/connections/{name}</c>.</summary>
public sealed record ConnectionBody(ConnectionKind Kind, string? Description, JsonObject? Settings, Dictionary<string, string>? Secrets, List<string>? AllowedHosts);
