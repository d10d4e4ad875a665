using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using static FlowCenter.Interop.Bpmn.BpmnXml;

namespace FlowCenter.Interop.Bpmn;

/// <summary>Sequence flows, boundary events, pass-through nodes and FlowCenter's own extension elements.</summary>
internal sealed partial class BpmnImporter
{
    /// <summary>The node and port a boundary event's outgoing flows leave by, by the boundary event's id.</summary>
    private readonly Dictionary<string, (string Node, string Port)> _boundaryPorts = new(StringComparer.Ordinal);

    /// <summary>The steps each embedded sub-process was drawn into, for the boundary events on it.</summary>
    private readonly Dictionary<string, List<string>> _scopeNodes = new(StringComparer.Ordinal);

    /// <summary>What FlowCenter wrote into the process's extension elements; null for a file of another tool.</summary>
    private JsonObject? _extras;

    private void ReadFlow(XElement flow)
    {
        var id = Id(flow) ?? "flow";
        var sourceRef = (string?)flow.Attribute("sourceRef") ?? "";
        var targetRef = (string?)flow.Attribute("targetRef") ?? "";
        if (_raceMembers.Contains(targetRef))
        {
            // The gateway's path to an event that waits at its lead's step: the gateway leads there already.
            return;
        }

        (string Node, string Port)? source = _boundaryPorts.TryGetValue(sourceRef, out var boundary) ? boundary
            : _mapped.TryGetValue(sourceRef, out var from) ? (from.Exit, Ports.Done) : null;
        if (source is null || !_mapped.TryGetValue(targetRef, out var to))
        {
            Note(flow, ImportStatus.NotImported, ImportCodes.DanglingConnection, $"the flow from '{sourceRef}' to '{targetRef}' joins a step that was not imported", null, source is null ? sourceRef : targetRef);
            return;
        }

        var node = _definition.Nodes.Find(n => n.Id == source.Value.Node)!;
        var port = source.Value.Port;
        WorkflowExpression? condition = null;
        var gateway = node.Type is "Decision" or "Inclusive";
        var sourceElement = flow.Parent!.Elements().FirstOrDefault(e => Id(e) == sourceRef);
        if (gateway && port == Ports.Done)
        {
            port = (string?)sourceElement?.Attribute("default") == id ? Ports.Default : IdOf(id);
        }

        if (flow.Element(Model + "conditionExpression") is { } expression)
        {
            var language = (string?)expression.Attribute("language") ?? (string?)_root.Attribute("expressionLanguage");
            var translated = BpmnExpressions.Translate(expression.Value, language is not null && language.Contains("XPath", StringComparison.Ordinal) ? null : language);
            if (!gateway && _extras is null)
            {
                Note(flow, ImportStatus.Changed, ImportCodes.Approximated, "a condition on a flow out of a task: FlowCenter takes such a flow always; put a decision before it", null, "", "conditionalFlow");
            }
            else if (translated.Untranslated is not null)
            {
                condition = new WorkflowExpression { Language = translated.Untranslated.ToLowerInvariant(), Source = translated.Original };
                Note(flow, ImportStatus.NotImported, ImportCodes.ExpressionLanguage, $"the condition '{translated.Original}' is {translated.Untranslated} that FlowCenter cannot translate; kept as text for you to rewrite in JavaScript", null, "condition", translated.Untranslated);
            }
            else
            {
                condition = WorkflowExpression.Js(translated.Source);
                if (translated.Source != translated.Original)
                {
                    Note(flow, ImportStatus.Changed, ImportCodes.ExpressionRewritten, $"the condition rewritten for FlowCenter: {translated.Original} → {translated.Source}", null, "condition", translated.Original, translated.Source);
                }
            }
        }
        else if (gateway && port != Ports.Default && node.Type == "Decision" && _extras is null)
        {
            Note(flow, ImportStatus.Changed, ImportCodes.Approximated, "a branch without a condition out of an exclusive gateway; give it one, or make it the default", null, "", "noCondition");
        }

        var vertices = _edges.TryGetValue(id, out var points) && points.Count > 2 ? points[1..^1] : [];
        var connection = Connect(source.Value.Node, port, to.Entry, vertices, IdOf(id));
        connection.Condition = condition;
        connection.Label = Name(flow);
        if (Extension(flow, "connection") is { } extra)
        {
            connection.SourcePort = Text(extra["port"]) ?? connection.SourcePort;
            ReadBack.Apply(connection, extra, _definition);
        }
    }

