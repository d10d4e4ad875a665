namespace FlowCenter.Runtime.Cases;

/// <summary>
/// Who takes part in a case, from its steps: initiators, assignees, owners who delegated, candidates (by name
/// and by role), everyone who acted in its history and everyone copied onto it.
/// </summary>
public sealed record CaseParticipants(IReadOnlySet<string> Users, IReadOnlySet<string> CandidateRoles)
{
    public static CaseParticipants None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool Includes(Caller caller) =>
        caller.UserName.Length > 0
        && (Users.Contains(caller.UserName, StringComparer.OrdinalIgnoreCase) || caller.Roles.Any(r => CandidateRoles.Contains(r, StringComparer.OrdinalIgnoreCase)));
}
