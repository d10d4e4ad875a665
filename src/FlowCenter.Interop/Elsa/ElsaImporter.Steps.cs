using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop.Elsa;

/// <summary>The activities that become one FlowCenter step each: the mapping table of the README.</summary>
internal sealed partial class ElsaImporter
{
    private Fragment ReadStep(JsonObject activity, string elsaId, string type)
    {
        var trigger = CanStart(activity);
        var (fcType, change) = type switch
        {
            "Elsa.Start" => ("Start", null),
            "Elsa.End" => ("End", null),
            "Elsa.Finish" => ("Terminate", null),
            "Elsa.Complete" => ("Terminate", Text(activity["outcomes"]?["expression"]?["value"]) is { } outcome && outcome != "Done" ? "outcome" : null),
            "Elsa.Fault" => ("Fail", null),
            "Elsa.FlowDecision" => ("Decision", null),
            "Elsa.FlowSwitch" when activity["customProperties"]?["flowCenter"]?["decision"] is JsonValue => ("Decision", null),
            "Elsa.FlowSwitch" => ("Switch", null),
            "Elsa.Switch" => ("Switch", "switchActivities"),
            "Elsa.FlowFork" or "Elsa.Fork" or "Elsa.Parallel" => ("Fork", null),
            "Elsa.FlowJoin" => JoinOf(activity),
            "Elsa.SetVariable" => ("SetVariable", null),
            "Elsa.SetOutput" => ("SetVariable", "setOutput"),
            "Elsa.RunJavaScript" => ("Script", null),
            "Elsa.Delay" => ("Delay", null),
            "Elsa.Timer" when trigger => ("Cron", null),
            "Elsa.Timer" => ("Delay", "timerInFlow"),
            "Elsa.Cron" when trigger => ("Cron", null),
            "Elsa.Cron" => ("Cron", "cronInFlow"),
            "Elsa.StartAt" when trigger => ("Timer", "startAt"),
            "Elsa.StartAt" => ("Timer", null),
            "Elsa.Event" when trigger => ("EventStart", null),
            "Elsa.Event" => ("WaitEvent", null),
            "Elsa.PublishEvent" when Text(activity["isLocalEvent"]?["expression"]?["value"]) is "true" or "True" => ("PublishEvent", "localEvent"),
            "Elsa.PublishEvent" => ("PublishEvent", null),
            "Elsa.Break" => ("Break", null),
            "Elsa.HttpEndpoint" => ("EventStart", "httpEndpoint"),
            "Elsa.SendHttpRequest" or "Elsa.FlowSendHttpRequest" => ("HttpRequest", "httpPorts"),
            "Elsa.WriteLine" => ("Log", null),
            "Elsa.Correlate" => ("SetBusinessKey", null),
            "Elsa.ExecuteWorkflow" or "Elsa.DispatchWorkflow" => ("SubProcess", null),
            _ when activity["workflowDefinitionId"] is JsonValue => ("SubProcess", null),
            _ => (null, null),
        };

        if (fcType is null)
        {
            var placeholder = AddNode(elsaId, type, activity);
            Note(elsaId, type, ImportStatus.NotImported, ImportCodes.UnknownType, $"{type} has no FlowCenter equivalent; a placeholder step marks where it was, for you to replace", placeholder.Id, type);
            return Single(placeholder);
        }

        var node = AddNode(elsaId, fcType, activity);
        var first = node;
        if (type == "Elsa.StartAt" && trigger)
        {
            // Start, then wait until the time.
            first = AddNode(elsaId + "-start", "Start", null);
            first.Layout = node.Layout is { } at ? new NodeLayout { X = at.X - 160, Y = at.Y } : null;
            Connect(first.Id, Ports.Done, node.Id);
        }

        ReadInputs(activity, node, type, elsaId, trigger);
        ApplyExtras(node, activity);
        if (change is null)
        {
            Note(elsaId, type, ImportStatus.Imported, ImportCodes.Mapped, $"mapped to {node.Type}", node.Id, node.Type);
        }
        else
        {
            Note(elsaId, type, ImportStatus.Changed, ImportCodes.Approximated, $"mapped to {node.Type}: {ChangeText[change]}", node.Id, node.Type, change);
        }
        return new Fragment(first.Id, [(node.Id, Ports.Done)]);
    }

