namespace FlowCenter.Engine.Definitions;

/// <summary>A definition's name and description in another language, keyed by culture ("zh-CN") in <see cref="WorkflowDefinition.Translations"/>.</summary>
public sealed class DefinitionTranslation
{
    public string? Name { get; set; }

    public string? Description { get; set; }
}
