using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Interop.Elsa;

/// <summary>
/// Writes a FlowCenter definition as an Elsa 3 workflow definition: one root flowchart, each step as the Elsa
/// activity of the same meaning (Decision as FlowDecision or FlowSwitch, Join as FlowJoin, Delay, Cron, Event,
/// WriteLine, ExecuteWorkflow...) and the steps Elsa has no activity for as <c>FlowCenter.&lt;type&gt;</c> with their
/// inputs in Elsa's wrapper. Whatever the Elsa activity alone cannot say (a retry policy, a port's name, an
/// expression in a language Elsa lacks) goes under <c>customProperties.flowCenter</c>: the export is read back
/// and compared, and only what differs is written there, so that importing the file gives the same definition.
/// </summary>
internal static class ElsaExporter
{
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>Elsa's connections have no ids: FlowCenter's notes name one by where it leads from and to.</summary>
    public static string ConnectionKey(ConnectionDefinition connection) => $"{connection.Source}|{connection.SourcePort}|{connection.Target}";

    public static JsonObject Export(WorkflowDefinition definition)
    {
        var extras = new ReadBack(ConnectionKey);
        var file = Write(definition, extras);
        // Read it back: whatever did not come back exactly is written in FlowCenter's own words, then checked again.
        for (var pass = 0; pass < 2; pass++)
        {
            var back = ElsaImporter.Import((JsonObject)file.DeepClone()).Definition;
            if (!extras.Learn(definition, back, ElsaPort))
            {
                break;
            }

            file = Write(definition, extras);
        }

        return file;
    }

    private static JsonObject Write(WorkflowDefinition definition, ReadBack extras)
    {
        var variableIds = definition.Variables.ToDictionary(v => v.Name, v => "var-" + v.Name, StringComparer.Ordinal);
        var flowCenter = new JsonObject
        {
            ["variables"] = new JsonObject(definition.Variables.Select(v => KeyValuePair.Create(v.Name, (JsonNode?)new JsonObject
            {
                ["type"] = v.Type.ToString(),
                ["default"] = v.Default?.DeepClone(),
                ["description"] = v.Description,
            }))),
            ["inputs"] = Parameters(definition.Inputs),
            ["outputs"] = Parameters(definition.Outputs),
            ["settings"] = JsonSerializer.SerializeToNode(definition.Settings, WorkflowJson.Options),
        };
        if (definition.Schema is not null)
        {
            flowCenter["schema"] = definition.Schema;
        }

        if (definition.SchemaVersion != WorkflowSchema.CurrentVersion)
        {
            flowCenter["schemaVersion"] = definition.SchemaVersion;
        }

        if (definition.Translations is { Count: > 0 })
        {
            flowCenter["translations"] = JsonSerializer.SerializeToNode(definition.Translations, WorkflowJson.Options);
        }

        if (extras.Connections.Count > 0)
        {
            flowCenter["connections"] = extras.Connections.DeepClone();
        }

        if (extras.Ports.Count > 0)
        {
            flowCenter["ports"] = extras.Ports.DeepClone();
        }

        // A loop whose iterate path is its own is written as Elsa's loop with that path as its body flowchart.
        var bodies = definition.Nodes.Select(n => (n.Id, Body: LoopBody(definition, n))).Where(b => b.Body is not null).ToDictionary(b => b.Id, b => b.Body!, StringComparer.Ordinal);
        string? OwnerOf(string nodeId) => bodies.Where(b => b.Value.Contains(nodeId)).OrderBy(b => b.Value.Count).Select(b => b.Key).FirstOrDefault();
        var owners = definition.Nodes.ToDictionary(n => n.Id, n => OwnerOf(n.Id), StringComparer.Ordinal);
        (JsonArray Activities, JsonArray Connections) Chart(string? loop)
        {
            var activities = new JsonArray();
            var entry = loop is null ? null : definition.Connections.First(c => c.Source == loop && c.SourcePort == Ports.Iterate).Target;
            foreach (var node in definition.Nodes.Where(n => owners[n.Id] == loop).OrderBy(n => n.Id == entry ? 0 : 1))
            {
                var activity = Activity(definition, node, variableIds, extras.Nodes.GetValueOrDefault(node.Id));
                if (bodies.ContainsKey(node.Id))
                {
                    var (inner, innerConnections) = Chart(node.Id);
                    activity["body"] = new JsonObject { ["id"] = node.Id + "-body", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["activities"] = inner, ["connections"] = innerConnections };
                }

                activities.Add(activity);
            }

            var connections = new JsonArray();
            foreach (var connection in definition.Connections.Where(c => owners.GetValueOrDefault(c.Source) == loop && owners.GetValueOrDefault(c.Target) == loop))
            {
                connections.Add(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = connection.Source, ["port"] = ElsaPort(definition, connection) },
                    ["target"] = new JsonObject { ["activity"] = connection.Target, ["port"] = "In" },
                    ["vertices"] = new JsonArray([.. connection.Vertices.Select(p => (JsonNode)new JsonObject { ["x"] = p.X, ["y"] = p.Y })]),
                });
            }

