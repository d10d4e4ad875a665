namespace FlowCenter.Runtime.Organization;

/// <summary>
/// Out of office (委托): while <see cref="From"/>..<see cref="Until"/>, tasks for <see cref="UserName"/> (of one
/// process, or of all when <see cref="DefinitionId"/> is empty) go to <see cref="DelegateTo"/>, who acts on their behalf.
/// </summary>
public sealed record DelegationRule(long Id, string UserName, string DelegateTo, DateTimeOffset From, DateTimeOffset Until, string? DefinitionId = null);
