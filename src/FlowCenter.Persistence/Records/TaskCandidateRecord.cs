namespace FlowCenter.Persistence.Records;

/// <summary>Who may claim a pool item: a user ("u") or the members of a role ("r").</summary>
public sealed class TaskCandidateRecord
{
    public const string UserKind = "u";

    public const string RoleKind = "r";

    public string ItemId { get; set; } = "";

    public string Kind { get; set; } = UserKind;

    public string Value { get; set; } = "";
}
