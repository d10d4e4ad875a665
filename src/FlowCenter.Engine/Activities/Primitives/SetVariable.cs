using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Primitives;

[Activity("SetVariable", Category = "Primitives", DisplayName = "Set variable", Description = "Sets a variable to a literal or to the value of an expression.")]
public sealed class SetVariable : IActivity, INodeValidator
{
    public static readonly ActivityInput<string?> Name = Inputs.String("name", "The variable to set.", required: true, literalOnly: true);

    public static readonly ActivityInput<JsonNode?> Value = Inputs.Any("value", "The new value.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.Get(Name)!, context.Get(Value));
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    public void Validate(NodeValidationContext context)
    {
        if (context.Node.Inputs.TryGetValue(Name.Name, out var name) && name.Literal?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && name.Literal.GetValue<string>() is var variable && !context.Definition.Variables.Exists(v => v.Name == variable))
        {
            context.Warning(ProblemCodes.UnknownInput, $"variable '{variable}' is not declared; it is created when the node runs", null, "variable", variable);
        }
    }
}
