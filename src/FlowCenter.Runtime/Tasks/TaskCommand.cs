using System.Text.Json.Nodes;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// What a person does to their item: <see cref="TaskAction.Decide"/> with an outcome, or transfer, delegate,
/// add an approver before or after (to <see cref="Target"/>, a user), claim, unclaim, comment, copy (Target:
/// users, comma-separated) or return (Target: the node to go back to).
/// </summary>
public sealed record TaskCommand(string ItemId, string User, TaskAction Action)
{
    public string? Outcome { get; init; }

    public string? Comment { get; init; }

    public string? Target { get; init; }

    /// <summary>The form's values.</summary>
    public JsonObject? Data { get; init; }
}
