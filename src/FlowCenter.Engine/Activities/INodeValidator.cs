using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities;

/// <summary>An activity with rules of its own beyond typed inputs and ports.</summary>
public interface INodeValidator
{
    void Validate(NodeValidationContext context);
}
