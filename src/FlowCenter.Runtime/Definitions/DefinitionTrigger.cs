using FlowCenter.Engine.Contracts;
namespace FlowCenter.Runtime.Definitions;

/// <summary>A trigger node of a definition version: an event start (name) or a cron schedule (expression).</summary>
public sealed record DefinitionTrigger(string DefinitionId, int Version, string NodeId, TriggerKind Kind, string Value, string? TimeZone = null);
