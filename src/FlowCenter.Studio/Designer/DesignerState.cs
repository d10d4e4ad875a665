using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// The definition being edited and every change the designer makes to it, with undo and redo.
/// The canvas only draws this state; all editing goes through here.
/// </summary>
public sealed class DesignerState(WorkflowDefinition definition, ActivityRegistry activities)
{
    private readonly Stack<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public WorkflowDefinition Definition { get; private set; } = definition;

    public bool IsDirty { get; private set; }

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public ActivityRegistry Activities => activities;

    /// <param name="displayName">The new node's name in the designer's language; the activity's own name without it.</param>
    public NodeDefinition AddNode(string type, double x, double y, string? displayName = null)
    {
        var descriptor = activities.Find(type) ?? throw new ArgumentException($"Unknown activity type '{type}'.", nameof(type));
        Change();
        var prefix = char.ToLowerInvariant(type[0]) + type[1..];
        var number = 1;
        while (Definition.Nodes.Exists(n => n.Id == $"{prefix}{number}"))
        {
            number++;
        }

        var node = new NodeDefinition { Id = $"{prefix}{number}", Type = type, DisplayName = displayName ?? descriptor.DisplayName, Layout = new NodeLayout { X = x, Y = y } };
        Definition.Nodes.Add(node);
        return node;
    }

    public void MoveNode(string nodeId, double x, double y)
    {
        var node = Node(nodeId);
        if (node.Layout is { } layout && layout.X == x && layout.Y == y)
        {
            return;
        }

        Change();
        node.Layout = new NodeLayout { X = x, Y = y, Width = node.Layout?.Width, Height = node.Layout?.Height };
    }

    public ConnectionDefinition Connect(string source, string port, string target)
    {
        Change();
        var number = Definition.Connections.Count + 1;
        while (Definition.Connections.Exists(c => c.Id == $"c{number}"))
        {
            number++;
        }

        var sourceType = activities.Find(Node(source).Type);
        var connection = new ConnectionDefinition { Id = $"c{number}", Source = source, SourcePort = port, Target = target };
        if (sourceType?.TypeName is "Decision" && port != Ports.Default && port != Ports.Error)
        {
            connection.Condition = WorkflowExpression.Js("true");
        }

        Definition.Connections.Add(connection);
        return connection;
    }

    /// <summary>Deletes nodes (with their connections) and connections.</summary>
    public void Delete(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<string> connectionIds)
    {
        if (nodeIds.Count == 0 && connectionIds.Count == 0)
        {
            return;
        }

        Change();
        Definition.Nodes.RemoveAll(n => nodeIds.Contains(n.Id));
        Definition.Connections.RemoveAll(c => connectionIds.Contains(c.Id) || nodeIds.Contains(c.Source) || nodeIds.Contains(c.Target));
    }

    /// <summary>Copies nodes and the connections between them, offset so the copy is visible.</summary>
    public IReadOnlyList<string> Duplicate(IReadOnlyCollection<string> nodeIds)
    {
        var originals = Definition.Nodes.Where(n => nodeIds.Contains(n.Id)).ToList();
        if (originals.Count == 0)
        {
            return [];
        }

        var map = new Dictionary<string, string>();
        foreach (var original in originals)
        {
            var copy = AddNode(original.Type, (original.Layout?.X ?? 0) + 40, (original.Layout?.Y ?? 0) + 40);
            copy.DisplayName = original.DisplayName;
            copy.Inputs = original.Inputs.ToDictionary(i => i.Key, i => new InputValue { Literal = i.Value.Literal?.DeepClone(), Expression = i.Value.Expression is { } e ? WorkflowExpression.Js(e.Source) : null });
            map[original.Id] = copy.Id;
        }

        foreach (var connection in Definition.Connections.Where(c => map.ContainsKey(c.Source) && map.ContainsKey(c.Target)).ToList())
        {
            var copy = Connect(map[connection.Source], connection.SourcePort, map[connection.Target]);
            copy.Condition = connection.Condition;
            copy.Label = connection.Label;
        }

        return [.. map.Values];
    }

    public void SetDisplayName(string nodeId, string? name)
    {
        Change();
        Node(nodeId).DisplayName = string.IsNullOrWhiteSpace(name) ? null : name;
    }

    /// <summary>Sets an input to a literal (JSON text, or plain text for text inputs) or to a JavaScript expression; empty clears it.</summary>
    public void SetInput(string nodeId, string input, string? text, bool expression)
    {
        Change();
        var node = Node(nodeId);
        if (string.IsNullOrEmpty(text))
        {
            node.Inputs.Remove(input);
            return;
        }

        var type = activities.Find(node.Type)?.FindInput(input)?.Type ?? DataType.Any;
        node.Inputs[input] = expression ? InputValue.FromExpression(text) : InputValue.FromLiteral(ParseLiteral(type, text));
    }

