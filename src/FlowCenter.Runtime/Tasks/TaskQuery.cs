namespace FlowCenter.Runtime.Tasks;

/// <summary>One of a user's inbox lists, filtered and paged, newest first.</summary>
public sealed record TaskQuery(TaskBox Box, string User)
{
    /// <summary>The user's roles, for the pool.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Words to find in the title or business key.</summary>
    public string? Search { get; init; }

    public string? DefinitionId { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
