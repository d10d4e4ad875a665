using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Files;

/// <summary>Turns XML text into JSON, or JSON into XML text (and CSV text into rows or back).</summary>
[Activity("ConvertFormat", Category = "Connectors", DisplayName = "Convert JSON/XML/CSV", Description = "Turns XML or CSV text into JSON, or JSON into XML or CSV text.")]
public sealed class ConvertFormat : IActivity
{
    public static readonly ActivityInput<string?> From = Inputs.String("from", "json, xml or csv.", defaultValue: "xml", choices: ["json", "xml", "csv"], literalOnly: true);

    public static readonly ActivityInput<string?> To = Inputs.String("to", "json, xml or csv.", defaultValue: "json", choices: ["json", "xml", "csv"], literalOnly: true);

    public static readonly ActivityInput<JsonNode?> Value = Inputs.Any("value", "The text (XML, CSV) or the value (JSON).", required: true);

    public static readonly ActivityInput<string?> RootElement = Inputs.String("rootElement", "For XML: the root element's name.");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "The variable that receives the result.", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var from = context.Get(From) ?? "xml";
        var value = context.Get(Value);
        var data = from == "json" ? value : FileFormats.Read(from, JsonValues.ToText(value) ?? "", "the value");
        var to = context.Get(To) ?? "json";
        context.SetVariable(context.Get(ResultVariable)!, to == "json" ? data : JsonValue.Create(FileFormats.Write(to, data, context.Get(RootElement) ?? "")));
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