    /// <summary>What an approximation changes, by its key (the Studio says it in the user's language: ImportChange_ + key).</summary>
    internal static readonly Dictionary<string, string> ChangeText = new(StringComparer.Ordinal)
    {
        ["outcome"] = "the outcome is not kept; a FlowCenter process completes without one",
        ["switchActivities"] = "the cases' own activities are not drawn; connect each case's port to its step",
        ["setOutput"] = "the output is set through the variable of the same name",
        ["timerInFlow"] = "it waits one interval, as Elsa's timer does in the middle of a flow",
        ["cronInFlow"] = "a cron schedule only starts instances in FlowCenter",
        ["startAt"] = "FlowCenter has no one-off start: the process starts by hand or through the API and then waits until the time",
        ["httpEndpoint"] = "a signed webhook delivery starts it: POST /hooks/{connection}/{event}, the event named after the path",
        ["httpPorts"] = "FlowCenter's HTTP request leaves by status class (success, clientError, serverError), timeout and error",
        ["start"] = "a start step was added before the first activity",
        ["localEvent"] = "a local event goes to every case waiting for it, not only to this one: give it the case's own key",
        ["for"] = "the For loop becomes a for-each over the numbers it counts; the current number is CurrentValue",
    };

    private static (string, string?) JoinOf(JsonObject activity) =>
        Text(activity["mode"]?["expression"]?["value"]) switch
        {
            "WaitAllActive" => ("Inclusive", null),
            _ => ("Join", null),
        };