    /// <summary>
    /// Sets what a waiting step does while it waits. A listener whose branch was renamed keeps its connections
    /// (they move to the new name); the connections of a listener, deadline or reminder taken away go with it.
    /// </summary>
    public void SetWaiting(string nodeId, NodeWaiting waiting)
    {
        Change();
        var node = Node(nodeId);
        var before = node.Events ?? [];
        var after = waiting.Events is { Count: > 0 } events ? events : null;
        if (after is not null && after.Count == before.Count)
        {
            for (var i = 0; i < after.Count; i++)
            {
                foreach (var connection in Definition.Connections.Where(c => c.Source == nodeId && c.SourcePort == before[i].Port && after[i].Port != before[i].Port && after[i].Port.Length > 0))
                {
                    connection.SourcePort = after[i].Port;
                }
            }
        }

        var gone = before.Select(l => l.Port).Where(p => after?.Exists(l => l.Port == p) != true).ToList();
        if (waiting.Timeout is null)
        {
            gone.Add(Ports.Timeout);
        }

        if (waiting.Reminder is null)
        {
            gone.Add(Ports.Reminder);
        }

        Definition.Connections.RemoveAll(c => c.Source == nodeId && gone.Contains(c.SourcePort));
        node.Timeout = waiting.Timeout;
        node.Reminder = waiting.Reminder;
        node.Events = after;
    }

    /// <summary>The points a connection is routed through, as the user dragged them; none routes it freely.</summary>
    public void SetVertices(string connectionId, IReadOnlyList<Point> vertices)
    {
        var connection = Definition.Connections.Single(c => c.Id == connectionId);
        if (connection.Vertices.Select(p => (p.X, p.Y)).SequenceEqual(vertices.Select(p => (p.X, p.Y))))
        {
            return;
        }

        Change();
        connection.Vertices = [.. vertices.Select(p => new Point { X = Math.Round(p.X), Y = Math.Round(p.Y) })];
    }

    public void SetConnection(string connectionId, string? label, string? condition)
    {
        Change();
        var connection = Definition.Connections.Single(c => c.Id == connectionId);
        connection.Label = string.IsNullOrWhiteSpace(label) ? null : label;
        connection.Condition = string.IsNullOrWhiteSpace(condition) ? null : WorkflowExpression.Js(condition);
    }

    public void SetWorkflow(string name, string? description)
    {
        Change();
        Definition.Name = name;
        Definition.Description = string.IsNullOrWhiteSpace(description) ? null : description;
    }

    public void SetSettings(IncidentStrategy strategy, int maxStepsPerBurst)
    {
        Change();
        Definition.Settings.IncidentStrategy = strategy;
        Definition.Settings.MaxStepsPerBurst = maxStepsPerBurst;
    }

    /// <summary>Who may start the process by hand; null is everyone.</summary>
    public void SetStarters(StartRights? rights)
    {
        Change();
        Definition.Settings.StartableBy = rights is null || rights.IsEveryone ? null : rights;
    }

    public void SetSubProcessOnly(bool subProcessOnly)
    {
        Change();
        Definition.Settings.SubProcessOnly = subProcessOnly;
    }

    /// <summary>Variables from lines of <c>name:type[:default]</c>; the default is JSON (or text).</summary>
    public void SetVariables(string lines)
    {
        var parsed = ParameterLines.Parse(lines);
        Change();
        Definition.Variables = [.. parsed.Select(p => new VariableDefinition { Name = p.Name, Type = p.Type, Default = p.Default })];
    }

    /// <summary>Inputs or outputs from lines of <c>name:type[:default]</c>; a trailing <c>!</c> on the name makes an input required.</summary>
    public void SetParameters(string lines, bool outputs)
    {
        var parsed = ParameterLines.Parse(lines);
        Change();
        var parameters = parsed.Select(p => new ParameterDefinition { Name = p.Name, Type = p.Type, Default = p.Default, Required = p.Required }).ToList();
        if (outputs)
        {
            Definition.Outputs = parameters;
        }
        else
        {
            Definition.Inputs = parameters;
        }
    }

