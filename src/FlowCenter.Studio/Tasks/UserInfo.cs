namespace FlowCenter.Studio.Tasks;

public sealed record UserInfo(string Name, string DisplayName, IReadOnlyList<string> Roles);
