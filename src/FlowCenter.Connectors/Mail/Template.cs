using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Mail;

/// <summary>
/// Text with <c>{{ name }}</c> or <c>{{ order.customer.name }}</c> placeholders filled from the process's
/// variables and input (<c>{{ input.x }}</c>); in HTML the values are escaped. A placeholder without a value stays empty.
/// </summary>
public static partial class Template
{
    public static string Render(string template, Func<string, JsonNode?> lookup, bool html)
    {
        return Placeholder().Replace(template, match =>
        {
            var path = match.Groups[1].Value.Split('.');
            var value = JsonPath.Walk(lookup(path[0]), path.Skip(1));
            var text = value is null ? "" : JsonValues.ToText(value) ?? value.ToJsonString();
            return html ? System.Net.WebUtility.HtmlEncode(text) : text;
        });
    }

    /// <summary>What placeholders read: the process's variables, and its input as <c>input</c>.</summary>
    public static Func<string, JsonNode?> ProcessValues(FlowCenter.Engine.Activities.ActivityContext context) =>
        key => key == "input" ? new JsonObject(context.Input.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) : context.GetVariable(key);

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*\}\}")]
    private static partial Regex Placeholder();
}
