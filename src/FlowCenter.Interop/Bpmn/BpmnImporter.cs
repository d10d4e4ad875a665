using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using static FlowCenter.Interop.Bpmn.BpmnXml;

namespace FlowCenter.Interop.Bpmn;

/// <summary>
/// Reads BPMN 2.0 XML: every pool's process becomes a definition. Tasks, events, gateways, sub-processes and
/// boundary events become FlowCenter steps, ports, timeouts and reminders; Camunda 7 and 8, Flowable and Activiti
/// extensions give assignees, candidates, due dates, forms and called processes; the diagram gives the layout.
/// What FlowCenter cannot do is reported per element, with its id, and never silently dropped. A file FlowCenter
/// exported carries its own extension elements, which give back exactly what BPMN cannot say.
/// </summary>
internal sealed partial class BpmnImporter
{
    private readonly XElement _root;
    private readonly Dictionary<string, (double X, double Y, double W, double H)> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Point>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _signals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _escalations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Code, string? Name)> _errors = new(StringComparer.Ordinal);

    private WorkflowDefinition _definition = new();
    private List<ImportNote> _notes = [];
    private HashSet<string> _ids = [];

    /// <summary>Nodes that only pass a token on (a none start inside a sub-process, a merging gateway): removed at the end.</summary>
    private HashSet<string> _passThrough = [];

    /// <summary>The lane each flow node is in, by its id.</summary>
    private Dictionary<string, string> _lanes = [];

    /// <summary>The FlowCenter node a BPMN element's outgoing flows leave from, and the one its incoming flows enter.</summary>
    private Dictionary<string, (string Entry, string Exit)> _mapped = [];

    /// <summary>Event-based gateways that become one wait: the gateway's id, then its lead event's and the others'.</summary>
    private Dictionary<string, List<string>> _races = [];

    /// <summary>The events after such a gateway that wait at the lead's step instead of a step of their own.</summary>
    private HashSet<string> _raceMembers = [];

    private BpmnImporter(XElement root)
    {
        _root = root;
        foreach (var shape in root.Descendants(Di + "BPMNShape"))
        {
            if ((string?)shape.Attribute("bpmnElement") is { } element && shape.Element(Dc + "Bounds") is { } bounds)
            {
                _shapes[element] = (Number(bounds, "x"), Number(bounds, "y"), Number(bounds, "width"), Number(bounds, "height"));
            }
        }

        foreach (var edge in root.Descendants(Di + "BPMNEdge"))
        {
            if ((string?)edge.Attribute("bpmnElement") is { } element)
            {
                _edges[element] = [.. edge.Elements(DiCommon + "waypoint").Select(w => new Point { X = Number(w, "x"), Y = Number(w, "y") })];
            }
        }

        foreach (var message in root.Elements(Model + "message"))
        {
            _messages[Id(message) ?? ""] = Name(message) ?? Id(message) ?? "";
        }

        foreach (var signal in root.Elements(Model + "signal"))
        {
            _signals[Id(signal) ?? ""] = Name(signal) ?? Id(signal) ?? "";
        }

        foreach (var escalation in root.Elements(Model + "escalation"))
        {
            _escalations[Id(escalation) ?? ""] = (string?)escalation.Attribute("escalationCode") ?? Name(escalation) ?? Id(escalation) ?? "";
        }

        foreach (var error in root.Elements(Model + "error"))
        {
            _errors[Id(error) ?? ""] = ((string?)error.Attribute("errorCode"), Name(error));
        }
    }

    public static ImportResult Import(string text, string name)
    {
        var document = Parse(text, name);
        var root = document.Root!;
        if (root.Name != Model + "definitions")
        {
            throw new WorkflowFormatException($"{name} is XML but not BPMN 2.0: its root is <{root.Name.LocalName}>, not <definitions> in the BPMN model namespace.");
        }

        var importer = new BpmnImporter(root);
        var participants = root.Elements(Model + "collaboration").Elements(Model + "participant")
            .Where(p => p.Attribute("processRef") is not null)
            .ToDictionary(p => (string)p.Attribute("processRef")!, p => Name(p), StringComparer.Ordinal);
        var definitions = new List<ImportedDefinition>();
        foreach (var process in root.Elements(Model + "process").Where(p => p.Elements().Any(IsFlowElement)))
        {
            definitions.Add(importer.ReadProcess(process, participants.GetValueOrDefault(Id(process) ?? "")));
        }

        if (definitions.Count == 0)
        {
            throw new WorkflowFormatException($"{name} holds no process with steps: nothing to import.");
        }

        // Message flows join pools; FlowCenter's processes talk through events instead.
        foreach (var flow in root.Elements(Model + "collaboration").Elements(Model + "messageFlow"))
        {
            ((List<ImportNote>)definitions[0].Notes).Add(new ImportNote(Id(flow) ?? "", "messageFlow", ImportStatus.NotImported, ImportCodes.NotInFlowCenter,
                $"a message flow from '{(string?)flow.Attribute("sourceRef")}' to '{(string?)flow.Attribute("targetRef")}' between pools; FlowCenter processes exchange messages through events (a throwing step publishes, a catching one waits)")
            { Arguments = ["messageFlow", (string?)flow.Attribute("sourceRef") ?? "", (string?)flow.Attribute("targetRef") ?? ""] });
        }

        return new ImportResult(DefinitionFormat.Bpmn, definitions);
    }

    private static bool IsFlowElement(XElement element) =>
        element.Name.Namespace == Model && element.Name.LocalName is not ("laneSet" or "extensionElements" or "documentation" or "ioSpecification" or "property");

    private ImportedDefinition ReadProcess(XElement process, string? participant)
    {
        _definition = new WorkflowDefinition
        {
            Id = IdOf(Id(process) ?? "process"),
            Name = Name(process) ?? participant ?? Id(process) ?? "process",
            Description = Documentation(process),
        };
        _notes = [];
        _ids = [];
        _passThrough = [];
        _mapped = new(StringComparer.Ordinal);
        _races = new(StringComparer.Ordinal);
        _raceMembers = new(StringComparer.Ordinal);
        _lanes = new(StringComparer.Ordinal);
        foreach (var lane in process.Descendants(Model + "lane"))
        {
            foreach (var reference in lane.Elements(Model + "flowNodeRef"))
            {
                _lanes[reference.Value.Trim()] = Name(lane) ?? Id(lane) ?? "";
            }
        }

        ReadExtensions(process);
        ReadScope(process, null);
        ApplyNodeExtensions(process);
        RemovePassThrough();
        if (_extras is null)
        {
            BpmnLayout.Spread(_definition);
        }
        else if (_extras["connectionOrder"] is JsonArray order)
        {
            ReadBack.RestoreOrder(_definition, order, c => c.Id);
        }

        if (_definition.Nodes.Any(n => n.Type == "Log") && _definition.Variables.All(v => v.Name != Engine.Activities.Primitives.Log.DefaultVariable) && _extras is null)
        {
            _definition.Variables.Add(new VariableDefinition { Name = Engine.Activities.Primitives.Log.DefaultVariable, Type = DataType.StringList, Default = new JsonArray() });
        }

        return new ImportedDefinition(_definition, _notes);
    }

    /// <summary>The elements of a process or an embedded sub-process; <paramref name="scope"/> is the sub-process's pair of pass-through nodes.</summary>
    private void ReadScope(XElement container, (string In, string Out)? scope)
    {
        var flowNodes = container.Elements().Where(e => e.Name.Namespace == Model).ToList();
        var races = FindRaces(container, flowNodes);
        foreach (var element in flowNodes.Where(e => !_raceMembers.Contains(Id(e) ?? "")))
        {
            ReadElement(element, scope);
        }

        ReadRaces(races, flowNodes);

        foreach (var boundary in container.Elements(Model + "boundaryEvent"))
        {
            ReadBoundary(boundary);
        }

        foreach (var flow in container.Elements(Model + "sequenceFlow"))
        {
            ReadFlow(flow);
        }

        // Link events are a jump: each throw leads on to the catch of the same name.
        foreach (var thrower in flowNodes.Where(e => e.Name.LocalName == "intermediateThrowEvent" && e.Element(Model + "linkEventDefinition") is not null))
        {
            var link = LinkName(thrower);
            foreach (var catcher in flowNodes.Where(e => e.Name.LocalName == "intermediateCatchEvent" && e.Element(Model + "linkEventDefinition") is not null && LinkName(e) == link))
            {
                Connect(_mapped[Id(thrower)!].Exit, Ports.Done, _mapped[Id(catcher)!].Entry);
            }
        }
    }

    /// <summary>The event-based gateways of a scope whose events FlowCenter can wait for together; the first message or signal leads.</summary>
    private List<string> FindRaces(XElement container, List<XElement> flowNodes)
    {
        var found = new List<string>();
        foreach (var gateway in flowNodes.Where(e => e.Name.LocalName == "eventBasedGateway" && Id(e) is not null))
        {
            var targets = container.Elements(Model + "sequenceFlow").Where(f => (string?)f.Attribute("sourceRef") == Id(gateway))
                .Select(f => flowNodes.FirstOrDefault(e => Id(e) == (string?)f.Attribute("targetRef"))).OfType<XElement>().ToList();
            var lead = targets.FirstOrDefault(t => t.Name.LocalName == "receiveTask"
                || (t.Name.LocalName == "intermediateCatchEvent" && (t.Element(Model + "messageEventDefinition") is not null || t.Element(Model + "signalEventDefinition") is not null)));
            if (lead is null || targets.Any(t => t.Name.LocalName is not ("receiveTask" or "intermediateCatchEvent") || IncomingOf(t).Count > 1))
            {
                continue;
            }

            var members = targets.Where(t => t != lead).Select(t => Id(t)!).ToList();
            _races[Id(gateway)!] = [Id(lead)!, .. members];
            _raceMembers.UnionWith(members);
            found.Add(Id(gateway)!);
        }

        return found;
    }

    private static string? LinkName(XElement e) => (string?)e.Element(Model + "linkEventDefinition")!.Attribute("name") ?? Name(e);

    private void ReadElement(XElement element, (string In, string Out)? scope)
    {
        var id = Id(element);
        var kind = element.Name.LocalName;
        if (id is null || kind is "sequenceFlow" or "boundaryEvent")
        {
            return;
        }

        if (Extension(element, "node")?["synthetic"] is JsonValue synthetic && synthetic.TryGetValue<bool>(out var added) && added)
        {
            // A gateway or end event FlowCenter's export added for BPMN's rules: the paths go straight through it.
            PassThrough(element);
            return;
        }

        switch (kind)
        {
            case "startEvent":
                ReadStart(element, scope);
                break;
            case "endEvent":
                ReadEnd(element, scope);
                break;
            case "userTask":
                ReadUserTask(element);
                break;
            case "scriptTask":
                ReadScript(element);
                break;
            case "serviceTask" or "sendTask" or "businessRuleTask":
                Placeholder(element, "noImplementation", ImplementationOf(element));
                break;
            case "task" or "manualTask":
                Placeholder(element, "passThrough", null, ImportStatus.Imported);
                break;
            case "receiveTask":
                ReadWait(element, MessageName(element));
                break;
            case "callActivity":
                ReadCall(element);
                break;
            case "subProcess" or "transaction" or "adHocSubProcess":
                ReadSubProcess(element);
                break;
            case "exclusiveGateway":
                ReadGateway(element, "Decision");
                break;
            case "inclusiveGateway":
                ReadGateway(element, "Inclusive");
                break;
            case "parallelGateway":
                ReadParallel(element);
                break;
            case "eventBasedGateway" when _races.ContainsKey(id):
                PassThrough(element);
                Note(element, ImportStatus.Changed, ImportCodes.Flattened, "the first of the events after it wins: they wait together at one step, each leaving by its own port", null, "race");
                break;
            case "complexGateway" or "eventBasedGateway":
                var gateway = AddNode(element, kind == "eventBasedGateway" ? "Bpmn.EventBasedGateway" : "Bpmn.ComplexGateway");
                Map(element, gateway.Id);
                Note(element, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, kind == "eventBasedGateway"
                    ? "FlowCenter cannot wait at this event-based gateway as one step (no message or signal follows it, or its events are reached another way too): a placeholder marks its place"
                    : $"FlowCenter has no {kind}: a placeholder marks its place; model it with a decision, a fork and a join", gateway.Id, kind);
                break;
            case "intermediateCatchEvent":
                ReadCatch(element);
                break;
            case "intermediateThrowEvent":
                ReadThrow(element);
                break;
            case "dataObject":
                ReadDataObject(element);
                break;
            case "dataObjectReference" or "dataStoreReference" or "dataInput" or "dataOutput":
                break;
            case "textAnnotation" or "association" or "group" or "category":
                Note(element, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"a {kind} is a note on the diagram, not a step", null, "diagramNote", kind);
                break;
            default:
                if (IsFlowElement(element))
                {
                    var unknown = AddNode(element, "Bpmn." + kind);
                    Map(element, unknown.Id);
                    Note(element, ImportStatus.NotImported, ImportCodes.UnknownType, $"{kind} has no FlowCenter equivalent; a placeholder marks its place", unknown.Id, kind);
                }

                break;
        }

        if (kind is "scriptTask" or "serviceTask" or "sendTask" or "businessRuleTask" or "task" or "manualTask" or "receiveTask" or "callActivity" or "subProcess" or "transaction" or "adHocSubProcess")
        {
            ReadLoop(element);
        }
    }

    /// <summary>
    /// A multi-instance or standard loop on an activity other than a person's task (that one is countersigning): a
    /// For each over the collection or the numbers up to the cardinality, one after another or all at once, or a
    /// While on the loop condition, whose iterate path is the activity; the flows in and out go to the loop.
    /// </summary>
    private void ReadLoop(XElement element)
    {
        var multi = element.Element(Model + "multiInstanceLoopCharacteristics");
        var standard = element.Element(Model + "standardLoopCharacteristics");
        var id = Id(element)!;
        if ((multi ?? standard) is null || !_mapped.TryGetValue(id, out var body))
        {
            return;
        }

        // Events on its border would leave from inside the loop: the loop is left for the user to draw.
        if (element.Parent!.Elements(Model + "boundaryEvent").Any(b => (string?)b.Attribute("attachedToRef") == id))
        {
            Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, "its loop is left out (events on its border); draw a for-each around it", null, Name(element) ?? "", "loop");
            return;
        }

        NodeDefinition loop;
        if (multi is not null)
        {
            var zeebe = Extensions(multi, Zeebe).FirstOrDefault(e => e.Name.LocalName == "loopCharacteristics");
            var collection = Vendor(multi, "collection") ?? (string?)zeebe?.Attribute("inputCollection");
            var cardinality = multi.Element(Model + "loopCardinality")?.Value.Trim();
            string? items = null;
            string what;
            if (collection is not null && Translated(element, collection) is { } list)
            {
                (items, what) = (list, collection.Trim());
            }
            else if (collection is null && cardinality is { Length: > 0 } && Translated(element, cardinality) is { } count)
            {
                (items, what) = ($"Array.from({{ length: Number({count}) }}, (_, i) => i + 1)", "1 … " + cardinality);
            }
            else
            {
                what = collection ?? cardinality ?? "";
            }

            if (items is null)
            {
                Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, "its loop is left out: it names no collection or number of runs FlowCenter can read; draw a for-each around it", null, Name(element) ?? "", "loop");
                return;
            }

            var sequential = string.Equals((string?)multi.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase);
            loop = AddLoopNode(element, "ForEach");
            loop.Inputs["items"] = InputValue.FromExpression(items);
            loop.Inputs["parallel"] = InputValue.FromLiteral(!sequential);
            if ((Vendor(multi, "elementVariable") ?? (string?)zeebe?.Attribute("inputElement")) is { Length: > 0 } element1)
            {
                loop.Inputs["itemVariable"] = InputValue.FromLiteral(element1);
            }

            Note(element, ImportStatus.Changed, ImportCodes.Approximated, $"it runs once for each item of {what}, {(sequential ? "one after another" : "all at once")}, inside a For each",
                loop.Id, "ForEach", sequential ? "loopSequential" : "loopParallel", what);
            if (multi.Element(Model + "completionCondition") is { } completion && completion.Value.Trim().Length > 0)
            {
                Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, $"the completion condition '{completion.Value.Trim()}' is left out: every item runs", loop.Id, completion.Value.Trim(), "completion");
            }
        }
        else
        {
            var text = standard!.Element(Model + "loopCondition")?.Value.Trim();
            if (text is not { Length: > 0 } || Translated(element, text) is not { } condition)
            {
                Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, "its loop is left out: it has no condition FlowCenter can read; draw the loop back with a decision", null, Name(element) ?? "", "loop");
                return;
            }

            var before = string.Equals((string?)standard.Attribute("testBefore"), "true", StringComparison.OrdinalIgnoreCase);
            loop = AddLoopNode(element, "While");
            loop.Inputs["condition"] = InputValue.FromExpression(condition);
            if (int.TryParse((string?)standard.Attribute("loopMaximum"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var maximum) && maximum > 0)
            {
                loop.Inputs["maxIterations"] = InputValue.FromLiteral(maximum);
            }

            Note(element, ImportStatus.Changed, ImportCodes.Approximated, before
                    ? $"it repeats while {text} holds, checked before each run, inside a While"
                    : $"it repeats while {text} holds, inside a While that checks before each run where BPMN checks after it (a first run the condition does not allow is skipped)",
                loop.Id, "While", before ? "loopWhileBefore" : "loopWhileAfter", text);
        }

        Connect(loop.Id, Ports.Iterate, body.Entry);
        _mapped[id] = (loop.Id, loop.Id);
    }

    /// <summary>The loop around an activity, drawn above it.</summary>
    private NodeDefinition AddLoopNode(XElement element, string type)
    {
        var loop = AddNode(element, type, "-loop");
        loop.DisplayName = Name(element) is { } name ? name + " ↻" : null;
        if (_shapes.TryGetValue(Id(element)!, out var shape))
        {
            loop.Layout = new NodeLayout { X = shape.X, Y = shape.Y - 110, Width = shape.W, Height = 60 };
        }

        return loop;
    }

    /// <summary>An expression of the loop in JavaScript, or null (reported) when it is in a language FlowCenter cannot translate.</summary>
    private string? Translated(XElement element, string text)
    {
        var translated = BpmnExpressions.Translate(text, null);
        if (translated.Untranslated is null)
        {
            return translated.Source;
        }

        Note(element, ImportStatus.NotImported, ImportCodes.ExpressionLanguage, $"the loop's '{translated.Original}' is {translated.Untranslated} that FlowCenter cannot translate", null, translated.Original, translated.Untranslated);
        return null;
    }

    private static string? ImplementationOf(XElement element) =>
        Vendor(element, "class") ?? Vendor(element, "delegateExpression") ?? Vendor(element, "expression") ?? Vendor(element, "topic")
        ?? (string?)Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "taskDefinition")?.Attribute("type")
        ?? (string?)element.Attribute("implementation");

    private string? MessageName(XElement element) =>
        (string?)element.Attribute("messageRef") is { } reference ? _messages.GetValueOrDefault(reference, reference) : null;

    private void ReadDataObject(XElement element)
    {
        var name = Name(element) ?? Id(element)!;
        if (_definition.Variables.Any(v => v.Name == name))
        {
            return;
        }

        var type = ((string?)element.Attribute("itemSubjectRef") ?? "").ToLowerInvariant() switch
        {
            var t when t.Contains("bool", StringComparison.Ordinal) => DataType.Boolean,
            var t when t.Contains("int", StringComparison.Ordinal) || t.Contains("long", StringComparison.Ordinal) => DataType.Integer,
            var t when t.Contains("double", StringComparison.Ordinal) || t.Contains("decimal", StringComparison.Ordinal) || t.Contains("float", StringComparison.Ordinal) => DataType.Number,
            var t when t.Contains("string", StringComparison.Ordinal) => DataType.String,
            _ => DataType.Any,
        };
        _definition.Variables.Add(new VariableDefinition { Name = name, Type = type });
        Note(element, ImportStatus.Imported, ImportCodes.Variable, $"data object '{name}' becomes a variable", null, name, "variable");
    }

    private void ReadStart(XElement element, (string In, string Out)? scope)
    {
        if (scope is not null && _mapped.ContainsKey(Id(element)!))
        {
            // An event sub-process's start, read already as the step that waits for it.
            return;
        }

        if (scope is { } inner)
        {
            // A sub-process's start: its paths begin where the sub-process is entered.
            var through = PassThrough(element);
            Connect(inner.In, Ports.Done, through.Id);
            Note(element, ImportStatus.Imported, ImportCodes.Flattened, "the sub-process's start: its paths begin where the sub-process is entered", null, "marker");
            return;
        }

        NodeDefinition node;
        if (element.Element(Model + "timerEventDefinition") is { } timer)
        {
            if (Cron(timer) is { } cron)
            {
                node = AddNode(element, "Cron");
                node.Inputs["cron"] = InputValue.FromLiteral(cron);
                Note(element, ImportStatus.Imported, ImportCodes.Mapped, "a timer start becomes a cron schedule", node.Id, "Cron");
            }
            else
            {
                node = AddNode(element, "Start");
                Note(element, ImportStatus.Changed, ImportCodes.Approximated, "the timer start's date or cycle cannot be a schedule; the process starts by hand or through the API", node.Id, "Start", "timerStart");
            }
        }
        else if (element.Element(Model + "messageEventDefinition") is { } message || element.Element(Model + "signalEventDefinition") is not null)
        {
            var eventName = element.Element(Model + "messageEventDefinition") is { } m
                ? ((string?)m.Attribute("messageRef") is { } r ? _messages.GetValueOrDefault(r, r) : Name(element))
                : (string?)element.Element(Model + "signalEventDefinition")!.Attribute("signalRef") is { } s ? _signals.GetValueOrDefault(s, s) : Name(element);
            node = AddNode(element, "EventStart");
            node.Inputs["eventName"] = InputValue.FromLiteral(eventName ?? Id(element)!);
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"starts on the event '{eventName}'", node.Id, "EventStart");
        }
        else
        {
            node = AddNode(element, "Start");
            var definitions = element.Elements().Where(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
            if (definitions.Count > 0)
            {
                Note(element, ImportStatus.Changed, ImportCodes.Approximated, $"a {definitions[0].Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal)} start becomes a plain start", node.Id, "Start", "plainStart", definitions[0].Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal));
            }
            else
            {
                Note(element, ImportStatus.Imported, ImportCodes.Mapped, "mapped to Start", node.Id, "Start");
            }
        }

        if (FormOf(element) is { } form)
        {
            node.Inputs["form"] = InputValue.FromLiteral(form);
        }

        FormKey(element, node);
        Map(element, node.Id);
    }

    private void ReadEnd(XElement element, (string In, string Out)? scope)
    {
        NodeDefinition node;
        if (element.Element(Model + "terminateEventDefinition") is not null)
        {
            node = AddNode(element, "Terminate");
            Note(element, scope is null ? ImportStatus.Imported : ImportStatus.Changed, scope is null ? ImportCodes.Mapped : ImportCodes.Approximated,
                scope is null ? "mapped to Terminate" : "a terminate end inside a sub-process ends the whole case here", node.Id, "Terminate", "terminateInScope");
        }
        else if (element.Element(Model + "errorEventDefinition") is { } error)
        {
            node = AddNode(element, "Fail");
            var (code, errorName) = (string?)error.Attribute("errorRef") is { } reference ? _errors.GetValueOrDefault(reference) : (null, null);
            node.Inputs["message"] = InputValue.FromLiteral(errorName ?? Name(element) ?? "error");
            if (code is not null)
            {
                node.Inputs["code"] = InputValue.FromLiteral(code);
            }

            Note(element, ImportStatus.Imported, ImportCodes.Mapped, "an error end raises the error", node.Id, "Fail");
        }
        else if (ReadPublish(element))
        {
            if (scope is { } outer)
            {
                Connect(_mapped[Id(element)!].Exit, Ports.Done, outer.Out);
            }

            return;
        }
        else if (scope is { } inner)
        {
            // A sub-process's end: its paths go on after the sub-process.
            var through = PassThrough(element);
            Connect(through.Id, Ports.Done, inner.Out);
            if (!ThrowNote(element, through.Id))
            {
                Note(element, ImportStatus.Imported, ImportCodes.Flattened, "the sub-process's end: its paths go on after the sub-process", null, "marker");
            }

            return;
        }
        else
        {
            node = AddNode(element, "End");
            if (!ThrowNote(element, node.Id))
            {
                Note(element, ImportStatus.Imported, ImportCodes.Mapped, "mapped to End", node.Id, "End");
            }
        }

        Map(element, node.Id);
    }

    /// <summary>Notes an end or throw event's compensation, which FlowCenter does not do; true when there was one.</summary>
    private bool ThrowNote(XElement element, string nodeId)
    {
        if (element.Element(Model + "compensateEventDefinition") is null)
        {
            return false;
        }

        Note(element, ImportStatus.Changed, ImportCodes.Approximated, "the compensation is not done: FlowCenter does not undo completed steps", nodeId, element.Name.LocalName == "endEvent" ? "End" : "Log", "notThrown", "compensate");
        return true;
    }

    /// <summary>A message, signal or escalation thrown (by an intermediate or an end event) becomes a step that publishes it; false for other events.</summary>
    private bool ReadPublish(XElement element)
    {
        if (EventOf(element, throws: true) is not var (kind, name, key))
        {
            return false;
        }

        var node = AddNode(element, "PublishEvent");
        node.Inputs["eventName"] = InputValue.FromLiteral(name);
        if (key is not null)
        {
            node.Inputs["correlationKey"] = new InputValue { Expression = key };
        }

        Map(element, node.Id);
        if (kind == "escalation")
        {
            Note(element, ImportStatus.Changed, ImportCodes.Approximated, $"the escalation is published as the event '{name}' for the case that called this one", node.Id, "PublishEvent", "escalationEvent", name);
        }
        else
        {
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"publishes the {kind} '{name}'", node.Id, "PublishEvent");
        }

        return true;
    }

    private void ReadUserTask(XElement element)
    {
        var node = AddNode(element, "UserTask");
        node.Inputs["title"] = InputValue.FromLiteral(Name(element) ?? Id(element)!);
        node.Inputs["outcomes"] = InputValue.FromLiteral(new JsonArray("done"));
        var changes = new List<(string Key, string Text, string[] Arguments)>();
        var zeebe = Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "assignmentDefinition");
        var assignee = Vendor(element, "assignee") ?? (string?)zeebe?.Attribute("assignee");
        var users = Vendor(element, "candidateUsers") ?? (string?)zeebe?.Attribute("candidateUsers");
        var groups = Vendor(element, "candidateGroups") ?? (string?)zeebe?.Attribute("candidateGroups");
        if (assignee is not null)
        {
            node.Inputs["assignee"] = People(assignee);
        }

        if (users is not null)
        {
            node.Inputs["candidateUsers"] = People(users);
        }

        if (groups is not null)
        {
            node.Inputs["candidateGroups"] = People(groups);
        }

        if (assignee is null && users is null && groups is null && _lanes.TryGetValue(Id(element)!, out var lane))
        {
            node.Inputs["assignTo"] = InputValue.FromLiteral("role");
            node.Inputs["assignee"] = InputValue.FromLiteral(new JsonArray(lane));
            changes.Add(("laneRole", $"assigned to the role named after its lane, '{lane}'", [lane]));
        }

        if ((Vendor(element, "dueDate") ?? (string?)Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "taskSchedule")?.Attribute("dueDate")) is { } due)
        {
            if (due.StartsWith('P'))
            {
                node.Inputs["dueIn"] = InputValue.FromLiteral(due);
            }
            else
            {
                changes.Add(("dueDate", $"the due date '{due}' is not a duration and is left out", [due]));
            }
        }

        if (FormOf(element) is { } form)
        {
            node.Inputs["form"] = InputValue.FromLiteral(form);
        }

        FormKey(element, node);
        MultiInstance(element, node, changes);
        Map(element, node.Id);
        if (changes.Count == 0)
        {
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, "mapped to a user task", node.Id, "UserTask");
        }

        foreach (var (key, text, arguments) in changes)
        {
            Note(element, ImportStatus.Changed, ImportCodes.Approximated, "mapped to a user task: " + text, node.Id, ["UserTask", key, .. arguments]);
        }
    }

    /// <summary>People from a vendor attribute: a list "a, b", or an expression naming a variable.</summary>
    private static InputValue People(string text)
    {
        if (BpmnExpressions.IsExpression(text))
        {
            return BpmnExpressions.VariableOf(text) is { } variable
                ? InputValue.FromExpression(variable)
                : InputValue.FromExpression(BpmnExpressions.Translate(text, null).Source);
        }

        return InputValue.FromLiteral(new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (JsonNode)p)]));
    }

    /// <summary>Multi-instance on a user task is countersigning: parallel is everyone (or a share), sequential one after another.</summary>
    private static void MultiInstance(XElement element, NodeDefinition node, List<(string Key, string Text, string[] Arguments)> changes)
    {
        if (element.Element(Model + "multiInstanceLoopCharacteristics") is not { } loop)
        {
            if (element.Element(Model + "standardLoopCharacteristics") is not null)
            {
                changes.Add(("standardLoop", "its standard loop is left out; draw the loop back with a decision", []));
            }

            return;
        }

        var sequential = string.Equals((string?)loop.Attribute("isSequential"), "true", StringComparison.OrdinalIgnoreCase);
        node.Inputs["mode"] = InputValue.FromLiteral(sequential ? "sequential" : "all");
        var collection = Vendor(loop, "collection") ?? (string?)Extensions(loop, Zeebe).FirstOrDefault(e => e.Name.LocalName == "loopCharacteristics")?.Attribute("inputCollection");
        if (collection is not null)
        {
            node.Inputs["assignee"] = BpmnExpressions.VariableOf(collection) is { } list ? InputValue.FromExpression(list) : People(collection);
        }

        var completion = loop.Element(Model + "completionCondition")?.Value ?? "";
        if (Ratio().Match(completion) is { Success: true } ratio && double.TryParse(ratio.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && !sequential)
        {
            node.Inputs["mode"] = InputValue.FromLiteral("percent");
            node.Inputs["percent"] = InputValue.FromLiteral((int)Math.Round(share * 100));
            changes.Add(("countersignPercent", $"countersigned: approved once {(int)Math.Round(share * 100)}% of the approvers approve", [((int)Math.Round(share * 100)).ToString(CultureInfo.InvariantCulture)]));
        }
        else if (completion.Length > 0)
        {
            changes.Add(("completionDropped", $"the completion condition '{completion.Trim()}' is left out: everyone decides", [completion.Trim()]));
        }
        else
        {
            changes.Add(sequential ? ("countersignSequential", "countersigned one after another", []) : ("countersignAll", "countersigned: everyone decides", []));
        }

        if (loop.Element(Model + "loopCardinality") is { } cardinality && collection is null)
        {
            changes.Add(("cardinality", $"its {cardinality.Value.Trim()} instances become one task for the assignees", [cardinality.Value.Trim()]));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"nrOfCompletedInstances\s*/\s*nrOfInstances\s*>=?\s*(\d+(?:\.\d+)?)")]
    private static partial System.Text.RegularExpressions.Regex Ratio();

    private void FormKey(XElement element, NodeDefinition node)
    {
        var key = Vendor(element, "formKey") ?? (string?)Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "formDefinition")?.Attribute("formKey");
        if (key is not null && !node.Inputs.ContainsKey("form"))
        {
            Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, $"the form '{key}' belongs to the other tool; design the form in FlowCenter", node.Id, key, "formKey");
        }
    }

    /// <summary>A FlowCenter form from Camunda's generated form fields, else from the task's data outputs.</summary>
    private static JsonObject? FormOf(XElement element)
    {
        var fields = new JsonArray();
        foreach (var field in Extensions(element, Camunda).Where(e => e.Name.LocalName == "formData").Elements(Camunda + "formField"))
        {
            var type = ((string?)field.Attribute("type") ?? "string") switch
            {
                "long" or "double" or "integer" => "number",
                "boolean" => "boolean",
                "date" => "date",
                "enum" => "choice",
                _ => "text",
            };
            var item = new JsonObject { ["name"] = (string?)field.Attribute("id"), ["label"] = (string?)field.Attribute("label") ?? (string?)field.Attribute("id"), ["type"] = type };
            if (type == "choice")
            {
                item["options"] = new JsonArray([.. field.Elements(Camunda + "value").Select(v => (JsonNode)((string?)v.Attribute("id") ?? ""))]);
            }

            if (field.Element(Camunda + "validation")?.Elements(Camunda + "constraint").Any(c => (string?)c.Attribute("name") == "required") == true)
            {
                item["required"] = true;
            }

            fields.Add(item);
        }

        if (fields.Count == 0)
        {
            foreach (var output in element.Element(Model + "ioSpecification")?.Elements(Model + "dataOutput") ?? [])
            {
                var name = Name(output) ?? Id(output);
                var subject = ((string?)output.Attribute("itemSubjectRef") ?? "").ToLowerInvariant();
                fields.Add(new JsonObject
                {
                    ["name"] = name,
                    ["label"] = name,
                    ["type"] = subject.Contains("bool", StringComparison.Ordinal) ? "boolean" : subject.Contains("int", StringComparison.Ordinal) || subject.Contains("double", StringComparison.Ordinal) ? "number" : "text",
                });
            }
        }

        return fields.Count == 0 ? null : new JsonObject { ["fields"] = fields };
    }

    private void ReadScript(XElement element)
    {
        var format = (string?)element.Attribute("scriptFormat") ?? "";
        var script = element.Element(Model + "script")?.Value ?? "";
        if (format.Contains("javascript", StringComparison.OrdinalIgnoreCase) || format.Equals("js", StringComparison.OrdinalIgnoreCase) || format.Contains("ecmascript", StringComparison.OrdinalIgnoreCase))
        {
            var node = AddNode(element, "Script");
            node.Inputs["script"] = InputValue.FromLiteral(script.Trim());
            if (Vendor(element, "resultVariable") is { } result)
            {
                node.Inputs["resultVariable"] = InputValue.FromLiteral(result);
            }

            Map(element, node.Id);
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, "mapped to Script", node.Id, "Script");
            return;
        }

        var placeholder = Placeholder(element, "noImplementation", null);
        Note(element, ImportStatus.NotImported, ImportCodes.ExpressionLanguage, $"the script is {(format.Length == 0 ? "in no language named" : format)}; FlowCenter runs JavaScript, so it is left out for you to rewrite", placeholder.Id, "script", format);
    }

    /// <summary>A task FlowCenter cannot carry out as drawn: a step that writes its name to the log, so that the process still runs.</summary>
    private NodeDefinition Placeholder(XElement element, string change, string? implementation, ImportStatus status = ImportStatus.Changed)
    {
        var node = AddNode(element, "Log");
        node.Inputs["text"] = InputValue.FromLiteral(Name(element) ?? Id(element)!);
        Map(element, node.Id);
        {
            Note(element, status, status == ImportStatus.Imported ? ImportCodes.Mapped : ImportCodes.Approximated,
                status == ImportStatus.Imported
                    ? "a task the engine passes through; it is written to the case's log"
                    : $"it only writes its name to the case's log until you choose a connector{(implementation is null ? "" : $" (it called '{implementation}')")}",
                node.Id, "Log", implementation is null ? change : change + "Called", implementation ?? "");
        }

        return node;
    }

    private void ReadWait(XElement element, string? eventName)
    {
        var node = AddNode(element, "WaitEvent");
        node.Inputs["eventName"] = InputValue.FromLiteral(eventName ?? Name(element) ?? Id(element)!);
        if (CorrelationOf(element) is { } key)
        {
            node.Inputs["correlationKey"] = new InputValue { Expression = key };
        }

        Map(element, node.Id);
        Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"waits for the event '{node.Inputs["eventName"].Literal}'", node.Id, "WaitEvent");
    }

    /// <summary>The key a message event correlates by: Camunda 8 keeps it on the message (or the receive task's own subscription).</summary>
    private WorkflowExpression? CorrelationOf(XElement element)
    {
        var message = (string?)element.Attribute("messageRef") ?? (string?)element.Element(Model + "messageEventDefinition")?.Attribute("messageRef");
        var subscription = Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "subscription")
            ?? (message is null ? null : _root.Elements(Model + "message").Where(m => Id(m) == message).SelectMany(m => Extensions(m, Zeebe)).FirstOrDefault(e => e.Name.LocalName == "subscription"));
        if ((string?)subscription?.Attribute("correlationKey") is not { } key)
        {
            return null;
        }

        var translated = BpmnExpressions.Translate(key, null);
        return translated.Untranslated is null ? WorkflowExpression.Js(translated.Source) : new WorkflowExpression { Language = translated.Untranslated.ToLowerInvariant(), Source = key };
    }

    /// <summary>
    /// The event a message, signal or escalation event throws or catches, as FlowCenter names events: the message's
    /// or signal's name; an escalation's code under <c>escalation.</c>, which the calling case hears from its child.
    /// </summary>
    private (string Kind, string Name, WorkflowExpression? Key)? EventOf(XElement element, bool throws)
    {
        if (element.Element(Model + "messageEventDefinition") is { } message)
        {
            return ("message", (string?)message.Attribute("messageRef") is { } r ? _messages.GetValueOrDefault(r, r) : Name(element) ?? Id(element)!, CorrelationOf(element));
        }

        if (element.Element(Model + "signalEventDefinition") is { } signal)
        {
            return ("signal", (string?)signal.Attribute("signalRef") is { } r ? _signals.GetValueOrDefault(r, r) : Name(element) ?? Id(element)!, null);
        }

        if (element.Element(Model + "escalationEventDefinition") is { } escalation)
        {
            var code = (string?)escalation.Attribute("escalationRef") is { } r ? _escalations.GetValueOrDefault(r, r) : Name(element) ?? Id(element)!;
            return ("escalation", "escalation." + code, WorkflowExpression.Js(throws ? "parentInstanceId()" : "instanceId()"));
        }

        return null;
    }

    private void ReadCall(XElement element)
    {
        var node = AddNode(element, "SubProcess");
        var called = (string?)element.Attribute("calledElement")
            ?? (string?)Extensions(element, Zeebe).FirstOrDefault(e => e.Name.LocalName == "calledElement")?.Attribute("processId");
        node.Inputs["definitionId"] = InputValue.FromLiteral(IdOf(called ?? "process"));
        var inputs = Extensions(element, Camunda).Where(e => e.Name.LocalName == "in" && e.Attribute("target") is not null)
            .Select(e => $"{JsonSerializer.Serialize((string)e.Attribute("target")!)}: {(string?)e.Attribute("source") ?? BpmnExpressions.Translate((string?)e.Attribute("sourceExpression") ?? "null", null).Source}")
            .Concat(Extensions(element, Zeebe).Where(e => e.Name.LocalName == "ioMapping").Elements(Zeebe + "input")
                .Select(e => $"{JsonSerializer.Serialize((string?)e.Attribute("target") ?? "")}: {BpmnExpressions.Translate((string?)e.Attribute("source") ?? "null", null).Source}"))
            .ToList();
        if (inputs.Count > 0)
        {
            node.Inputs["input"] = InputValue.FromExpression("({ " + string.Join(", ", inputs) + " })");
        }

        var outputs = new JsonObject();
        foreach (var output in Extensions(element, Camunda).Where(e => e.Name.LocalName == "out" && e.Attribute("source") is not null && e.Attribute("target") is not null))
        {
            outputs[(string)output.Attribute("source")!] = (string)output.Attribute("target")!;
        }

        if (outputs.Count > 0)
        {
            node.Inputs["outputMapping"] = InputValue.FromLiteral(outputs);
        }

        Map(element, node.Id);
        Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"runs the process '{called}' as a sub-process", node.Id, "SubProcess");
    }

    private void ReadSubProcess(XElement element)
    {
        if (string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
        {
            ReadEventSubProcess(element);
            return;
        }

        if (!element.Elements(Model + "startEvent").Any())
        {
            // Collapsed, its steps kept elsewhere (or none drawn): one step stands for it.
            Placeholder(element, "emptySubProcess", null);
            return;
        }

        // Drawn into the process: a pass-through where it is entered, its own steps, a pass-through where it is left.
        var entry = PassThrough(element, "-in");
        var exit = PassThrough(element, "-out");
        _mapped[Id(element)!] = (entry.Id, exit.Id);
        var before = _definition.Nodes.Count;
        ReadScope(element, (entry.Id, exit.Id));
        _scopeNodes[Id(element)!] = [.. _definition.Nodes.Skip(before).Select(n => n.Id)];
        Note(element, ImportStatus.Changed, ImportCodes.Flattened, "the embedded sub-process is drawn into the process itself", null, "subProcess");
    }

    /// <summary>
    /// An event sub-process: its start becomes a step that waits while the case runs (for the message, signal or
    /// escalation, or the time after the case's start), interrupting the rest or not as the start says; its
    /// steps are drawn into the process after it. Errors and conditions cannot start one in FlowCenter.
    /// </summary>
    private void ReadEventSubProcess(XElement element)
    {
        var start = element.Elements(Model + "startEvent").FirstOrDefault();
        var timer = start?.Element(Model + "timerEventDefinition");
        var happening = start is null ? null : EventOf(start, throws: false);
        var after = timer is null ? null : DurationOf(timer).Duration;
        if (start is null || (happening is null && after is null))
        {
            var kind = EventKind(start);
            Note(element, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, $"an event sub-process started by {(kind == "timer" ? "a timer date or cycle" : "a " + kind + " event")}: FlowCenter's case can wait for an event or a time after its start only; its steps are left out", null, "eventSubProcessKind", kind);
            return;
        }

        var node = AddNode(start, "CaseEvent");
        var interrupting = !string.Equals((string?)start.Attribute("isInterrupting"), "false", StringComparison.OrdinalIgnoreCase);
        if (happening is var (_, name, key))
        {
            node.Inputs["eventName"] = InputValue.FromLiteral(name);
            if (key is not null)
            {
                node.Inputs["correlationKey"] = new InputValue { Expression = key };
            }
        }
        else
        {
            node.Inputs["after"] = InputValue.FromLiteral(after!);
        }

        if (!interrupting)
        {
            node.Inputs["interrupting"] = InputValue.FromLiteral(false);
        }

        Map(start, node.Id);
        Note(start, ImportStatus.Imported, ImportCodes.Mapped, interrupting ? "waits while the case runs, then ends the rest of it" : "waits while the case runs, beside the rest of it", node.Id, "CaseEvent");
        var exit = PassThrough(element, "-out");
        ReadScope(element, (node.Id, exit.Id));
        Note(element, ImportStatus.Changed, ImportCodes.Flattened, "an event sub-process: its start waits while the case runs, its steps are drawn into the process after it", null, "eventSubProcess");
    }

    private void ReadGateway(XElement element, string type)
    {
        var outgoing = OutgoingOf(element);
        if (outgoing.Count <= 1 && outgoing.All(f => f.Element(Model + "conditionExpression") is null) && _extras is null)
        {
            PassThrough(element);
            Note(element, ImportStatus.Changed, ImportCodes.Flattened, "a merging gateway: its incoming paths lead straight on", null, "merge");
            return;
        }

        var node = AddNode(element, type);
        Map(element, node.Id);
        Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"mapped to {type}", node.Id, type);
    }

    private void ReadParallel(XElement element)
    {
        var (incoming, outgoing) = (IncomingOf(element).Count, OutgoingOf(element).Count);
        if (_extras is not null)
        {
            // FlowCenter's own file: a fork or join as it was drawn, whatever its paths.
            incoming = Math.Min(incoming, 1);
        }

        if (incoming <= 1 && outgoing <= 1 && _extras is null)
        {
            PassThrough(element);
            return;
        }

        if (incoming > 1 && outgoing > 1)
        {
            var join = AddNode(element, "Join");
            var fork = AddNode(element, "Fork", "-fork");
            Connect(join.Id, Ports.Done, fork.Id);
            _mapped[Id(element)!] = (join.Id, fork.Id);
            Note(element, ImportStatus.Changed, ImportCodes.Approximated, "a gateway that joins and splits becomes a join followed by a fork", join.Id, "Join", "joinFork");
            return;
        }

        var node = AddNode(element, incoming > 1 ? "Join" : "Fork");
        Map(element, node.Id);
        Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"mapped to {node.Type}", node.Id, node.Type);
    }

    private void ReadCatch(XElement element)
    {
        if (element.Element(Model + "timerEventDefinition") is { } timer)
        {
            var node = Timer(element, timer);
            Map(element, node.Id);
            return;
        }

        if (element.Element(Model + "messageEventDefinition") is { } message)
        {
            ReadWait(element, (string?)message.Attribute("messageRef") is { } r ? _messages.GetValueOrDefault(r, r) : Name(element));
            return;
        }

        if (element.Element(Model + "signalEventDefinition") is { } signal)
        {
            ReadWait(element, (string?)signal.Attribute("signalRef") is { } r ? _signals.GetValueOrDefault(r, r) : Name(element));
            return;
        }

        if (element.Element(Model + "linkEventDefinition") is not null)
        {
            PassThrough(element);
            Note(element, ImportStatus.Imported, ImportCodes.Flattened, "a link: the path goes on from the link of the same name", null, "link");
            return;
        }

        var placeholder = AddNode(element, "Bpmn.IntermediateCatchEvent");
        Map(element, placeholder.Id);
        Note(element, ImportStatus.NotImported, ImportCodes.NotInFlowCenter, "FlowCenter cannot wait for this kind of event (a condition); a placeholder marks its place", placeholder.Id, "conditionalEvent");
    }

    private NodeDefinition Timer(XElement element, XElement timer)
    {
        if (timer.Element(Model + "timeDate")?.Value.Trim() is { Length: > 0 } date && !BpmnExpressions.IsExpression(date))
        {
            var at = AddNode(element, "Timer");
            at.Inputs["at"] = InputValue.FromLiteral(date);
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"waits until {date}", at.Id, "Timer");
            return at;
        }

        var node = AddNode(element, "Delay");
        var (duration, count) = DurationOf(timer);
        if (duration is not null)
        {
            node.Inputs["duration"] = InputValue.FromLiteral(duration);
        }

        if (count is not null || duration is null)
        {
            Note(element, ImportStatus.Changed, ImportCodes.SettingDropped, duration is null ? "the timer's value is an expression or unreadable; set the wait again" : "the cycle waits once, for its first interval", node.Id, timer.Value.Trim(), duration is null ? "timerValue" : "cycleOnce");
        }
        else
        {
            Note(element, ImportStatus.Imported, ImportCodes.Mapped, $"waits {duration}", node.Id, "Delay");
        }

        return node;
    }

    /// <summary>A timer's duration (ISO 8601), and for a cycle its repetitions (0: without end); nulls when it is an expression.</summary>
    private static (string? Duration, int? Count) DurationOf(XElement timer)
    {
        if (timer.Element(Model + "timeDuration")?.Value.Trim() is { Length: > 0 } duration)
        {
            return (duration.StartsWith('P') ? duration : null, null);
        }

        if (timer.Element(Model + "timeCycle")?.Value.Trim() is { Length: > 0 } cycle && CycleOf(cycle) is { } parsed)
        {
            return (parsed.Interval, parsed.Count);
        }

        return (null, null);
    }

    /// <summary>An ISO 8601 repeating interval, R6/P1D or R/PT1H (with or without a start), as interval and count.</summary>
    private static (string Interval, int Count)? CycleOf(string cycle)
    {
        var parts = cycle.Split('/');
        if (parts.Length < 2 || !parts[0].StartsWith('R'))
        {
            return null;
        }

        var count = parts[0].Length > 1 && int.TryParse(parts[0][1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var interval = parts.FirstOrDefault(p => p.StartsWith('P'));
        return interval is null ? null : (interval, count);
    }

    /// <summary>A timer start's schedule as cron: a cycle of whole minutes, hours or a day, or a cron text (Camunda's six or seven fields).</summary>
    private static string? Cron(XElement timer)
    {
        var text = timer.Element(Model + "timeCycle")?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (CycleOf(text) is { } cycle)
        {
            try
            {
                var span = System.Xml.XmlConvert.ToTimeSpan(cycle.Interval);
                return span.TotalMinutes switch
                {
                    1 => "* * * * *",
                    var m when m < 60 && m == Math.Floor(m) && 60 % m == 0 => $"*/{(int)m} * * * *",
                    60 => "0 * * * *",
                    var m when m < 1440 && m % 60 == 0 && 24 % (m / 60) == 0 => $"0 */{(int)(m / 60)} * * *",
                    1440 => "0 0 * * *",
                    _ => null,
                };
            }
            catch (FormatException)
            {
                return null;
            }
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 6 or 7 && fields[0] == "0")
        {
            return string.Join(' ', fields[1..6].Select(f => f == "?" ? "*" : f));
        }

        return fields.Length == 5 ? text : null;
    }

    private void ReadThrow(XElement element)
    {
        if (element.Element(Model + "linkEventDefinition") is not null)
        {
            PassThrough(element);
            Note(element, ImportStatus.Imported, ImportCodes.Flattened, "a link: the path goes on from the link of the same name", null, "link");
            return;
        }

        if (ReadPublish(element))
        {
            return;
        }

        if (element.Elements().Any(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)))
        {
            var node = AddNode(element, "Log");
            node.Inputs["text"] = InputValue.FromLiteral(Name(element) ?? Id(element)!);
            Map(element, node.Id);
            ThrowNote(element, node.Id);
            return;
        }

        PassThrough(element);
        Note(element, ImportStatus.Imported, ImportCodes.Flattened, "an intermediate event that only marks a point: the path goes on", null, "marker");
    }
}
