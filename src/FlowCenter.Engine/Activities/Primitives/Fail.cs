using FlowCenter.Engine.Execution;

namespace FlowCenter.Engine.Activities.Primitives;

/// <summary>Raises an error: the node's retry policy, error port or an incident handles it like any failure.</summary>
[Activity("Fail", Category = "Primitives", DisplayName = "Fail", Description = "Raises an error with a message and a code.")]
public sealed class Fail : IActivity
{
    public static readonly ActivityInput<string?> Message = Inputs.String("message", "What went wrong.", required: true);

    public static readonly ActivityInput<string?> Code = Inputs.String("code", "A short code, readable as lastError.type after the error port.");

    public ValueTask ExecuteAsync(ActivityContext context) =>
        throw new ActivityException(context.Get(Message)!) { Code = context.Get(Code) ?? "Fail" };
}
