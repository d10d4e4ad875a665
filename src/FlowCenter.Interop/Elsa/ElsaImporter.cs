using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop.Elsa;

/// <summary>
/// Reads an Elsa 3 workflow definition export into a FlowCenter definition, noting what became of every
/// activity, connection and variable. Flowcharts are read as graphs; the structured activities (If, ForEach,
/// While, For, Sequence, nested flowcharts) are drawn into the one graph FlowCenter runs. What a FlowCenter export
/// wrote into <c>customProperties.flowCenter</c> (retries, timeouts, port names, FlowCenter-only steps) comes back
/// exactly.
/// </summary>
internal sealed partial class ElsaImporter
{
    /// <summary>The properties every Elsa activity has; the others are its inputs.</summary>
    private static readonly HashSet<string> Envelope = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously", "source", "line", "applicationProperties",
    };

    private readonly WorkflowDefinition _definition = new();
    private readonly List<ImportNote> _notes = [];
    private readonly Dictionary<string, string> _variableById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _accessors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private JsonObject _extras = [];

    /// <summary>Where a piece of the graph begins and the ports its paths leave by.</summary>
    private sealed record Fragment(string Entry, List<(string Node, string Port)> Exits);

    public static ImportedDefinition Import(JsonObject file)
    {
        var importer = new ElsaImporter();
        importer.Read(file);
        return new ImportedDefinition(importer._definition, importer._notes);
    }

    private void Read(JsonObject file)
    {
        _extras = file["customProperties"]?["flowCenter"] as JsonObject ?? [];
        var id = Text(file["definitionId"]) ?? Text(file["id"]) ?? "";
        _definition.Id = IdOf(id.Length > 0 ? id : Text(file["name"]) ?? "elsa-workflow");
        _definition.Name = Text(file["name"]) ?? _definition.Id;
        _definition.Description = Text(file["description"]) is { Length: > 0 } description ? description : null;
        _definition.Version = file["version"] is JsonValue v && v.TryGetValue<int>(out var version) && version > 0 ? version : 1;
        _definition.Schema = Text(_extras["schema"]);
        if (_extras["schemaVersion"] is JsonValue sv && sv.TryGetValue<int>(out var schemaVersion))
        {
            _definition.SchemaVersion = schemaVersion;
        }

        if (_extras["translations"] is JsonObject translations)
        {
            _definition.Translations = translations.Deserialize<Dictionary<string, DefinitionTranslation>>(Engine.Serialization.WorkflowJson.Options);
        }

        if (_extras["settings"] is JsonObject settings)
        {
            _definition.Settings = settings.Deserialize<WorkflowSettings>(Engine.Serialization.WorkflowJson.Options) ?? new();
        }

        ReadVariables(file["variables"] as JsonArray, "variable");
        ReadParameters(file["inputs"] as JsonArray, _definition.Inputs, "input");
        ReadParameters(file["outputs"] as JsonArray, _definition.Outputs, "output");
        if (file["root"] is not JsonObject root)
        {
            throw new Engine.Serialization.WorkflowFormatException("The Elsa file has no 'root' activity.");
        }

        var type = Text(root["type"]);
        if (type == "Elsa.Flowchart")
        {
            ReadFlowchart(root, isRoot: true);
        }
        else
        {
            // A root of another kind (a Sequence, one activity): begin with a start step before it.
            var fragment = ReadActivity(root);
            var start = AddNode("start", "Start", null);
            Connect(start.Id, Ports.Done, fragment.Entry);
            Note(Text(root["id"]) ?? "root", type ?? "", ImportStatus.Changed, ImportCodes.Approximated, "a start step was added before the root activity", start.Id, "Start", "start");
        }

        SetDecisionConditions();
        // FlowCenter's own file with loop bodies: the steps and connections in the order they were drawn.
        if (_extras["nodeOrder"] is JsonArray nodeOrder)
        {
            var place = nodeOrder.Select((id, i) => (Id: Text(id) ?? "", i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            _definition.Nodes = [.. _definition.Nodes.OrderBy(n => place.GetValueOrDefault(n.Id, int.MaxValue))];
        }

        if (_extras["connectionOrder"] is JsonArray connectionOrder)
        {
            ReadBack.RestoreOrder(_definition, connectionOrder, ElsaExporter.ConnectionKey,
                (key, c) => key.Split('|') is [var source, _, var target] && source == c.Source && target == c.Target);
        }
        // Elsa's WriteLine prints; here its lines go to a list the instance page shows (a file FlowCenter wrote declares its own).
        if (_extras.Count == 0 && _definition.Nodes.Any(n => n.Type == "Log") && _definition.Variables.All(v => v.Name != Engine.Activities.Primitives.Log.DefaultVariable))
        {
            _definition.Variables.Add(new VariableDefinition { Name = Engine.Activities.Primitives.Log.DefaultVariable, Type = DataType.StringList, Default = new JsonArray() });
        }

        foreach (var output in _definition.Outputs.Where(o => _definition.Variables.All(x => x.Name != o.Name)))
        {
            _definition.Variables.Add(new VariableDefinition { Name = output.Name, Type = output.Type });
        }
    }

    private void ReadVariables(JsonArray? variables, string kind)
    {
        var extras = _extras["variables"] as JsonObject;
        foreach (var variable in (variables ?? []).OfType<JsonObject>())
        {
            var name = Text(variable["name"]);
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (Text(variable["id"]) is { } id)
            {
                _variableById[id] = name;
            }

            _accessors[ElsaScript.Accessor(name)] = name;
            if (_definition.Variables.Any(v => v.Name == name))
            {
                continue;
            }

            var typeName = Text(variable["typeName"]);
            var isArray = variable["isArray"] is JsonValue a && a.TryGetValue<bool>(out var array) && array;
            var extra = extras?[name] as JsonObject;
            _definition.Variables.Add(new VariableDefinition
            {
                Name = name,
                Type = extra?["type"] is JsonValue t && Enum.TryParse<DataType>(t.GetValue<string>(), true, out var exact) ? exact : ElsaValues.TypeOf(typeName, isArray),
                Default = extra is not null && extra.ContainsKey("default") ? extra["default"]?.DeepClone() : ElsaValues.VariableValue(variable["value"], typeName, isArray),
                Description = Text(extra?["description"]),
            });
            Note(name, kind, ImportStatus.Imported, ImportCodes.Variable, $"variable '{name}'", null, name, kind);
        }
    }

    private void ReadParameters(JsonArray? parameters, List<ParameterDefinition> into, string kind)
    {
        var extras = _extras[kind + "s"] as JsonObject;
        foreach (var parameter in (parameters ?? []).OfType<JsonObject>())
        {
            var name = Text(parameter["name"]);
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var extra = extras?[name] as JsonObject;
            into.Add(new ParameterDefinition
            {
                Name = name,
                Type = extra?["type"] is JsonValue t && Enum.TryParse<DataType>(t.GetValue<string>(), true, out var exact) ? exact : ElsaValues.TypeOf(Text(parameter["type"]), parameter["isArray"] is JsonValue a && a.TryGetValue<bool>(out var array) && array),
                Required = extra?["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required,
                Default = extra?["default"]?.DeepClone(),
                Description = Text(parameter["description"]) is { Length: > 0 } d ? d : null,
            });
            if (kind == "input")
            {
                _inputs.Add(name);
            }

            Note(name, kind, ImportStatus.Imported, ImportCodes.Variable, $"{kind} '{name}'", null, name, kind);
        }
    }

    /// <summary>Reads a flowchart's activities and connections; returns where it begins and the paths that end in it.</summary>
    private Fragment ReadFlowchart(JsonObject flowchart, bool isRoot)
    {
        ReadVariables(flowchart["variables"] as JsonArray, "variable");
        var fragments = new Dictionary<string, Fragment>(StringComparer.Ordinal);
        var elsaTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var triggers = new List<string>();
        string? startId = null;
        foreach (var activity in (flowchart["activities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var elsaId = Text(activity["id"]);
            if (string.IsNullOrEmpty(elsaId))
            {
                elsaId = Fresh(ShortType(Text(activity["type"]) ?? "activity").ToLowerInvariant());
                activity["id"] = elsaId;
                Note(elsaId, Text(activity["type"]) ?? "", ImportStatus.Changed, ImportCodes.IdAssigned, $"the activity had no id; it is '{elsaId}'", null, elsaId);
            }

            var fragment = ReadActivity(activity);
            fragments[elsaId] = fragment;
            elsaTypes[elsaId] = Text(activity["type"]) ?? "";
            if (elsaTypes[elsaId] == "Elsa.Start")
            {
                startId ??= elsaId;
            }
            else if (CanStart(activity))
            {
                triggers.Add(elsaId);
            }
        }

        var connections = ReadConnections(flowchart["connections"], fragments);
        var withIncoming = connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        var entry = startId ?? triggers.FirstOrDefault()
            ?? fragments.Keys.FirstOrDefault(k => !withIncoming.Contains(k)) ?? fragments.Keys.FirstOrDefault();
        foreach (var (source, port, target, vertices) in connections)
        {
            foreach (var exit in ExitsOf(fragments[source], elsaTypes[source], port))
            {
                Connect(exit.Node, exit.Port, fragments[target].Entry, vertices);
            }
        }

        if (entry is null)
        {
            var start = AddNode("start", "Start", null);
            return new Fragment(start.Id, [(start.Id, Ports.Done)]);
        }

        var entryNode = _definition.Nodes.First(n => n.Id == fragments[entry].Entry);
        if (isRoot)
        {
            if (entryNode.Type is not ("Start" or "EventStart" or "Cron"))
            {
                var start = AddNode("start", "Start", null);
                start.Layout = entryNode.Layout is { } at ? new NodeLayout { X = at.X - 160, Y = at.Y } : null;
                Connect(start.Id, Ports.Done, entryNode.Id);
                Note(start.Id, "Elsa.Start", ImportStatus.Changed, ImportCodes.Approximated, "the flowchart has no start activity; a start step was added before its first activity", start.Id, "Start", "start");
            }

            return new Fragment(entryNode.Id, []);
        }

        // A nested flowchart ends when its paths end: the steps without a way on lead to what follows it.
        var leaves = _definition.Nodes
            .Where(n => fragments.Values.Any(f => f.Entry == n.Id || f.Exits.Any(e => e.Node == n.Id)) && _definition.Connections.All(c => c.Source != n.Id) && n.Type is not ("End" or "Terminate" or "Fail"))
            .Select(n => (n.Id, Ports.Done)).ToList();
        return new Fragment(entryNode.Id, leaves);
    }

    private List<(string Source, string Port, string Target, List<Point> Vertices)> ReadConnections(JsonNode? node, Dictionary<string, Fragment> fragments)
    {
        var result = new List<(string, string, string, List<Point>)>();
        var list = node as JsonArray ?? (node is JsonObject single ? (single["$values"] as JsonArray ?? [single.DeepClone()]) : []);
        foreach (var connection in list.OfType<JsonObject>())
        {
            string? source, target, port;
            if (connection["source"] is JsonObject s)
            {
                source = Text(s["activity"]) ?? Text(s["Activity"]);
                port = Text(s["port"]) ?? Text(s["Port"]);
                target = Text((connection["target"] as JsonObject)?["activity"]) ?? Text((connection["target"] as JsonObject)?["Activity"]);
            }
            else
            {
                source = Text(connection["source"]);
                port = Text(connection["sourcePort"]);
                target = Text(connection["target"]);
            }

            var label = $"{source} → {target}";
            var missing = source is null || !fragments.ContainsKey(source) ? source ?? "(none)" : target is null || !fragments.ContainsKey(target) ? target ?? "(none)" : null;
            if (missing is not null)
            {
                Note(label, "connection", ImportStatus.NotImported, ImportCodes.DanglingConnection, $"the connection ends at '{missing}', which is not in the flowchart", null, missing);
                continue;
            }

            var vertices = (connection["vertices"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(p => new Point { X = Number(p["x"]), Y = Number(p["y"]) }).ToList();
            result.Add((source!, port ?? "Done", target!, vertices));
        }

        return result;
    }

    /// <summary>The FlowCenter ports an Elsa port of an activity leaves by.</summary>
    private List<(string Node, string Port)> ExitsOf(Fragment fragment, string elsaType, string elsaPort)
    {
        var node = _definition.Nodes.First(n => n.Id == fragment.Entry);
        if (fragment.Exits.Count > 0 && fragment.Exits.All(e => e.Node != fragment.Entry))
        {
            // A structured activity (If, a loop, a sequence): its Done is the end of its inner paths.
            return fragment.Exits;
        }

        return [(node.Id, PortOf(node, elsaType, elsaPort))];
    }

    /// <summary>An Elsa port's FlowCenter name: Done is done; a decision's True and False are its branch and default.</summary>
    private string PortOf(NodeDefinition node, string elsaType, string elsaPort)
    {
        var renamed = _extras["ports"]?[node.Id]?[elsaPort];
        if (renamed is JsonValue r && r.TryGetValue<string>(out var exact))
        {
            return exact;
        }

        return (elsaType, elsaPort) switch
        {
            ("Elsa.FlowSendHttpRequest" or "Elsa.SendHttpRequest", "Done") => "success",
            (_, "Done") => Ports.Done,
            ("Elsa.FlowDecision", "True") => "true",
            ("Elsa.FlowDecision", "False") => Ports.Default,
            ("Elsa.FlowSwitch", "Default") => Ports.Default,
            ("Elsa.FlowSendHttpRequest" or "Elsa.SendHttpRequest", _) => HttpPort(elsaPort),
            _ => elsaPort,
        };
    }

    /// <summary>An Elsa HTTP port (a status code, "Unmatched status code", "Failed to connect", "Timeout") as FlowCenter's status class.</summary>
    private static string HttpPort(string elsaPort) => elsaPort switch
    {
        "Timeout" => "timeout",
        "Failed to connect" => Ports.Error,
        "Unmatched status code" => "clientError",
        _ when int.TryParse(elsaPort, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) => code switch
        {
            < 400 => "success",
            < 500 => "clientError",
            _ => "serverError",
        },
        _ => elsaPort,
    };

    private static bool CanStart(JsonObject activity) =>
        activity["customProperties"]?["canStartWorkflow"] is JsonValue c && c.TryGetValue<bool>(out var yes) && yes
        || activity["canStartWorkflow"] is JsonValue legacy && legacy.TryGetValue<bool>(out var old) && old;

    /// <summary>Adds the nodes one activity becomes; a structured activity becomes a piece of graph.</summary>
    private Fragment ReadActivity(JsonObject activity)
    {
        var elsaId = Text(activity["id"]) is { Length: > 0 } given ? given : Fresh("activity");
        var type = Text(activity["type"]) ?? "";
        var flowCenter = activity["customProperties"]?["flowCenter"] as JsonObject;
        if (flowCenter?["type"] is JsonValue ft && ft.TryGetValue<string>(out var fcType))
        {
            // A FlowCenter step written by FlowCenter: its own type and inputs.
            var node = AddNode(elsaId, fcType, activity);
            foreach (var (name, value) in activity.Where(p => !Envelope.Contains(p.Key) && flowCenter["inputs"] is null))
            {
                if (Input(value, name, elsaId, type, asValue: true) is { } input)
                {
                    node.Inputs[name] = input;
                }
            }

            ApplyExtras(node, activity);
            Note(elsaId, type, ImportStatus.Imported, ImportCodes.Mapped, $"FlowCenter step of type {fcType}", node.Id, fcType);
            return Single(node);
        }

        return type switch
        {
            "Elsa.Flowchart" => Nested(activity, ReadFlowchart(activity, isRoot: false), "flowchart"),
            "Elsa.Sequence" => ReadSequence(activity),
            "Elsa.If" => ReadIf(activity),
            "Elsa.ForEach" or "Elsa.ParallelForEach" => ReadLoop(activity, "ForEach"),
            "Elsa.While" => ReadLoop(activity, "While"),
            "Elsa.For" => ReadLoop(activity, "For"),
            _ => ReadStep(activity, elsaId, type),
        };
    }

    private static Fragment Single(NodeDefinition node) => new(node.Id, [(node.Id, Ports.Done)]);

    private Fragment Nested(JsonObject activity, Fragment inner, string what)
    {
        Note(Text(activity["id"]) ?? "", Text(activity["type"]) ?? "", ImportStatus.Changed, ImportCodes.Flattened, $"the nested {what} is drawn into the process's own graph", inner.Entry, what);
        return inner;
    }

    private Fragment ReadSequence(JsonObject sequence)
    {
        ReadVariables(sequence["variables"] as JsonArray, "variable");
        Fragment? first = null;
        Fragment? previous = null;
        foreach (var child in (sequence["activities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var fragment = ReadActivity(child);
            first ??= fragment;
            if (previous is not null)
            {
                foreach (var exit in previous.Exits)
                {
                    Connect(exit.Node, exit.Port, fragment.Entry);
                }
            }

            previous = fragment;
        }

        if (first is null)
        {
            var empty = AddNode(Text(sequence["id"]) ?? Fresh("sequence"), "Fork", sequence);
            return Single(empty);
        }

        return Nested(sequence, new Fragment(first.Entry, previous!.Exits), "sequence");
    }

    private Fragment ReadIf(JsonObject activity)
    {
        var elsaId = Text(activity["id"]) ?? Fresh("if");
        var decision = AddNode(elsaId, "Decision", activity);
        var condition = Input(activity["condition"], "condition", elsaId, "Elsa.If", asValue: true);
        var exits = new List<(string, string)>();
        if (activity["then"] is JsonObject then)
        {
            var branch = ReadActivity(then);
            Connect(decision.Id, "then", branch.Entry).Condition = Expression(condition);
            exits.AddRange(branch.Exits);
        }
        else
        {
            exits.Add((decision.Id, "then"));
        }

        if (activity["else"] is JsonObject otherwise)
        {
            var branch = ReadActivity(otherwise);
            Connect(decision.Id, Ports.Default, branch.Entry);
            exits.AddRange(branch.Exits);
        }
        else
        {
            exits.Add((decision.Id, Ports.Default));
        }

        Note(elsaId, "Elsa.If", ImportStatus.Changed, ImportCodes.Flattened, "the If becomes a decision with its then and else branches drawn into the graph", decision.Id, "if");
        return new Fragment(decision.Id, exits);
    }

    private Fragment ReadLoop(JsonObject activity, string kind)
    {
        var elsaId = Text(activity["id"]) ?? Fresh("loop");
        var type = Text(activity["type"]) ?? "";
        var loop = AddNode(elsaId, kind == "While" ? "While" : "ForEach", activity);
        _accessors["CurrentValue"] = "CurrentValue";
        _accessors["CurrentIndex"] = "CurrentIndex";
        if (kind == "While")
        {
            if (Input(activity["condition"], "condition", elsaId, type, asValue: true) is { } condition)
            {
                loop.Inputs["condition"] = condition;
            }
        }
        else
        {
            loop.Inputs["itemVariable"] = InputValue.FromLiteral("CurrentValue");
            loop.Inputs["indexVariable"] = InputValue.FromLiteral("CurrentIndex");
            if (type == "Elsa.ParallelForEach")
            {
                loop.Inputs["parallel"] = InputValue.FromLiteral(true);
            }

            if (kind == "For")
            {
                var start = Input(activity["start"], "start", elsaId, type, asValue: true);
                var end = Input(activity["end"], "end", elsaId, type, asValue: true);
                var step = Input(activity["step"], "step", elsaId, type, asValue: true);
                var inclusive = activity["outerBoundInclusive"] is null || Input(activity["outerBoundInclusive"], "outerBoundInclusive", elsaId, type, asValue: true)?.Literal is not JsonValue b || !b.TryGetValue<bool>(out var flag) || flag;
                loop.Inputs["items"] = InputValue.FromExpression(
                    $"(function () {{ var s = {Js(start, "0")}, e = {Js(end, "0")}, d = {Js(step, "1")}, a = []; for (var i = s; d > 0 ? i {(inclusive ? "<=" : "<")} e : i {(inclusive ? ">=" : ">")} e; i += d) a.push(i); return a; }})()");
                Note(elsaId, type, ImportStatus.Changed, ImportCodes.Approximated, "the For loop becomes a for-each over the numbers it counts; the current number is CurrentValue", loop.Id, "ForEach", "for");
            }
            else if (Input(activity["items"], "items", elsaId, type, asValue: true) is { } items)
            {
                loop.Inputs["items"] = items;
            }
        }

        if (activity["body"] is JsonObject body)
        {
            var inner = ReadActivity(body);
            Connect(loop.Id, Ports.Iterate, inner.Entry);
        }

        ApplyExtras(loop, activity);
        if (kind != "For")
        {
            Note(elsaId, type, ImportStatus.Imported, ImportCodes.Mapped, $"mapped to {loop.Type}; its body is the iterate branch", loop.Id, loop.Type);
        }

        return Single(loop);
    }

    private static string Js(InputValue? value, string fallback) =>
        value?.Expression is { } e ? "(" + e.Source + ")" : value?.Literal is { } l ? l.ToJsonString() : fallback;

    private static WorkflowExpression? Expression(InputValue? value) =>
        value?.Expression ?? (value?.Literal is { } literal ? WorkflowExpression.Js(literal.ToJsonString()) : null);

    /// <summary>What FlowCenter wrote because the Elsa activity alone could not say it; it wins over what was read.</summary>
    private static void ApplyExtras(NodeDefinition node, JsonObject activity)
    {
        if (activity["customProperties"]?["flowCenter"] is JsonObject extras)
        {
            ReadBack.Apply(node, extras);
        }
    }

    /// <summary>Reads an input, noting an expression in a language FlowCenter does not run.</summary>
    private InputValue? Input(JsonNode? value, string input, string elsaId, string elsaType, bool asValue)
    {
        var read = ElsaValues.ReadInput(value, id => _variableById.GetValueOrDefault(id));
        if (read.ForeignLanguage is { } language)
        {
            Note(elsaId, elsaType, ImportStatus.NotImported, ImportCodes.ExpressionLanguage,
                $"'{input}' is a {language} expression; FlowCenter runs JavaScript, so it is kept as text for you to rewrite", elsaId, input, language);
            return read.Value;
        }

        if (read.Value?.Expression is { Language: WorkflowExpression.JavaScript } expression)
        {
            var translated = ElsaScript.Translate(expression.Source, _accessors, _inputs, asValue);
            if (translated != expression.Source)
            {
                Note(elsaId, elsaType, ImportStatus.Changed, ImportCodes.ExpressionRewritten, $"'{input}' rewritten for FlowCenter: {expression.Source} → {translated}", elsaId, input, expression.Source, translated);
                return InputValue.FromExpression(translated);
            }
        }

        return read.Value;
    }

    private NodeDefinition AddNode(string elsaId, string type, JsonObject? activity)
    {
        var id = UniqueId(IdOf(elsaId));
        var node = new NodeDefinition { Id = id, Type = type };
        if (activity is not null)
        {
            var metadata = activity["metadata"] as JsonObject;
            node.DisplayName = Text(metadata?["displayText"]) is { Length: > 0 } shown ? shown
                : Text(activity["name"]) is { Length: > 0 } name && name != elsaId ? name : null;
            node.Description = Text(metadata?["description"]) is { Length: > 0 } description ? description : null;
            if (metadata?["designer"]?["position"] is JsonObject position)
            {
                var size = metadata["designer"]?["size"] as JsonObject;
                node.Layout = new NodeLayout { X = Number(position["x"]), Y = Number(position["y"]), Width = size is null ? null : Number(size["width"]), Height = size is null ? null : Number(size["height"]) };
            }
        }

        _definition.Nodes.Add(node);
        return node;
    }

    private ConnectionDefinition Connect(string source, string port, string target, List<Point>? vertices = null)
    {
        var connection = new ConnectionDefinition
        {
            Id = NextConnectionId(),
            Source = source,
            SourcePort = port,
            Target = target,
            Vertices = vertices ?? [],
        };
        if (_extras["connections"]?[$"{source}|{port}|{target}"] is JsonObject extra)
        {
            ReadBack.Apply(connection, extra, _definition);
        }

        _definition.Connections.Add(connection);
        return connection;
    }

    private string NextConnectionId() => Ids.NextConnection(_definition);

    private string UniqueId(string id) => Ids.Unique(_ids, id);

    /// <summary>An id no node has yet, not taken by this call (the node that gets it takes it).</summary>
    private string Fresh(string id)
    {
        var fresh = id;
        for (var n = 2; _ids.Contains(fresh); n++)
        {
            fresh = $"{id}-{n}";
        }

        return fresh;
    }

    private static string IdOf(string text) => Ids.Of(text);

    private static string ShortType(string type) => type.Contains('.', StringComparison.Ordinal) ? type[(type.LastIndexOf('.') + 1)..] : type;

    private void Note(string elementId, string elementType, ImportStatus status, string code, string message, string? nodeId, params string[] arguments) =>
        _notes.Add(new ImportNote(elementId, elementType, status, code, message) { NodeId = nodeId, Arguments = arguments });

    private static string? Text(JsonNode? node) => Ids.Text(node);

    private static double Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<double>(out var d) || (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d))) ? d : 0;
}