            return (activities, connections);
        }

        var (activities, connections) = Chart(null);
        if (bodies.Count > 0)
        {
            // A body's steps are read where their loop is: the order of steps and connections comes back from here.
            flowCenter["nodeOrder"] = new JsonArray([.. definition.Nodes.Select(n => (JsonNode?)JsonValue.Create(n.Id))]);
            flowCenter["connectionOrder"] = extras.OrderOf(definition);
        }

        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["id"] = $"{definition.Id}-v{definition.Version}",
            ["definitionId"] = definition.Id,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["version"] = definition.Version,
            ["toolVersion"] = "3.6.0.0",
            ["variables"] = new JsonArray([.. definition.Variables.Select(v => (JsonNode)Variable(v, variableIds[v.Name]))]),
            ["inputs"] = new JsonArray([.. definition.Inputs.Select(p => (JsonNode)Parameter(p, input: true))]),
            ["outputs"] = new JsonArray([.. definition.Outputs.Select(p => (JsonNode)Parameter(p, input: false))]),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject { ["flowCenter"] = flowCenter },
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["isLatest"] = true,
            ["isPublished"] = false,
            ["options"] = new JsonObject { ["usableAsActivity"] = definition.Settings.SubProcessOnly },
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart",
                ["nodeId"] = "Workflow1:flowchart",
                ["name"] = "Flowchart1",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["customProperties"] = new JsonObject { ["notFoundConnections"] = new JsonArray(), ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
                ["metadata"] = new JsonObject(),
                ["activities"] = activities,
                ["variables"] = new JsonArray(),
                ["connections"] = connections,
            },
        };
    }

    private static JsonObject Parameters(List<ParameterDefinition> parameters) =>
        new(parameters.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)new JsonObject { ["type"] = p.Type.ToString(), ["required"] = p.Required, ["default"] = p.Default?.DeepClone() })));

    private static JsonObject Variable(VariableDefinition variable, string id)
    {
        var (typeName, isArray) = ElsaValues.TypeNameOf(variable.Type);
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = variable.Name,
            ["typeName"] = typeName,
            ["isArray"] = isArray,
            ["value"] = ElsaValues.VariableText(variable.Default),
            ["storageDriverTypeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
        };
    }

    private static JsonObject Parameter(ParameterDefinition parameter, bool input)
    {
        var (typeName, isArray) = ElsaValues.TypeNameOf(parameter.Type);
        var result = new JsonObject
        {
            ["type"] = typeName,
            ["name"] = parameter.Name,
            ["displayName"] = parameter.Name,
            ["description"] = parameter.Description ?? "",
            ["category"] = "Primitives",
            ["isArray"] = isArray,
        };
        if (input)
        {
            result["uiHint"] = "singleline";
        }

        return result;
    }

    /// <summary>The Elsa port a connection leaves by: Done for done, a decision's branch True and its default False.</summary>
    private static string ElsaPort(WorkflowDefinition definition, ConnectionDefinition connection)
    {
        var node = definition.Nodes.Find(n => n.Id == connection.Source);
        return (ElsaTypeOf(definition, node), connection.SourcePort) switch
        {
            (_, Ports.Done) => "Done",
            ("Elsa.FlowDecision", Ports.Default) => "False",
            ("Elsa.FlowDecision", _) => "True",
            ("Elsa.FlowSwitch", Ports.Default) => "Default",
            (_, var port) => port,
        };
    }

    /// <summary>
    /// The steps of a loop's iterate path when they are its own, to write as Elsa's loop body: one path in, none
    /// reached from elsewhere, none leading out of it or back to the loop. Null when the path is not such a body.
    /// </summary>
    internal static HashSet<string>? LoopBody(WorkflowDefinition definition, NodeDefinition loop)
    {
        if (loop.Type is not ("ForEach" or "While") || definition.Connections.Where(c => c.Source == loop.Id && c.SourcePort == Ports.Iterate).ToList() is not [var iterate])
        {
            return null;
        }

        var body = new HashSet<string>(StringComparer.Ordinal) { iterate.Target };
        var stack = new Stack<string>([iterate.Target]);
        while (stack.TryPop(out var id))
        {
            foreach (var next in definition.Connections.Where(c => c.Source == id).Select(c => c.Target))
            {
                if (next == loop.Id)
                {
                    return null;
                }

                if (body.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        var fromElsewhere = definition.Connections.Exists(c => body.Contains(c.Target) && !body.Contains(c.Source) && c != iterate);
        var intoEntry = definition.Connections.Exists(c => c.Target == iterate.Target && c != iterate);
        return fromElsewhere || intoEntry ? null : body;
    }

    /// <summary>The Elsa type a node is written as.</summary>
    private static string ElsaTypeOf(WorkflowDefinition definition, NodeDefinition? node)
    {
        if (node is null)
        {
            return "";
        }

        var outgoing = definition.Connections.Where(c => c.Source == node.Id).ToList();
        return node.Type switch
        {
            "Start" => "Elsa.Start",
            "End" => "Elsa.End",
            "Terminate" => "Elsa.Finish",
            "Fail" => "Elsa.Fault",
            "Decision" => outgoing.Where(c => c.SourcePort != Ports.Default).Select(c => c.SourcePort).Distinct().Count() == 1
                && outgoing.Where(c => c.SourcePort != Ports.Default).Select(c => c.Condition?.Source).Distinct().Count() == 1
                ? "Elsa.FlowDecision"
                : "Elsa.FlowSwitch",
            "Switch" => "Elsa.FlowSwitch",
            "Fork" => "Elsa.FlowFork",
            "Join" => "Elsa.FlowJoin",
            "Inclusive" when outgoing.All(c => c.Condition is null) && outgoing.Select(c => c.SourcePort).Distinct().Count() <= 1 => "Elsa.FlowJoin",
            "SetVariable" => "Elsa.SetVariable",
            "Script" => "Elsa.RunJavaScript",
            "Log" => "Elsa.WriteLine",
            "SetBusinessKey" => "Elsa.Correlate",
            "Delay" => "Elsa.Delay",
            "Timer" => "Elsa.StartAt",
            "Cron" => "Elsa.Cron",
            "EventStart" or "WaitEvent" => "Elsa.Event",
            "PublishEvent" => "Elsa.PublishEvent",
            "Break" => "Elsa.Break",
            "SubProcess" => "Elsa.ExecuteWorkflow",
            "ForEach" when LoopBody(definition, node) is not null => node.Inputs.GetValueOrDefault("parallel")?.Literal is JsonValue p && p.TryGetValue<bool>(out var parallel) && parallel ? "Elsa.ParallelForEach" : "Elsa.ForEach",
            "While" when LoopBody(definition, node) is not null => "Elsa.While",
            _ => "FlowCenter." + node.Type,
        };
    }

    private static JsonObject Activity(WorkflowDefinition definition, NodeDefinition node, Dictionary<string, string> variableIds, JsonObject? extra)
    {
        var type = ElsaTypeOf(definition, node);
        var custom = new JsonObject
        {
            ["canStartWorkflow"] = node.Type is "Start" or "EventStart" or "Cron",
            ["runAsynchronously"] = false,
        };
        var flowCenter = extra?.DeepClone() as JsonObject ?? new JsonObject();
        var activity = new JsonObject();
        JsonNode? Wrap(string input, string? typeName = null) => node.Inputs.TryGetValue(input, out var value) ? ElsaValues.Write(value, typeName) : null;
        string? Literal(string input) => node.Inputs.TryGetValue(input, out var value) ? ElsaValues.Text(value.Literal) : null;
        JsonNode? Output(string input) => Literal(input) is { } variable && variableIds.TryGetValue(variable, out var id)
            ? new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = id } }
            : null;

        switch (type)
        {
            case "Elsa.Fault":
                activity["code"] = Wrap("code", "String");
                activity["message"] = Wrap("message", "String");
                break;
            case "Elsa.FlowDecision":
                var condition = definition.Connections.First(c => c.Source == node.Id && c.SourcePort != Ports.Default).Condition;
                activity["condition"] = condition is null ? ElsaValues.WriteLiteral(false, "Boolean") : ElsaValues.Write(new InputValue { Expression = condition }, "Boolean");
                break;
            case "Elsa.FlowSwitch" when node.Type == "Decision":
                activity["cases"] = new JsonArray([.. definition.Connections.Where(c => c.Source == node.Id && c.SourcePort != Ports.Default)
                    .DistinctBy(c => c.SourcePort)
                    .Select(c => (JsonNode)new JsonObject { ["label"] = c.SourcePort, ["condition"] = Condition(c.Condition) })]);
                activity["mode"] = ElsaValues.WriteLiteral("MatchFirst", "Elsa.Workflows.Activities.Flowchart.Models.SwitchMode, Elsa.Workflows.Core");
                flowCenter["decision"] = true;
                break;
            case "Elsa.FlowSwitch":
                activity["cases"] = new JsonArray([.. (node.Inputs.GetValueOrDefault("cases")?.Literal as JsonArray ?? []).OfType<JsonObject>()
                    .Select(c => (JsonNode)new JsonObject { ["label"] = ElsaValues.Text(c["name"]), ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = ElsaValues.Text(c["condition"]) } })]);
                activity["mode"] = ElsaValues.WriteLiteral(Literal("mode") == "all" ? "MatchAny" : "MatchFirst", "Elsa.Workflows.Activities.Flowchart.Models.SwitchMode, Elsa.Workflows.Core");
                break;
            case "Elsa.FlowFork":
                var branches = definition.Connections.Where(c => c.Source == node.Id && c.SourcePort != Ports.Done).Select(c => c.SourcePort).Distinct().ToList();
                if (branches.Count > 0)
                {
                    activity["branches"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = JsonSerializer.Serialize(branches) } };
                }

                break;
            case "Elsa.FlowJoin":
                var mode = node.Type == "Inclusive" ? "WaitAllActive" : Literal("mode") == "any" ? "WaitAny" : "WaitAll";
                activity["mode"] = ElsaValues.WriteLiteral(mode, "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core");
                break;
            case "Elsa.SetVariable":
                var name = Literal("name") ?? "";
                var declared = definition.Variables.Find(v => v.Name == name);
                activity["variable"] = declared is null
                    ? new JsonObject { ["id"] = "var-" + name, ["name"] = name, ["typeName"] = "Object" }
                    : Variable(declared, variableIds[name]);
                activity["value"] = Wrap("value", "Object");
                break;
            case "Elsa.RunJavaScript":
                activity["script"] = Literal("script") is { } script ? ElsaValues.WriteLiteral(script, "String") : Wrap("script", "String");
                activity["result"] = Output("resultVariable");
                break;
            case "Elsa.WriteLine":
                activity["text"] = Wrap("text", "String");
                break;
            case "Elsa.Correlate":
                activity["correlationId"] = Wrap("key", "String");
                break;
            case "Elsa.Delay":
                activity["timeSpan"] = Literal("duration") is { } duration ? ElsaValues.WriteLiteral(ElsaValues.TimeSpanText(duration), "TimeSpan") : Wrap("duration", "TimeSpan");
                break;
            case "Elsa.StartAt":
                activity["dateTime"] = Wrap("at", "DateTimeOffset");
                break;
            case "Elsa.Cron":
                var cron = Literal("cron");
                activity["cronExpression"] = cron is not null && cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5 ? ElsaValues.WriteLiteral("0 " + cron, "String") : Wrap("cron", "String");
                break;
            case "Elsa.Event":
                activity["eventName"] = Wrap("eventName", "String");
                activity["result"] = Output("resultVariable");
                break;
            case "Elsa.ForEach" or "Elsa.ParallelForEach":
                activity["items"] = Wrap("items", "Object");
                break;
            case "Elsa.While":
                activity["condition"] = Wrap("condition", "Boolean");
                break;
            case "Elsa.PublishEvent":
                activity["eventName"] = Wrap("eventName", "String");
                activity["correlationId"] = Wrap("correlationKey", "String");
                activity["isLocalEvent"] = ElsaValues.WriteLiteral(false, "Boolean");
                activity["payload"] = Wrap("payload", "Object");
                break;
            case "Elsa.ExecuteWorkflow":
                activity["workflowDefinitionId"] = Wrap("definitionId", "String");
                activity["input"] = Wrap("input", "ObjectDictionary");
                activity["waitForCompletion"] = ElsaValues.WriteLiteral(true, "Boolean");
                activity["result"] = null;
                break;
            case "Elsa.Start" or "Elsa.End" or "Elsa.Finish" or "Elsa.Break":
                break;
            default:
                // A FlowCenter step Elsa has no activity for: its inputs in Elsa's wrapper, its type in FlowCenter's words.
                flowCenter["type"] = node.Type;
                foreach (var (input, value) in node.Inputs)
                {
                    activity[input] = ElsaValues.Write(value);
                }

                break;
        }

        if (flowCenter.Count > 0)
        {
            custom["flowCenter"] = flowCenter;
        }

        var metadata = new JsonObject();
        if (node.Layout is { } layout)
        {
            var designer = new JsonObject { ["position"] = new JsonObject { ["x"] = layout.X, ["y"] = layout.Y } };
            if (layout.Width is { } width && layout.Height is { } height)
            {
                designer["size"] = new JsonObject { ["width"] = width, ["height"] = height };
            }

            metadata["designer"] = designer;
        }

        if (node.DisplayName is not null)
        {
            metadata["displayText"] = node.DisplayName;
        }

        if (node.Description is not null)
        {
            metadata["description"] = node.Description;
        }

        var result = new JsonObject
        {
            ["id"] = node.Id,
            ["nodeId"] = "Workflow1:flowchart:" + node.Id,
            ["name"] = node.Id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = custom,
            ["metadata"] = metadata,
        };
        foreach (var (key, value) in activity)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static JsonObject Condition(WorkflowExpression? condition) =>
        condition is null
            ? new JsonObject { ["type"] = "Literal", ["value"] = false }
            : new JsonObject { ["type"] = ElsaValues.LanguageName(condition.Language), ["value"] = condition.Source };
}
