using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using static FlowCenter.Interop.Bpmn.BpmnXml;

namespace FlowCenter.Interop.Bpmn;

/// <summary>
/// Writes what the user drew as BPMN 2.0 with diagram interchange from the designer's layout: steps as the BPMN
/// elements of the same meaning (user, script and call tasks, gateways, start and end events, timers and message
/// catches), a step's timeout, reminder and error port as boundary events, the other ports as conditional flows.
/// Where BPMN's rules want a gateway (paths that merge into a step) or an end event (a path that stops at a
/// step), one is added and marked as FlowCenter's, so that import takes it away again. What BPMN cannot say
/// (connector settings, forms, approval modes) goes into FlowCenter's extension namespace: the file is read back
/// and only what did not come back the same is written there.
/// </summary>
internal static class BpmnExporter
{
    private const double TaskWidth = 100;
    private const double TaskHeight = 80;

    public static string Export(WorkflowDefinition definition)
    {
        var extras = new ReadBack(c => c.Id);
        var xml = Write(definition, extras);
        for (var pass = 0; pass < 2; pass++)
        {
            var back = BpmnImporter.Import(xml, "the export").Definitions[0].Definition;
            if (!extras.Learn(definition, back))
            {
                break;
            }

            xml = Write(definition, extras);
        }

        return xml;
    }

    /// <summary>An element's place in the diagram; an expanded sub-process shows the shapes of its elements inside it.</summary>
    private sealed record Shape(string Id, string Element, double X, double Y, double W, double H, bool Expanded = false);