    /// <summary>Places nodes left to right by their distance from the start, each column top to bottom.</summary>
    /// <summary>
    /// Lays the graph out left to right: each node one column after its furthest predecessor (loops' back
    /// connections ignored), each column ordered by its predecessors' rows to keep lines from crossing and
    /// centred on the tallest, every hand-routed connection routed freely again.
    /// </summary>
    public void AutoLayout()
    {
        Change();
        var forward = ForwardConnections();
        var incoming = forward.ToLookup(c => c.Target, c => c.Source);
        var rank = new Dictionary<string, int>();
        foreach (var id in TopologicalOrder(forward))
        {
            rank[id] = incoming[id].Select(s => rank.GetValueOrDefault(s) + 1).DefaultIfEmpty(0).Max();
        }

        var columns = Definition.Nodes.GroupBy(n => rank.GetValueOrDefault(n.Id)).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var row = new Dictionary<string, double>();
        foreach (var column in columns)
        {
            var ordered = column
                .Select((n, i) => (Node: n, Key: incoming[n.Id].Where(row.ContainsKey).Select(s => row[s]).DefaultIfEmpty(i).Average(), Index: i))
                .OrderBy(x => x.Key).ThenBy(x => x.Index).Select(x => x.Node).ToList();
            column.Clear();
            column.AddRange(ordered);
            for (var i = 0; i < column.Count; i++)
            {
                row[column[i].Id] = i;
            }
        }

        var tallest = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        for (var x = 0; x < columns.Count; x++)
        {
            var offset = (tallest - columns[x].Count) * 55;
            for (var y = 0; y < columns[x].Count; y++)
            {
                var node = columns[x][y];
                node.Layout = new NodeLayout { X = 60 + (x * 220), Y = 60 + offset + (y * 110), Width = node.Layout?.Width, Height = node.Layout?.Height };
            }
        }

        foreach (var connection in Definition.Connections)
        {
            connection.Vertices = [];
        }
    }

    /// <summary>The connections without those closing a loop (found by a depth-first walk from the triggers).</summary>
    private List<ConnectionDefinition> ForwardConnections()
    {
        var outgoing = Definition.Connections.ToLookup(c => c.Source);
        var state = new Dictionary<string, bool>(); // false: on the walk's path, true: finished
        var back = new HashSet<ConnectionDefinition>();
        var roots = Definition.Nodes.Where(n => activities.Find(n.Type)?.IsTrigger == true).Concat(Definition.Nodes).Select(n => n.Id);
        foreach (var root in roots.Where(r => !state.ContainsKey(r)))
        {
            var stack = new Stack<(string Id, IEnumerator<ConnectionDefinition> Next)>();
            state[root] = false;
            stack.Push((root, outgoing[root].GetEnumerator()));
            while (stack.Count > 0)
            {
                var (id, next) = stack.Peek();
                if (!next.MoveNext())
                {
                    state[id] = true;
                    stack.Pop();
                    continue;
                }

                var target = next.Current.Target;
                if (!state.TryGetValue(target, out var finished))
                {
                    state[target] = false;
                    stack.Push((target, outgoing[target].GetEnumerator()));
                }
                else if (!finished)
                {
                    back.Add(next.Current);
                }
            }
        }

        return [.. Definition.Connections.Where(c => !back.Contains(c))];
    }

    private List<string> TopologicalOrder(List<ConnectionDefinition> forward)
    {
        var known = Definition.Nodes.Select(n => n.Id).ToHashSet();
        var edges = forward.Where(c => known.Contains(c.Source) && known.Contains(c.Target)).ToList();
        var waiting = known.ToDictionary(id => id, id => edges.Count(c => c.Target == id));
        var outgoing = edges.ToLookup(c => c.Source, c => c.Target);
        var ready = new Queue<string>(known.Where(id => waiting[id] == 0));
        var order = new List<string>();
        while (ready.TryDequeue(out var id))
        {
            order.Add(id);
            foreach (var target in outgoing[id])
            {
                if (--waiting[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }

        return order;
    }

    /// <summary>Replaces the whole definition with edited JSON; a parse error changes nothing.</summary>
    public void ApplyJson(string json)
    {
        var parsed = WorkflowJson.ParseDefinition(json, "the JSON view");
        Change();
        Definition = parsed;
    }

    public string ToJson() => WorkflowJson.Write(Definition);

    public void Undo() => Swap(_undo, _redo);

    public void Redo() => Swap(_redo, _undo);

    public void MarkSaved() => IsDirty = false;

    private void Swap(Stack<string> from, Stack<string> to)
    {
        if (from.Count == 0)
        {
            return;
        }

        to.Push(ToJson());
        Definition = WorkflowJson.ParseDefinition(from.Pop());
        IsDirty = true;
    }

    private void Change()
    {
        _undo.Push(ToJson());
        _redo.Clear();
        IsDirty = true;
    }

    private NodeDefinition Node(string nodeId) =>
        Definition.Nodes.Find(n => n.Id == nodeId) ?? throw new ArgumentException($"No node '{nodeId}'.", nameof(nodeId));

    private static JsonNode? ParseLiteral(DataType type, string text)
    {
        if (type is DataType.String or DataType.Script or DataType.Duration or DataType.DateTime or DataType.Cron)
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
