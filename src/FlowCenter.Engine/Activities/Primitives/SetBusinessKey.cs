using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Primitives;

/// <summary>
/// Gives the case its business key from now on (an order number once the ERP has made the order), by which people
/// and the operators' list find it; Elsa's Correlate becomes this step.
/// </summary>
[Activity("SetBusinessKey", Category = "Primitives", DisplayName = "Set business key", Description = "Gives the case a business key, such as the order number, by which it is found from then on.")]
public sealed class SetBusinessKey : IActivity
{
    /// <summary>The longest business key kept (the instance list's column).</summary>
    public const int MaxLength = 200;

    public static readonly ActivityInput<string?> Key = Inputs.String("key", "The business key, usually an expression such as order.number.", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var key = context.Get(Key)?.Trim();
        context.Instance.BusinessKey = string.IsNullOrEmpty(key) ? null : key.Length > MaxLength ? key[..MaxLength] : key;
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