    private static string Write(WorkflowDefinition definition, ReadBack extras)
    {
        XNamespace bpmn = Model;
        var process = new XElement(bpmn + "process", new XAttribute("id", X(definition.Id)), new XAttribute("name", definition.Name), new XAttribute("isExecutable", "true"));
        if (definition.Description is { Length: > 0 } description)
        {
            process.Add(new XElement(bpmn + "documentation", description));
        }

        var processExtras = DefinitionExtras(definition);
        var processExtension = Extension("definition", processExtras);
        process.Add(processExtension);
        var globals = new List<XElement>();
        var shapes = new List<Shape>();
        var flows = new List<(XElement Flow, string Source, string Target, List<Point>? Vertices)>();
        var layout = definition.Nodes.ToDictionary(n => n.Id, n => LayoutOf(definition, n), StringComparer.Ordinal);
        var incoming = definition.Connections.GroupBy(c => c.Target).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var mergeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new List<Shape>();

        foreach (var node in definition.Nodes)
        {
            var outgoing = definition.Connections.Where(c => c.Source == node.Id).ToList();
            var element = Element(definition, node, outgoing, globals);
            var extra = extras.Nodes.GetValueOrDefault(node.Id)?.DeepClone() as JsonObject;
            if (X(node.Id) != node.Id)
            {
                // An id BPMN cannot take (XML ids begin with a letter): written with '_' before it, the id itself kept here.
                extra ??= [];
                extra["id"] = node.Id;
            }

            if (extra is not null)
            {
                element.AddFirst(Extension("node", extra));
            }

            process.Add(element);
            var (x, y, w, h) = layout[node.Id];
            shapes.Add(new Shape(X(node.Id) + "_di", X(node.Id), x, y, w, h));

            // Paths that merge into a step meet in a gateway first; BPMN has no implicit joins.
            if (incoming.GetValueOrDefault(node.Id) > 1 && node.Type is not ("Join" or "Inclusive"))
            {
                var merge = X(node.Id) + "-merge";
                mergeOf[node.Id] = merge;
                process.Add(new XElement(bpmn + "exclusiveGateway", new XAttribute("id", merge), Extension("node", new JsonObject { ["synthetic"] = true })));
                pending.Add(new Shape(merge + "_di", merge, x - 70, y + h / 2 - 25, 50, 50));
                var flow = new XElement(bpmn + "sequenceFlow", new XAttribute("id", merge + "-flow"), new XAttribute("sourceRef", merge), new XAttribute("targetRef", X(node.Id)));
                flows.Add((flow, merge, X(node.Id), null));
            }

            // A path that stops at a step (the last of a loop's body, a step whose port leads nowhere) ends in an end event.
            if (outgoing.Count == 0 && node.Type is not ("End" or "Terminate" or "Fail"))
            {
                var end = X(node.Id) + "-end";
                process.Add(new XElement(bpmn + "endEvent", new XAttribute("id", end), new XAttribute("name", node.Label + " ✓"), Extension("node", new JsonObject { ["synthetic"] = true })));
                pending.Add(new Shape(end + "_di", end, x + w + 40, y + h / 2 - 18, 36, 36));
                flows.Add((new XElement(bpmn + "sequenceFlow", new XAttribute("id", end + "-flow"), new XAttribute("sourceRef", X(node.Id)), new XAttribute("targetRef", end)), X(node.Id), end, null));
            }

            foreach (var boundary in Boundaries(node, outgoing, globals))
            {
                process.Add(boundary.Element);
                shapes.Add(new Shape(boundary.Id + "_di", boundary.Id, x + w - 18 - 40 * boundary.Index, y + h - 18, 36, 36));
            }
        }

        // The gateways and end events added for BPMN's rules go where they overlap nothing already drawn.
        foreach (var shape in pending)
        {
            shapes.Add(FreeSpot(shape, shapes));
        }

        foreach (var connection in definition.Connections)
        {
            var source = definition.Nodes.Find(n => n.Id == connection.Source);
            var sourceRef = source is not null && BoundaryPort(source, connection.SourcePort) && Waits(source) ? $"{X(connection.Source)}-{connection.SourcePort}" : X(connection.Source);
            var target = mergeOf.GetValueOrDefault(connection.Target, X(connection.Target));
            var flow = new XElement(bpmn + "sequenceFlow", new XAttribute("id", X(connection.Id)), new XAttribute("sourceRef", sourceRef), new XAttribute("targetRef", target));
            var condition = ConditionOf(definition, source, connection);
            // A label belongs on a flow that says when it is taken (bpmnlint's superfluous-label); the others keep theirs in FlowCenter's extension.
            var labelled = condition is not null || source?.Type is "Decision" or "Inclusive" or "Switch";
            if (labelled && (connection.Label ?? (condition is not null ? connection.SourcePort : null)) is { } name)
            {
                flow.Add(new XAttribute("name", name));
            }

            var connectionExtra = extras.Connections[connection.Id]?.DeepClone() as JsonObject;
            if (X(connection.Id) != connection.Id)
            {
                connectionExtra ??= [];
                connectionExtra["id"] = connection.Id;
            }

            if (connectionExtra is not null)
            {
                flow.Add(Extension("connection", connectionExtra));
            }

            if (condition is not null)
            {
                flow.Add(new XElement(bpmn + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), new XAttribute("language", ScriptLanguage(condition.Language)), condition.Source));
            }

            flows.Add((flow, sourceRef, target, connection.Vertices));
        }

        // Each flow node names its flows (BPMN's incoming and outgoing), after its documentation and extensions.
        var elements = process.Elements().Where(e => e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!, StringComparer.Ordinal);
        foreach (var (flow, source, target, _) in flows)
        {
            var id = (string)flow.Attribute("id")!;
            if (elements.TryGetValue(target, out var to))
            {
                Reference(to, "incoming", id);
            }

            if (elements.TryGetValue(source, out var from))
            {
                Reference(from, "outgoing", id);
            }
        }

        var scopes = definition.Nodes.Where(n => n.Type == "CaseEvent").Select(n => EventSubProcess(definition, n, process, shapes)).OfType<XElement>().ToList();
        if (scopes.Count > 0)
        {
            // An event sub-process's flows are read before the process's own: the order of the connections comes back from here.
            processExtras["connectionOrder"] = extras.OrderOf(definition);
            processExtension.ReplaceWith(Extension("definition", processExtras));
        }

