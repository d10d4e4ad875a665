using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Timing;

/// <summary>A start trigger on a cron schedule; the host's scheduler starts an instance here at each occurrence.</summary>
[Activity("Cron", Category = "Timing", DisplayName = "Cron schedule", Description = "Starts an instance on a cron schedule.", IsTrigger = true)]
public sealed class Cron : IActivity, INodeValidator, Contracts.ITriggerActivity
{
    public static readonly ActivityInput<string?> Expression = Inputs.Cron("cron", "Five fields (minute hour day month weekday), or six with seconds first.");

    public static readonly ActivityInput<string?> TimeZone = Inputs.String("timeZone", "The IANA time zone of the schedule, such as Asia/Shanghai; UTC when empty.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    public Contracts.StartTrigger TriggerOf(NodeDefinition node) => new(
        Contracts.TriggerKind.Cron,
        JsonValues.ToText(node.Inputs.GetValueOrDefault(Expression.Name)?.Literal) ?? "",
        JsonValues.ToText(node.Inputs.GetValueOrDefault(TimeZone.Name)?.Literal));

    /// <summary>The time zone is one the scheduler can find: a schedule in an unknown zone would never run.</summary>
    public void Validate(NodeValidationContext context)
    {
        if (JsonValues.ToText(context.Node.Inputs.GetValueOrDefault(TimeZone.Name)?.Literal) is { } zone && CronSyntax.CheckTimeZone(zone) is { } problem)
        {
            context.Error(ProblemCodes.InvalidSetting, $"input 'timeZone': {problem}", null, "timeZone", zone);
        }
    }
}
