namespace FlowCenter.Engine.Definitions;

/// <summary>
/// A process definition: a graph of nodes joined by connections, with its variables, inputs and outputs.
/// Property order here is the order of the JSON form.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Where editors find the JSON Schema of this file, such as <c>./workflow.schema.json</c>; not used by the engine.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>The JSON form version this definition was written in.</summary>
    public int SchemaVersion { get; set; } = WorkflowSchema.CurrentVersion;

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The name and description in other languages, by culture ("zh-CN"); the UI shows its language's.</summary>
    public Dictionary<string, DefinitionTranslation>? Translations { get; set; }

    public int Version { get; set; } = 1;

    public List<VariableDefinition> Variables { get; set; } = [];

    public List<ParameterDefinition> Inputs { get; set; } = [];

    public List<ParameterDefinition> Outputs { get; set; } = [];

    public List<NodeDefinition> Nodes { get; set; } = [];

    public List<ConnectionDefinition> Connections { get; set; } = [];

    public WorkflowSettings Settings { get; set; } = new();

    /// <summary>The name for <paramref name="culture"/>: its translation (the culture, else its language), else <see cref="Name"/>.</summary>
    public string NameFor(System.Globalization.CultureInfo culture) => TranslationFor(culture)?.Name is { Length: > 0 } name ? name : Name;

    /// <summary>The description for <paramref name="culture"/>, as <see cref="NameFor"/>.</summary>
    public string? DescriptionFor(System.Globalization.CultureInfo culture) => TranslationFor(culture)?.Description is { Length: > 0 } text ? text : Description;

    private DefinitionTranslation? TranslationFor(System.Globalization.CultureInfo culture)
    {
        if (Translations is not { Count: > 0 })
        {
            return null;
        }

        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            var hit = Translations.FirstOrDefault(t => string.Equals(t.Key, c.Name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Key.Split('-')[0], c.Name, StringComparison.OrdinalIgnoreCase));
            if (hit.Value is not null)
            {
                return hit.Value;
            }
        }

        return null;
    }
}