    private void ReadBoundary(XElement boundary)
    {
        var attached = (string?)boundary.Attribute("attachedToRef") ?? "";
        var interrupting = !string.Equals((string?)boundary.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        if (!_mapped.TryGetValue(attached, out var target) || target.Entry != target.Exit)
        {
            if (target.Entry is null)
            {
                Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"attached to '{attached}', which was not imported", null, "boundaryOnMissing", attached);
            }
            else
            {
                ReadScopeBoundary(boundary, attached, interrupting);
            }

            return;
        }

        var node = _definition.Nodes.Find(n => n.Id == target.Exit)!;
        var waits = node.Type is "UserTask" or "WaitEvent" or "SubProcess" or "Delay" or "Timer";
        if (boundary.Element(Model + "timerEventDefinition") is { } timer)
        {
            var (duration, count) = DurationOf(timer);
            if (duration is null || !waits)
            {
                Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, duration is null ? "the timer's value is an expression or a date; FlowCenter's timeouts are durations" : $"a timer on '{attached}', a step that does not wait; it is left out", null, duration is null ? "boundaryTimerValue" : "boundaryTimerNotWaiting", attached);
                return;
            }

            if (interrupting && node.Timeout is null)
            {
                node.Timeout = duration;
                _boundaryPorts[Id(boundary)!] = (node.Id, Ports.Timeout);
                Note(boundary, ImportStatus.Imported, ImportCodes.Boundary, $"the step's timeout after {duration}: its path leaves by the timeout port", node.Id, "timeout", duration);
                return;
            }

            if (!interrupting && node.Reminder is null)
            {
                node.Reminder = new ReminderSettings { Interval = duration, MaxCount = count ?? 1 };
                _boundaryPorts[Id(boundary)!] = (node.Id, Ports.Reminder);
                Note(boundary, ImportStatus.Imported, ImportCodes.Boundary, $"a reminder every {duration}{(count is > 0 ? $", {count} times" : count == 0 ? ", without end" : ", once")}: its path leaves by the reminder port, the step goes on waiting", node.Id, "reminder", duration, (count ?? 1).ToString(CultureInfo.InvariantCulture));
                return;
            }

            Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, "a second timer of the same kind on one step; FlowCenter gives a step one timeout and one reminder", null, "boundaryTimerSecond");
            return;
        }

        if (boundary.Element(Model + "errorEventDefinition") is not null)
        {
            _boundaryPorts[Id(boundary)!] = (node.Id, Ports.Error);
            Note(boundary, ImportStatus.Imported, ImportCodes.Boundary, "the step's errors leave by its error port", node.Id, "error");
            return;
        }

        if (EventOf(boundary, throws: false) is var (what, name, key))
        {
            if (!waits)
            {
                Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"a {what} on '{attached}', a step that does not wait; it is left out", null, "boundaryEventNotWaiting", attached);
                return;
            }

            var port = Listen(node, boundary, name, key, interrupting);
            _boundaryPorts[Id(boundary)!] = (node.Id, port);
            Note(boundary, ImportStatus.Imported, ImportCodes.Boundary,
                interrupting ? $"the event '{name}' ends the step's wait: its path leaves by the port '{port}'" : $"each time the event '{name}' comes, its path leaves by the port '{port}' and the step goes on waiting",
                node.Id, interrupting ? "listener" : "listenerGoesOn", name, port);
            return;
        }

        var kind = EventKind(boundary);
        Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"a {kind} boundary event: FlowCenter's steps end by their own outcomes, a timeout, a reminder, an error or an event; its path is left out", null, "boundaryKind", kind);
    }

    /// <summary>What kind of event an event element is, by its definition ("message", "timer"...); "none" without one.</summary>
    private static string EventKind(XElement? element) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))?.Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal) ?? "none";

    /// <summary>Makes a waiting step listen for an event through a port named after the element that catches it; its flows leave by that port.</summary>
    private static string Listen(NodeDefinition node, XElement element, string eventName, WorkflowExpression? key, bool interrupting)
    {
        var taken = new HashSet<string>(node.Events?.Select(l => l.Port) ?? [], StringComparer.Ordinal) { Ports.Done, Ports.Error, Ports.Timeout, Ports.Reminder, "approve", "reject", "return" };
        var port = IdOf(Name(element) ?? Id(element)!);
        for (var n = 2; !taken.Add(port); n++)
        {
            port = IdOf(Id(element)!) + (n == 2 ? "" : "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        (node.Events ??= []).Add(new EventListenerSettings { Event = eventName, Port = port, Interrupting = interrupting, CorrelationKey = key });
        return port;
    }

    /// <summary>
    /// A boundary event on an embedded sub-process, whose steps are drawn into the process: while one path runs in
    /// it, the boundary belongs to the step that path is at. So each step in it that waits listens for the event
    /// (or gets the timeout), its errors and error ends take the boundary's path, all through one relay the
    /// boundary's flows leave from. With parallel paths inside, one step's event would not end the others: left out.
    /// </summary>
    private void ReadScopeBoundary(XElement boundary, string attached, bool interrupting)
    {
        var inside = (_scopeNodes.GetValueOrDefault(attached) ?? []).Where(id => !_passThrough.Contains(id)).Select(id => _definition.Nodes.Find(n => n.Id == id)!).ToList();
        if (inside.Exists(n => n.Type is "Fork" or "Join" or "Inclusive" || (n.Type == "ForEach" && n.Inputs.ContainsKey("parallel"))))
        {
            Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, "a boundary event on a sub-process with parallel paths: an event at one of its steps would not end the others; its path is left out", null, "boundaryOnParallelScope");
            return;
        }

        var waiting = inside.Where(n => n.Type is "UserTask" or "WaitEvent" or "SubProcess" or "Delay" or "Timer").ToList();
        var error = boundary.Element(Model + "errorEventDefinition") is not null;
        var (duration, count) = boundary.Element(Model + "timerEventDefinition") is { } timer ? DurationOf(timer) : (null, null);
        var happening = EventOf(boundary, throws: false);
        if (!error && duration is null && happening is null)
        {
            var kind = EventKind(boundary);
            Note(boundary, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"a {kind} boundary event on a sub-process: FlowCenter cannot attach it to the sub-process's steps; its path is left out", null, "boundaryOnScope", kind);
            return;
        }

        var relay = PassThrough(boundary);
        _boundaryPorts[Id(boundary)!] = (relay.Id, Ports.Done);
        if (error)
        {
            foreach (var node in inside.Where(n => n.Type is not ("Start" or "End" or "Terminate" or "Fail" or "Decision" or "Switch")))
            {
                Connect(node.Id, Ports.Error, relay.Id);
            }

            // An error end inside is thrown to this boundary: its path goes straight on to the boundary's.
            foreach (var end in inside.Where(n => n.Type == "Fail"))
            {
                end.Type = "Fork";
                end.Inputs.Clear();
                _passThrough.Add(end.Id);
                Connect(end.Id, Ports.Done, relay.Id);
            }

            Note(boundary, ImportStatus.Changed, ImportCodes.Approximated, "the errors of the sub-process's steps and its error ends take the boundary's path", null, "", "scopeError");
            return;
        }

        if (duration is not null && interrupting)
        {
            foreach (var node in waiting.Where(n => n.Timeout is null))
            {
                node.Timeout = duration;
                Connect(node.Id, Ports.Timeout, relay.Id);
            }

            Note(boundary, ImportStatus.Changed, ImportCodes.Approximated, $"each step in the sub-process that waits gets the timeout {duration}, counted from when it begins to wait, not from the sub-process's start", null, "", "scopeTimeout", duration);
            return;
        }

        if (duration is not null)
        {
            foreach (var node in waiting.Where(n => n.Reminder is null))
            {
                node.Reminder = new ReminderSettings { Interval = duration, MaxCount = count ?? 1 };
                Connect(node.Id, Ports.Reminder, relay.Id);
            }

            Note(boundary, ImportStatus.Changed, ImportCodes.Approximated, $"each step in the sub-process that waits gets a reminder after {duration}, counted from when it begins to wait, not from the sub-process's start", null, "", "scopeReminder", duration);
            return;
        }

        var (_, name, key) = happening!.Value;
        var port = IdOf(Name(boundary) ?? Id(boundary)!);
        foreach (var node in waiting)
        {
            port = Listen(node, boundary, name, key, interrupting);
            Connect(node.Id, port, relay.Id);
        }

        Note(boundary, ImportStatus.Changed, ImportCodes.Approximated, $"the event '{name}' is heard at each step of the sub-process that waits, and leaves it by the port '{port}'", null, "", "scopeListener", name, port);
    }

    /// <summary>
    /// An event-based gateway: the first of the events after it wins. Its first message or signal becomes the wait;
    /// the others wait with it as the step's events, a timer as its timeout; each one's path leaves by its own port.
    /// </summary>
    private void ReadRaces(List<string> gateways, List<XElement> flowNodes)
    {
        foreach (var gatewayId in gateways)
        {
            var members = _races[gatewayId];
            var primary = _definition.Nodes.Find(n => n.Id == _mapped[members[0]].Exit)!;
            foreach (var memberId in members.Skip(1))
            {
                var member = flowNodes.First(e => Id(e) == memberId);
                if (member.Element(Model + "timerEventDefinition") is { } timer && DurationOf(timer).Duration is { } duration && primary.Timeout is null)
                {
                    primary.Timeout = duration;
                    _boundaryPorts[memberId] = (primary.Id, Ports.Timeout);
                    Note(member, ImportStatus.Imported, ImportCodes.Boundary, $"after {duration} without an event, the path leaves '{primary.Id}' by the timeout port", primary.Id, "raceTimer", duration);
                }
                else if ((member.Name.LocalName == "receiveTask" ? ("message", MessageName(member) ?? Name(member) ?? memberId, CorrelationOf(member)) : EventOf(member, throws: false)) is var (_, name, key))
                {
                    var port = Listen(primary, member, name, key, interrupting: true);
                    _boundaryPorts[memberId] = (primary.Id, port);
                    Note(member, ImportStatus.Imported, ImportCodes.Boundary, $"the event '{name}' ends the wait at '{primary.Id}' if it comes first: its path leaves by the port '{port}'", primary.Id, "raceEvent", name, port);
                }
                else
                {
                    Note(member, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"a second timer (or one with a date) after the event-based gateway '{gatewayId}'; FlowCenter gives a wait one timeout", null, "raceSecondTimer", gatewayId);
                }
            }
        }
    }

    private static List<XElement> OutgoingOf(XElement element) =>
        [.. element.Parent!.Elements(Model + "sequenceFlow").Where(f => (string?)f.Attribute("sourceRef") == Id(element))];

    private static List<XElement> IncomingOf(XElement element) =>
        [.. element.Parent!.Elements(Model + "sequenceFlow").Where(f => (string?)f.Attribute("targetRef") == Id(element))];

    private NodeDefinition AddNode(XElement element, string type, string suffix = "")
    {
        var node = new NodeDefinition
        {
            Id = UniqueId(IdOf(Id(element)!) + suffix),
            Type = type,
            DisplayName = Name(element),
            Description = Documentation(element),
        };
        if (_shapes.TryGetValue(Id(element)!, out var shape))
        {
            node.Layout = new NodeLayout { X = shape.X + (suffix.Length > 0 ? shape.W + 20 : 0), Y = shape.Y, Width = shape.W, Height = shape.H };
        }

        _definition.Nodes.Add(node);
        return node;
    }

    private NodeDefinition PassThrough(XElement element, string suffix = "")
    {
        var node = AddNode(element, "Fork", suffix);
        _passThrough.Add(node.Id);
        if (suffix.Length == 0)
        {
            Map(element, node.Id);
        }

        return node;
    }

    private void Map(XElement element, string nodeId) => _mapped[Id(element)!] = (nodeId, nodeId);

    private ConnectionDefinition Connect(string source, string port, string target, List<Point>? vertices = null, string? id = null)
    {
        var connection = new ConnectionDefinition
        {
            Id = id is not null && _definition.Connections.All(c => c.Id != id) ? id : NextConnectionId(),
            Source = source,
            SourcePort = port,
            Target = target,
            Vertices = vertices ?? [],
        };
        _definition.Connections.Add(connection);
        return connection;
    }

    /// <summary>Removes the pass-through nodes: each path into one goes straight on to where its paths lead.</summary>
    private void RemovePassThrough()
    {
        foreach (var nodeId in _passThrough)
        {
            var incoming = _definition.Connections.Where(c => c.Target == nodeId && c.Source != nodeId).ToList();
            var outgoing = _definition.Connections.Where(c => c.Source == nodeId && c.Target != nodeId).ToList();
            var at = incoming.Select(c => _definition.Connections.IndexOf(c)).ToList();
            var merged = new List<(int At, ConnectionDefinition Connection)>();
            _definition.Nodes.RemoveAll(n => n.Id == nodeId);
            for (var k = 0; k < incoming.Count; k++)
            {
                var into = incoming[k];
                for (var i = 0; i < outgoing.Count; i++)
                {
                    var on = outgoing[i];
                    merged.Add((at[k], new ConnectionDefinition
                    {
                        Id = outgoing.Count == 1 ? into.Id : $"{into.Id}-{i + 1}",
                        Source = into.Source,
                        SourcePort = into.SourcePort,
                        Target = on.Target,
                        Condition = into.Condition ?? on.Condition,
                        Label = into.Label ?? on.Label,
                        Vertices = [.. into.Vertices, .. on.Vertices],
                    }));
                }
            }

            // Each path keeps its place in the order of connections: where the path into the pass-through was.
            var placed = _definition.Connections.Select(c => (ConnectionDefinition?)c).ToList();
            foreach (var (index, connection) in merged.OrderByDescending(m => m.At))
            {
                placed.Insert(index + 1, connection);
            }

            _definition.Connections = [.. placed.OfType<ConnectionDefinition>().Where(c => c.Source != nodeId && c.Target != nodeId)];
        }
    }

    /// <summary>Reads FlowCenter's extension of the process: variables, inputs, outputs and settings exactly as they were.</summary>
    private void ReadExtensions(XElement process)
    {
        _extras = Extension(process, "definition");
        if (_extras is null)
        {
            return;
        }

        var options = WorkflowJson.Options;
        _definition.Schema = Text(_extras["schema"]);
        if (_extras["schemaVersion"] is JsonValue version && version.TryGetValue<int>(out var schemaVersion))
        {
            _definition.SchemaVersion = schemaVersion;
        }

        _definition.Id = Text(_extras["id"]) ?? _definition.Id;
        if (_extras["version"] is JsonValue v && v.TryGetValue<int>(out var number))
        {
            _definition.Version = number;
        }

        if (_extras.ContainsKey("name"))
        {
            _definition.Name = Text(_extras["name"]) ?? _definition.Name;
        }

        if (_extras.ContainsKey("description"))
        {
            _definition.Description = Text(_extras["description"]);
        }

        _definition.Translations = _extras["translations"]?.Deserialize<Dictionary<string, DefinitionTranslation>>(options);
        _definition.Variables = _extras["variables"]?.Deserialize<List<VariableDefinition>>(options) ?? [];
        _definition.Inputs = _extras["inputs"]?.Deserialize<List<ParameterDefinition>>(options) ?? [];
        _definition.Outputs = _extras["outputs"]?.Deserialize<List<ParameterDefinition>>(options) ?? [];
        _definition.Settings = _extras["settings"]?.Deserialize<WorkflowSettings>(options) ?? new();
    }

    /// <summary>
    /// Gives the steps what FlowCenter wrote of them (their type where BPMN's element is wider, their inputs,
    /// retries, timeouts, reminders): a file FlowCenter exported comes back as it was drawn.
    /// </summary>
    private void ApplyNodeExtensions(XElement container)
    {
        foreach (var element in container.Descendants().Where(e => e.Name.Namespace == Model && Id(e) is not null))
        {
            if (Extension(element, "node") is not { } extra || !_mapped.TryGetValue(Id(element)!, out var mapped) || _passThrough.Contains(mapped.Entry))
            {
                continue;
            }

            var node = _definition.Nodes.Find(n => n.Id == mapped.Entry)!;
            if (Text(extra["type"]) is { } type)
            {
                node.Type = type;
                _notes.RemoveAll(n => n.ElementId == Id(element));
                Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"FlowCenter step of type {type}", node.Id, type);
            }

            if (extra.ContainsKey("id"))
            {
                var id = Text(extra["id"])!;
                foreach (var connection in _definition.Connections)
                {
                    connection.Source = connection.Source == node.Id ? id : connection.Source;
                    connection.Target = connection.Target == node.Id ? id : connection.Target;
                }

                node.Id = id;
            }

            ReadBack.Apply(node, extra);
        }
    }

    /// <summary>FlowCenter's JSON in an element's <c>fc:{name}</c> extension, if it has one.</summary>
    private static JsonObject? Extension(XElement element, string name)
    {
        if (element.Element(Model + "extensionElements")?.Element(BpmnXml.FlowCenter + name) is not { } extension)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(extension.Value, documentOptions: new JsonDocumentOptions { MaxDepth = DefinitionConverter.MaxJsonDepth }) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new WorkflowFormatException($"The FlowCenter extension of '{Id(element)}' (line {Line(element)}) is not valid JSON: {ex.Message.Split(". ")[0]}.", ex);
        }
    }

    private static string? Documentation(XElement element) =>
        element.Element(Model + "documentation")?.Value.Trim() is { Length: > 0 } text ? text : null;

    private void Note(XElement element, ImportStatus status, string code, string message, string? nodeId, params string[] arguments) =>
        _notes.Add(new ImportNote(Id(element) ?? $"line {Line(element)}", element.Name.LocalName, status, code, message) { NodeId = nodeId, Arguments = arguments });

    private string UniqueId(string id) => Ids.Unique(_ids, id);

    private string NextConnectionId() => Ids.NextConnection(_definition);

    internal static string IdOf(string text) => Ids.Of(text);

    private static string? Text(JsonNode? node) => Ids.Text(node);

    private static double Number(XElement element, string attribute) =>
        double.TryParse((string?)element.Attribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
