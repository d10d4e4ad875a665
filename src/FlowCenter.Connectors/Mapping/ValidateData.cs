using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Mapping;

/// <summary>
/// Checks data against rules — <c>{ "field": "customer.taxNo", "required": true, "pattern": "^[0-9A-Z]{18}$",
/// "min": 0, "max": 100, "message": "..." }</c> — and leaves by <c>valid</c>, or by <c>invalid</c> with every
/// violation in a variable.
/// </summary>
[Activity("ValidateData", Category = "Connectors", DisplayName = "Validate data", Description = "Checks data against required, pattern and range rules; violations go out by 'invalid'.", Ports = [ValidateData.Valid, ValidateData.Invalid])]
public sealed class ValidateData : IActivity
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";

    public static readonly ActivityInput<JsonNode?> Value = Inputs.Any("value", "The data to check (an expression, such as input or a variable).", required: true);

    public static readonly ActivityInput<JsonArray?> Rules = Inputs.Array("rules", "The rules: [ { field, required, pattern, min, max, message } ].", required: true);

    public static readonly ActivityInput<string?> ViolationsVariable = Inputs.String("violationsVariable", "A variable that receives the list of violations.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var value = context.Get(Value);
        var violations = new JsonArray();
        foreach (var rule in (context.Get(Rules) ?? []).OfType<JsonObject>())
        {
            var field = JsonValues.ToText(rule["field"]) ?? "";
            var found = JsonPath.Get(value, field);
            var text = found is null ? null : JsonValues.ToText(found) ?? found.ToJsonString();
            string? problem = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                problem = rule["required"] is { } required && JsonValues.IsTruthy(required) ? "is required" : null;
            }
            else if (JsonValues.ToText(rule["pattern"]) is { Length: > 0 } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            {
                problem = $"does not match {pattern}";
            }
            else if (rule["min"] is not null || rule["max"] is not null)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    problem = "is not a number";
                }
                else if (rule["min"] is { } min && number < JsonValues.NumberOf(min))
                {
                    problem = $"is below {JsonValues.NumberOf(min).ToString(CultureInfo.InvariantCulture)}";
                }
                else if (rule["max"] is { } max && number > JsonValues.NumberOf(max))
                {
                    problem = $"is above {JsonValues.NumberOf(max).ToString(CultureInfo.InvariantCulture)}";
                }
            }

            if (problem is not null)
            {
                violations.Add(new JsonObject { ["field"] = field, ["value"] = found?.DeepClone(), ["message"] = JsonValues.ToText(rule["message"]) ?? $"{field} {problem}" });
            }
        }

        if (context.Get(ViolationsVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, violations);
        }

        if (violations.Count == 0)
        {
            context.Complete(Valid);
        }
        else
        {
            Outcomes.Failure(context, Invalid, () => $"The data is not valid: {string.Join("; ", violations.Select(v => JsonValues.ToText(v!["message"])))}");
        }

        return ValueTask.CompletedTask;
    }
}