        foreach (var (flow, source, target, _) in flows)
        {
            (scopes.Find(s => s.Elements().Any(e => (string?)e.Attribute("id") == source) && s.Elements().Any(e => (string?)e.Attribute("id") == target)) ?? process).Add(flow);
        }

        var definitions = new XElement(bpmn + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Model),
            new XAttribute(XNamespace.Xmlns + "bpmndi", Di),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(XNamespace.Xmlns + "di", DiCommon),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(XNamespace.Xmlns + "fc", BpmnXml.FlowCenter),
            new XAttribute("id", "Definitions_" + definition.Id),
            new XAttribute("targetNamespace", "http://flowcenter.dev/processes"),
            new XAttribute("exporter", "FlowCenter"),
            new XAttribute("exporterVersion", "1.0"));
        foreach (var global in globals.DistinctBy(g => (string?)g.Attribute("id")))
        {
            definitions.Add(global);
        }

        definitions.Add(process);
        definitions.Add(Diagram(X(definition.Id), shapes, flows));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), definitions).Declaration + "\n" + definitions.ToString() + "\n";
    }

    /// <summary>The shape moved to the nearest place, in steps around where it wants to be, where it overlaps no other.</summary>
    private static Shape FreeSpot(Shape shape, List<Shape> drawn)
    {
        bool Overlaps(Shape a) => drawn.Any(b => !b.Element.Contains("-timeout", StringComparison.Ordinal) && a.X < b.X + b.W + 10 && b.X < a.X + a.W + 10 && a.Y < b.Y + b.H + 10 && b.Y < a.Y + a.H + 10);
        for (var ring = 0; ring < 12; ring++)
        {
            foreach (var (dx, dy) in new[] { (0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1) })
            {
                var candidate = shape with { X = shape.X + dx * 60 * ring, Y = shape.Y + dy * 60 * ring };
                if ((ring > 0 || (dx, dy) == (0, 0)) && !Overlaps(candidate))
                {
                    return candidate;
                }
            }
        }

        return shape;
    }

    /// <summary>Adds an incoming or outgoing reference where BPMN's schema wants it: incoming ones before outgoing ones, both before the rest.</summary>
    private static void Reference(XElement element, string kind, string flowId)
    {
        XNamespace bpmn = Model;
        var reference = new XElement(bpmn + kind, flowId);
        var before = element.Elements().LastOrDefault(e => e.Name.LocalName is "documentation" or "extensionElements" or "incoming" || (kind == "outgoing" && e.Name.LocalName == "outgoing"));
        if (before is null)
        {
            element.AddFirst(reference);
        }
        else
        {
            before.AddAfterSelf(reference);
        }
    }

    /// <summary>An id as XML (and so BPMN) takes it: beginning with a letter or '_'; FlowCenter's may begin with a digit.</summary>
    private static string X(string id) => id.Length > 0 && (char.IsAsciiLetter(id[0]) || id[0] == '_') ? id : "_" + id;

    /// <summary>An expression language as BPMN's language attribute names it (javascript for FlowCenter's alias js).</summary>
    private static string ScriptLanguage(string language) => language.Equals("js", StringComparison.OrdinalIgnoreCase) ? "javascript" : language;

    /// <summary>Where a step is drawn: the designer's layout, else a row; BPMN's own sizes where the designer gave none.</summary>
    private static (double X, double Y, double W, double H) LayoutOf(WorkflowDefinition definition, NodeDefinition node)
    {
        var receiveTask = ReceiveTask(node, definition.Connections.FindAll(c => c.Source == node.Id));
        var (w, h) = node.Type switch
        {
            "WaitEvent" when receiveTask => (TaskWidth, TaskHeight),
            "Start" or "EventStart" or "Cron" or "End" or "Terminate" or "Fail" or "Delay" or "Timer" or "WaitEvent" or "PublishEvent" or "CaseEvent" => (36.0, 36.0),
            "Decision" or "Switch" or "Inclusive" or "Fork" or "Join" => (50.0, 50.0),
            _ => (TaskWidth, TaskHeight),
        };
        if (node.Layout is { } layout)
        {
            return receiveTask
                ? (layout.X, layout.Y, Math.Max(layout.Width ?? 0, TaskWidth), Math.Max(layout.Height ?? 0, TaskHeight))
                : (layout.X, layout.Y, layout.Width ?? w, layout.Height ?? h);
        }

        var index = definition.Nodes.IndexOf(node);
        return (100 + 180 * index, 100, w, h);
    }

    /// <summary>A port a waiting step's path leaves by from a boundary event: its timeout, reminder, error and the events it listens for.</summary>
    private static bool BoundaryPort(NodeDefinition node, string port) =>
        port is Ports.Timeout or Ports.Reminder or Ports.Error || node.Events?.Exists(l => l.Port == port) == true;

    /// <summary>
    /// A step that waits while the case runs, with the path after it, as BPMN's event sub-process: its elements
    /// move into a sub-process triggered by the event, which is drawn around them. Null (the elements stay in the
    /// process) when a path from elsewhere leads into that path, which a sub-process cannot enclose.
    /// </summary>
    private static XElement? EventSubProcess(WorkflowDefinition definition, NodeDefinition start, XElement process, List<Shape> shapes)
    {
        XNamespace bpmn = Model;
        var group = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var stack = new Stack<string>([start.Id]);
        while (stack.TryPop(out var id))
        {
            foreach (var next in definition.Connections.Where(c => c.Source == id).Select(c => c.Target).Where(group.Add))
            {
                stack.Push(next);
            }
        }

        if (definition.Connections.Exists(c => group.Contains(c.Target) && !group.Contains(c.Source)))
        {
            return null;
        }

        // The steps with what the export added for them: their boundary events, merging gateways and end events.
        bool Inside(string? id) => id is not null && group.Any(n => id == X(n) || id.StartsWith(X(n) + "-", StringComparison.Ordinal));
        var moved = process.Elements().Where(e => e.Name != bpmn + "sequenceFlow" && Inside((string?)e.Attribute("id"))).ToList();
        var scope = new XElement(bpmn + "subProcess", new XAttribute("id", X(start.Id) + "-events"), new XAttribute("name", start.Label), new XAttribute("triggeredByEvent", "true"));
        foreach (var element in moved)
        {
            element.Remove();
            scope.Add(element);
        }

        process.Add(scope);
        var inner = shapes.Where(s => Inside(s.Element)).ToList();
        if (inner.Count > 0)
        {
            var (left, top) = (inner.Min(s => s.X) - 30, inner.Min(s => s.Y) - 30);
            var (right, bottom) = (inner.Max(s => s.X + s.W) + 30, inner.Max(s => s.Y + s.H) + 30);
            shapes.Insert(0, new Shape(X(start.Id) + "-events_di", X(start.Id) + "-events", left, top, right - left, bottom - top, Expanded: true));
        }

        return scope;
    }

    private static bool ReceiveTask(NodeDefinition node, List<ConnectionDefinition> outgoing) =>
        node.Type == "WaitEvent" && outgoing.Exists(c => BoundaryPort(node, c.SourcePort));

    /// <summary>The message of an event name, declared once for the file.</summary>
    private static string MessageRef(List<XElement> globals, string eventName)
    {
        XNamespace bpmn = Model;
        var messageId = "Message_" + BpmnImporter.IdOf(eventName);
        globals.Add(new XElement(bpmn + "message", new XAttribute("id", messageId), new XAttribute("name", eventName)));
        return messageId;
    }

    private static bool Waits(NodeDefinition node) => node.Type is "UserTask" or "WaitEvent" or "SubProcess";

    /// <summary>The timeout, reminder, error and events of a step, as boundary events its ports' paths leave from.</summary>
    private static IEnumerable<(string Id, XElement Element, int Index)> Boundaries(NodeDefinition node, List<ConnectionDefinition> outgoing, List<XElement> globals)
    {
        XNamespace bpmn = Model;
        if (!Waits(node))
        {
            yield break;
        }

        var index = 0;
        foreach (var port in outgoing.Select(c => c.SourcePort).Where(p => BoundaryPort(node, p)).Distinct())
        {
            var id = $"{X(node.Id)}-{port}";
            var boundary = new XElement(bpmn + "boundaryEvent", new XAttribute("id", id), new XAttribute("attachedToRef", X(node.Id)));
            switch (port)
            {
                case Ports.Timeout:
                    boundary.Add(new XAttribute("name", node.Timeout ?? "timeout"));
                    boundary.Add(new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeDuration", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), node.Timeout ?? "PT0S")));
                    break;
                case Ports.Reminder:
                    boundary.Add(new XAttribute("name", "reminder " + (node.Reminder?.Interval ?? "")));
                    boundary.Add(new XAttribute("cancelActivity", "false"));
                    var cycle = node.Reminder is { } r ? $"R{(r.MaxCount > 0 ? r.MaxCount.ToString(CultureInfo.InvariantCulture) : "")}/{r.Interval}" : "R/PT1H";
                    boundary.Add(new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeCycle", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), cycle)));
                    break;
                case Ports.Error:
                    boundary.Add(new XAttribute("name", "error"));
                    boundary.Add(new XElement(bpmn + "errorEventDefinition"));
                    break;
                default:
                    var listener = node.Events!.Find(l => l.Port == port)!;
                    boundary.Add(new XAttribute("name", port));
                    if (!listener.Interrupting)
                    {
                        boundary.Add(new XAttribute("cancelActivity", "false"));
                    }

                    boundary.Add(new XElement(bpmn + "messageEventDefinition", new XAttribute("messageRef", MessageRef(globals, listener.Event))));
                    break;
            }

            yield return (id, boundary, index++);
        }
    }

    /// <summary>
    /// A flow's condition: a decision's own; for a step with several ways out, the port it leaves by, so that no
    /// path splits without saying when it is taken.
    /// </summary>
    private static WorkflowExpression? ConditionOf(WorkflowDefinition definition, NodeDefinition? source, ConnectionDefinition connection)
    {
        if (source is null || source.Type is "Fork" or "Join")
        {
            return null;
        }

        if (source.Type is "Decision" or "Inclusive" or "Switch")
        {
            if (connection.SourcePort == Ports.Default)
            {
                return null;
            }

            if (source.Type == "Switch" && connection.Condition is null)
            {
                var cases = source.Inputs.GetValueOrDefault("cases")?.Literal as JsonArray ?? [];
                var match = cases.OfType<JsonObject>().FirstOrDefault(c => (string?)c["name"] == connection.SourcePort);
                return WorkflowExpression.Js((string?)match?["condition"] ?? "false");
            }

            return connection.Condition ?? WorkflowExpression.Js("true");
        }

        if (Waits(source) && BoundaryPort(source, connection.SourcePort))
        {
            return null;
        }

        var ways = definition.Connections.Count(c => c.Source == source.Id && !(Waits(source) && BoundaryPort(source, c.SourcePort)));
        return ways > 1 ? WorkflowExpression.Js($"outcome == {JsonSerializer.Serialize(connection.SourcePort)}") : connection.Condition;
    }

    private static XElement Element(WorkflowDefinition definition, NodeDefinition node, List<ConnectionDefinition> outgoing, List<XElement> globals)
    {
        XNamespace bpmn = Model;
        string? Literal(string input) => node.Inputs.TryGetValue(input, out var value) && value.Literal is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        XElement Named(string kind) => new(bpmn + kind, new XAttribute("id", X(node.Id)), new XAttribute("name", node.Label));
        var element = node.Type switch
        {
            "Start" => Named("startEvent"),
            // A wait with a timeout, reminder or events of its own is a receive task: BPMN attaches boundary events to activities only.
            "WaitEvent" when ReceiveTask(node, outgoing) => Named("receiveTask"),
            "EventStart" or "WaitEvent" => Named(node.Type == "EventStart" ? "startEvent" : "intermediateCatchEvent"),
            "CaseEvent" => Named("startEvent"),
            "Cron" => Named("startEvent"),
            "End" => Named("endEvent"),
            "Terminate" => Named("endEvent"),
            "Fail" => Named("endEvent"),
            "Delay" or "Timer" => Named("intermediateCatchEvent"),
            "PublishEvent" => Named("intermediateThrowEvent"),
            "Decision" or "Switch" => Named("exclusiveGateway"),
            "Inclusive" => Named("inclusiveGateway"),
            "Fork" or "Join" => new XElement(bpmn + "parallelGateway", new XAttribute("id", X(node.Id)), node.DisplayName is null ? null : new XAttribute("name", node.DisplayName)),
            "UserTask" => Named("userTask"),
            "Script" => Named("scriptTask"),
            "SubProcess" => Named("callActivity"),
            "Log" or "SetVariable" or "SetBusinessKey" or "Break" => Named("task"),
            _ => Named("serviceTask"),
        };
        if (node.Description is { Length: > 0 } documentation)
        {
            element.Add(new XElement(bpmn + "documentation", documentation));
        }

        switch (node.Type)
        {
            case "WaitEvent" when ReceiveTask(node, outgoing):
                element.Add(new XAttribute("messageRef", MessageRef(globals, Literal("eventName") ?? node.Id)));
                break;
            case "EventStart" or "WaitEvent" or "PublishEvent":
                element.Add(new XElement(bpmn + "messageEventDefinition", new XAttribute("messageRef", MessageRef(globals, Literal("eventName") ?? node.Id))));
                break;
            case "CaseEvent":
                if (node.Inputs.TryGetValue("interrupting", out var interrupting) && interrupting.Literal is JsonValue flag && flag.TryGetValue<bool>(out var ends) && !ends)
                {
                    element.Add(new XAttribute("isInterrupting", "false"));
                }

                element.Add(Literal("after") is { } after
                    ? new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeDuration", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), after))
                    : new XElement(bpmn + "messageEventDefinition", new XAttribute("messageRef", MessageRef(globals, Literal("eventName") ?? node.Id))));
                break;
            case "Cron":
                element.Add(new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeCycle", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), Literal("cron") ?? "")));
                break;
            case "Terminate":
                element.Add(new XElement(bpmn + "terminateEventDefinition"));
                break;
            case "Fail":
                var errorId = "Error_" + node.Id;
                globals.Add(new XElement(bpmn + "error", new XAttribute("id", errorId), new XAttribute("name", Literal("message") ?? node.Label), Literal("code") is { } code ? new XAttribute("errorCode", code) : null));
                element.Add(new XElement(bpmn + "errorEventDefinition", new XAttribute("errorRef", errorId)));
                break;
            case "Delay":
                element.Add(new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeDuration", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), Literal("duration") ?? "")));
                break;
            case "Timer":
                element.Add(new XElement(bpmn + "timerEventDefinition", new XElement(bpmn + "timeDate", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), Literal("at") ?? "")));
                break;
            case "Decision" or "Inclusive" or "Switch":
                if (outgoing.FirstOrDefault(c => c.SourcePort == Ports.Default) is { } fallback)
                {
                    element.Add(new XAttribute("default", X(fallback.Id)));
                }

                break;
            case "Script":
                element.Add(new XAttribute("scriptFormat", "javascript"));
                element.Add(new XElement(bpmn + "script", Literal("script") ?? ""));
                break;
            case "SubProcess":
                element.Add(new XAttribute("calledElement", Literal("definitionId") ?? ""));
                break;
            case "UserTask":
                if (node.Inputs.TryGetValue("mode", out var mode) && (string?)mode.Literal is "all" or "sequential" or "percent")
                {
                    element.Add(new XElement(bpmn + "multiInstanceLoopCharacteristics", new XAttribute("isSequential", (string?)mode.Literal == "sequential" ? "true" : "false")));
                }

                break;
        }

        return element;
    }

    private static XElement Extension(string name, JsonNode content) =>
        new(Model + "extensionElements", new XElement(BpmnXml.FlowCenter + name, content.ToJsonString(WorkflowJson.CompactOptions)));

    /// <summary>What BPMN cannot say of the process itself: variables, inputs, outputs, settings, translations, version.</summary>
    private static JsonObject DefinitionExtras(WorkflowDefinition definition)
    {
        var options = WorkflowJson.Options;
        var extras = new JsonObject
        {
            ["id"] = definition.Id,
            ["version"] = definition.Version,
            ["variables"] = JsonSerializer.SerializeToNode(definition.Variables, options),
            ["inputs"] = JsonSerializer.SerializeToNode(definition.Inputs, options),
            ["outputs"] = JsonSerializer.SerializeToNode(definition.Outputs, options),
            ["settings"] = JsonSerializer.SerializeToNode(definition.Settings, options),
        };
        if (definition.Schema is not null)
        {
            extras["schema"] = definition.Schema;
        }

        if (definition.SchemaVersion != WorkflowSchema.CurrentVersion)
        {
            extras["schemaVersion"] = definition.SchemaVersion;
        }

        if (definition.Translations is { Count: > 0 })
        {
            extras["translations"] = JsonSerializer.SerializeToNode(definition.Translations, options);
        }

        if (definition.Description is null)
        {
            extras["description"] = null;
        }

        return extras;
    }

    private static XElement Diagram(string processId, List<Shape> shapes, List<(XElement Flow, string Source, string Target, List<Point>? Vertices)> flows)
    {
        var plane = new XElement(Di + "BPMNPlane", new XAttribute("id", "BPMNPlane_" + processId), new XAttribute("bpmnElement", processId));
        var byElement = shapes.ToDictionary(s => s.Element, StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            plane.Add(new XElement(Di + "BPMNShape", new XAttribute("id", shape.Id), new XAttribute("bpmnElement", shape.Element),
                shape.Expanded ? new XAttribute("isExpanded", "true") : null,
                new XElement(Dc + "Bounds", Attr("x", shape.X), Attr("y", shape.Y), Attr("width", shape.W), Attr("height", shape.H))));
        }

        foreach (var (flow, source, target, vertices) in flows)
        {
            var from = byElement.GetValueOrDefault(source);
            var to = byElement.GetValueOrDefault(target);
            if (from is null || to is null)
            {
                continue;
            }

            var bends = vertices ?? [];
            var first = bends.Count > 0 ? bends[0] : new Point { X = to.X + to.W / 2, Y = to.Y + to.H / 2 };
            var last = bends.Count > 0 ? bends[^1] : new Point { X = from.X + from.W / 2, Y = from.Y + from.H / 2 };
            var edge = new XElement(Di + "BPMNEdge", new XAttribute("id", (string)flow.Attribute("id")! + "_di"), new XAttribute("bpmnElement", (string)flow.Attribute("id")!));
            edge.Add(Waypoint(Border(from, first)));
            foreach (var bend in bends)
            {
                edge.Add(Waypoint(bend));
            }

            edge.Add(Waypoint(Border(to, last)));
            plane.Add(edge);
        }

        return new XElement(Di + "BPMNDiagram", new XAttribute("id", "BPMNDiagram_" + processId), plane);
    }

    /// <summary>Where the line from a shape's centre towards a point leaves the shape's bounds.</summary>
    private static Point Border(Shape shape, Point towards)
    {
        var (cx, cy) = (shape.X + shape.W / 2, shape.Y + shape.H / 2);
        var (dx, dy) = (towards.X - cx, towards.Y - cy);
        if (dx == 0 && dy == 0)
        {
            return new Point { X = cx, Y = cy };
        }

        var scale = Math.Min(dx == 0 ? double.MaxValue : shape.W / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : shape.H / 2 / Math.Abs(dy));
        return new Point { X = Math.Round(cx + dx * scale, 1), Y = Math.Round(cy + dy * scale, 1) };
    }

    private static XElement Waypoint(Point point) => new(DiCommon + "waypoint", Attr("x", point.X), Attr("y", point.Y));

    private static XAttribute Attr(string name, double value) => new(name, value.ToString("0.##", CultureInfo.InvariantCulture));
}