    /// <summary>Each Elsa input under its FlowCenter name, converted where the two differ.</summary>
    private void ReadInputs(JsonObject activity, NodeDefinition node, string type, string elsaId, bool trigger)
    {
        InputValue? In(string name, bool asValue = true) => Input(activity[name], name, elsaId, type, asValue);
        void Set(string name, InputValue? value)
        {
            if (value is not null)
            {
                node.Inputs[name] = value;
            }
        }

        string? OutputVariable(string name) =>
            activity[name]?["memoryReference"]?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? _variableById.GetValueOrDefault(text) : null;

        switch (type)
        {
            case "Elsa.Fault":
                Set("message", In("message") ?? InputValue.FromLiteral(Text(activity["name"]) ?? "Fault"));
                Set("code", In("code"));
                break;
            case "Elsa.FlowDecision":
                // The condition belongs to the true branch's connections; it is set once they are drawn.
                _pendingConditions[(node.Id, null)] = Expression(In("condition")) ?? WorkflowExpression.Js("false");
                break;
            case "Elsa.FlowSwitch" when node.Type == "Decision":
                // A decision of several branches, written by FlowCenter as a switch: each case's condition goes back on its branch.
                foreach (var item in (activity["cases"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var condition = Input(new JsonObject { ["typeName"] = "Boolean", ["expression"] = item["condition"]?.DeepClone() }, "cases", elsaId, type, asValue: true);
                    _pendingConditions[(node.Id, Text(item["label"]) ?? "")] = Expression(condition) ?? WorkflowExpression.Js("false");
                }

                break;
            case "Elsa.FlowSwitch" or "Elsa.Switch":
                var cases = new JsonArray();
                foreach (var item in (activity["cases"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var condition = Input(new JsonObject { ["typeName"] = "Boolean", ["expression"] = item["condition"]?.DeepClone() }, "cases", elsaId, type, asValue: true);
                    cases.Add(new JsonObject { ["name"] = Text(item["label"]) ?? $"case{cases.Count + 1}", ["condition"] = Expression(condition)?.Source ?? "false" });
                }

                node.Inputs["cases"] = InputValue.FromLiteral(cases);
                if (Text(activity["mode"]?["expression"]?["value"]) == "MatchAny")
                {
                    node.Inputs["mode"] = InputValue.FromLiteral("all");
                }

                break;
            case "Elsa.FlowJoin":
                if (Text(activity["mode"]?["expression"]?["value"]) is "WaitAny" or null)
                {
                    node.Inputs["mode"] = InputValue.FromLiteral("any");
                    node.Inputs["cancelRemaining"] = InputValue.FromLiteral(true);
                }

                break;
            case "Elsa.SetVariable":
                var variable = activity["variable"] as JsonObject;
                var name = Text(variable?["name"]) ?? (Text(variable?["id"]) is { } vid ? _variableById.GetValueOrDefault(vid) : null);
                Set("name", name is null ? null : InputValue.FromLiteral(name));
                Set("value", In("value"));
                break;
            case "Elsa.SetOutput":
                Set("name", In("outputName"));
                Set("value", In("outputValue"));
                break;
            case "Elsa.RunJavaScript":
                var script = In("script", asValue: false);
                var source = script?.Literal is JsonValue s && s.TryGetValue<string>(out var code) ? code : script?.Expression?.Source;
                Set("script", source is null ? null : InputValue.FromLiteral(ElsaScript.Translate(source, _accessors, _inputs, asValue: false)));
                Set("resultVariable", OutputVariable("result") is { } result ? InputValue.FromLiteral(result) : null);
                break;
            case "Elsa.Delay":
                Set("duration", Duration(In("timeSpan"), elsaId, type));
                break;
            case "Elsa.Timer" when trigger:
                Set("cron", CronOf(In("interval"), elsaId, type));
                break;
            case "Elsa.Timer":
                Set("duration", Duration(In("interval"), elsaId, type));
                break;
            case "Elsa.Cron":
                // Elsa's six fields begin with the seconds; at second 0 FlowCenter's five say the same.
                var cron = In("cronExpression");
                Set("cron", cron?.Literal is JsonValue c && c.TryGetValue<string>(out var fields) && fields.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } six && six[0] == "0"
                    ? InputValue.FromLiteral(string.Join(' ', six[1..]))
                    : cron);
                break;
            case "Elsa.StartAt":
                Set("at", In("dateTime"));
                break;
            case "Elsa.Event":
                Set("eventName", In("eventName"));
                Set("resultVariable", OutputVariable("result") is { } payload ? InputValue.FromLiteral(payload) : null);
                break;
            case "Elsa.HttpEndpoint":
                var path = In("path")?.Literal is JsonValue p && p.TryGetValue<string>(out var route) ? route : elsaId;
                node.Inputs["eventName"] = InputValue.FromLiteral("http." + IdOf(path.Trim('/').Replace('/', '.')));
                break;
            case "Elsa.SendHttpRequest" or "Elsa.FlowSendHttpRequest":
                Set("url", In("url"));
                Set("method", In("method"));
                Set("body", In("content"));
                if (In("requestHeaders") is { Literal: JsonObject { Count: > 0 } } headers)
                {
                    node.Inputs["headers"] = headers;
                }

                break;
            case "Elsa.PublishEvent":
                Set("eventName", In("eventName"));
                Set("correlationKey", In("correlationId"));
                Set("payload", In("payload"));
                break;
            case "Elsa.WriteLine":
                Set("text", In("text"));
                break;
            case "Elsa.Correlate":
                Set("key", In("correlationId"));
                break;
            case "Elsa.ExecuteWorkflow" or "Elsa.DispatchWorkflow":
                Set("definitionId", In("workflowDefinitionId") is { Literal: JsonValue } target ? InputValue.FromLiteral(IdOf(target.Literal!.GetValue<string>())) : In("workflowDefinitionId"));
                Set("input", In("input"));
                break;
            default:
                if (activity["workflowDefinitionId"] is JsonValue provider && provider.TryGetValue<string>(out var providerId))
                {
                    // A workflow used as an activity: the provider runs as a sub-process with the inputs written on the activity.
                    node.Inputs["definitionId"] = InputValue.FromLiteral(IdOf(providerId));
                    var input = new List<string>();
                    var mapping = new JsonObject();
                    foreach (var (property, value) in activity.Where(p => !Envelope.Contains(p.Key) && p.Key is not ("workflowDefinitionId" or "workflowDefinitionVersionId" or "latestAvailablePublishedVersion" or "latestAvailablePublishedVersionId" or "result")))
                    {
                        if (value?["memoryReference"]?["id"] is JsonValue bound && value["expression"] is null && bound.TryGetValue<string>(out var boundId) && _variableById.TryGetValue(boundId, out var into))
                        {
                            mapping[ElsaScript.Accessor(property)] = into;
                        }
                        else if (Input(value, property, elsaId, type, asValue: true) is { } given)
                        {
                            input.Add($"{JsonSerializer.Serialize(ElsaScript.Accessor(property))}: {Js(given, "null")}");
                        }
                    }

                    if (input.Count > 0)
                    {
                        node.Inputs["input"] = InputValue.FromExpression("({ " + string.Join(", ", input) + " })");
                    }

                    if (mapping.Count > 0)
                    {
                        node.Inputs["outputMapping"] = InputValue.FromLiteral(mapping);
                    }
                }

                break;
        }
    }

    /// <summary>Conditions of decision branches by node and port (no port: every branch but the default).</summary>
    private readonly Dictionary<(string Node, string? Port), WorkflowExpression> _pendingConditions = [];

    /// <summary>Gives each decision's branches their conditions, once the connections are drawn.</summary>
    private void SetDecisionConditions()
    {
        foreach (var ((nodeId, port), condition) in _pendingConditions)
        {
            foreach (var connection in _definition.Connections.Where(c => c.Source == nodeId && c.SourcePort != Ports.Default && (port is null || c.SourcePort == port) && c.Condition is null))
            {
                connection.Condition = new WorkflowExpression { Language = condition.Language, Source = condition.Source };
            }
        }
    }

    private InputValue? Duration(InputValue? value, string elsaId, string type)
    {
        if (value?.Literal is JsonValue v && v.TryGetValue<string>(out var text))
        {
            if (ElsaValues.IsoDuration(text) is { } iso)
            {
                return InputValue.FromLiteral(iso);
            }

            Note(elsaId, type, ImportStatus.Changed, ImportCodes.SettingDropped, $"the duration '{text}' is not a time span; set it again", elsaId, text);
            return null;
        }

        return value;
    }

    /// <summary>A timer trigger's interval as a cron schedule, when the interval divides an hour or a day.</summary>
    private InputValue? CronOf(InputValue? interval, string elsaId, string type)
    {
        var text = interval?.Literal is JsonValue v && v.TryGetValue<string>(out var t) ? t : "00:01:00";
        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero)
        {
            Note(elsaId, type, ImportStatus.Changed, ImportCodes.SettingDropped, $"the interval '{text}' cannot be a schedule; set the cron schedule", elsaId, text);
            return null;
        }

        string? cron = span.TotalMinutes switch
        {
            var m when m < 1 && 60 % span.TotalSeconds == 0 => $"*/{(int)span.TotalSeconds} * * * * *",
            var m when m < 60 && m == Math.Floor(m) && 60 % m == 0 => m == 1 ? "* * * * *" : $"*/{(int)m} * * * *",
            var m when m < 1440 && m % 60 == 0 && 24 % (m / 60) == 0 => m == 60 ? "0 * * * *" : $"0 */{(int)(m / 60)} * * *",
            1440 => "0 0 * * *",
            _ => null,
        };
        if (cron is null)
        {
            Note(elsaId, type, ImportStatus.Changed, ImportCodes.SettingDropped, $"every {text} does not divide an hour or a day; set the cron schedule", elsaId, text);
            return null;
        }

        return InputValue.FromLiteral(cron);
    }
}
