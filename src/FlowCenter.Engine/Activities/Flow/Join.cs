using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Merges parallel paths. <c>all</c> waits for a token on every incoming connection, counting per connection,
/// so it stays correct when the fork and join sit inside a loop. <c>any</c> and <c>count</c> fire early; the
/// late paths of that round end at the join, or are cancelled when <c>cancelRemaining</c> is set.
/// </summary>
[Activity("Join", Category = "Flow", DisplayName = "Join", Description = "Waits for all, any one, or N of its incoming paths.")]
public sealed class Join : IActivity, IJoinActivity, INodeValidator
{
    public static readonly ActivityInput<string?> Mode = Inputs.String("mode", "all: every incoming path; any: the first; count: the first N.", defaultValue: "all", choices: ["all", "any", "count"]);

    public static readonly ActivityInput<int> CountInput = Inputs.Integer("count", "With mode count: how many incoming paths to wait for.", 1, literalOnly: true);

    public static readonly ActivityInput<bool> CancelRemaining = Inputs.Boolean("cancelRemaining", "With any or count: cancel the paths that did not arrive instead of letting them end here.", false, literalOnly: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    public JoinSpec? GetJoin(NodeDefinition node, int incomingCount)
    {
        var mode = Literal(node, Mode.Name) ?? "all";
        var count = node.Inputs.TryGetValue(CountInput.Name, out var c) && c.Literal is { } n ? JsonValues.ToInteger(n) : 1;
        var cancel = node.Inputs.TryGetValue(CancelRemaining.Name, out var r) && JsonValues.IsTruthy(r.Literal);
        return mode switch
        {
            "any" => new JoinSpec(JoinMode.Any, 1, cancel),
            "count" => new JoinSpec(JoinMode.Count, count, cancel),
            _ => new JoinSpec(JoinMode.All),
        };
    }

    public void Validate(NodeValidationContext context)
    {
        if (context.Incoming.Count < 2)
        {
            context.Warning(ProblemCodes.InvalidSetting, "a join with fewer than two incoming connections has nothing to wait for", null, "joinFewerThanTwo");
        }

        if (Literal(context.Node, Mode.Name) == "count"
            && context.Node.Inputs.TryGetValue(CountInput.Name, out var c) && c.Literal is { } n
            && (JsonValues.ToNumber(n) < 1 || JsonValues.ToNumber(n) > context.Incoming.Count))
        {
            context.Error(ProblemCodes.InvalidSetting, $"count must be between 1 and the number of incoming connections ({context.Incoming.Count})", null, "joinCount", $"{context.Incoming.Count}");
        }
    }

    private static string? Literal(NodeDefinition node, string name) =>
        node.Inputs.TryGetValue(name, out var value) ? JsonValues.ToText(value.Literal) : null;
}
