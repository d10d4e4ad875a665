using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Interop;

/// <summary>
/// What an export must add in FlowCenter's own words so that importing it gives the definition back: the
/// exporter writes the file in the other format's terms, reads it back, and notes here every field of a node or
/// connection that did not come back the same; only those go into the file's FlowCenter extension.
/// </summary>
internal sealed class ReadBack(Func<ConnectionDefinition, string> connectionKey)
{
    public Dictionary<string, JsonObject> Nodes { get; } = new(StringComparer.Ordinal);

    public JsonObject Connections { get; } = [];

    /// <summary>Per node, the other format's port names that stand for FlowCenter's (Elsa's True for a decision's branch).</summary>
    public JsonObject Ports { get; } = [];

    public string KeyOf(ConnectionDefinition connection) => connectionKey(connection);

    /// <summary>Each connection's key and id in the definition's order, for a file whose format reads some of them out of order (a loop's body, an event sub-process).</summary>
    public JsonArray OrderOf(WorkflowDefinition definition) => [.. definition.Connections.Select(c => (JsonNode?)new JsonArray(KeyOf(c), c.Id))];

    /// <summary>
    /// The other side of <see cref="OrderOf"/>: each connection found by its key (else, when the format renamed
    /// its port, by <paramref name="alike"/>), in the order written, takes the id written beside it.
    /// </summary>
    public static void RestoreOrder(WorkflowDefinition definition, JsonArray order, Func<ConnectionDefinition, string> keyOf, Func<string, ConnectionDefinition, bool>? alike = null)
    {
        var written = order.OfType<JsonArray>().Select(pair => (Key: Ids.Text(pair[0]) ?? "", Id: Ids.Text(pair[1]))).ToList();
        var placed = new ConnectionDefinition?[written.Count];
        var left = definition.Connections.ToList();
        foreach (var exact in new[] { true, false })
        {
            for (var i = 0; i < written.Count; i++)
            {
                var key = written[i].Key;
                if (placed[i] is null && left.Find(c => exact ? keyOf(c) == key : alike?.Invoke(key, c) == true) is { } connection)
                {
                    left.Remove(connection);
                    connection.Id = written[i].Id ?? connection.Id;
                    placed[i] = connection;
                }
            }
        }

        definition.Connections = [.. placed.OfType<ConnectionDefinition>(), .. left];
    }

    /// <summary>Notes what differs between the definition and what its file gave back; false when nothing did.</summary>
    /// <param name="portName">The other format's name of a connection's port, for formats whose ports are names (Elsa); null for the others.</param>
    public bool Learn(WorkflowDefinition original, WorkflowDefinition back, Func<WorkflowDefinition, ConnectionDefinition, string>? portName = null)
    {
        var learned = false;
        foreach (var node in original.Nodes)
        {
            var read = back.Nodes.Find(n => n.Id == node.Id);
            var extra = Nodes.TryGetValue(node.Id, out var known) ? known : new JsonObject();
            learned |= Differ(extra, "type", node.Type, read?.Type);
            learned |= Differ(extra, "displayName", node.DisplayName, read?.DisplayName);
            learned |= Differ(extra, "description", node.Description, read?.Description);
            learned |= Differ(extra, "layout", node.Layout, read?.Layout);
            learned |= Differ(extra, "timeout", node.Timeout, read?.Timeout);
            learned |= Differ(extra, "retry", node.Retry, read?.Retry);
            learned |= Differ(extra, "reminder", node.Reminder, read?.Reminder);
            learned |= Differ(extra, "events", node.Events, read?.Events);
            learned |= Differ(extra, "inputs", node.Inputs, read?.Inputs);
            if (extra.Count > 0)
            {
                Nodes[node.Id] = extra;
            }
        }

        for (var i = 0; i < original.Connections.Count; i++)
        {
            var mine = original.Connections[i];
            var theirs = back.Connections.Find(c => c.Id == mine.Id) ?? (i < back.Connections.Count ? back.Connections[i] : null);
            if (theirs is null)
            {
                continue;
            }

            if (mine.SourcePort != theirs.SourcePort && mine.Source == theirs.Source && portName is not null)
            {
                var ports = Ports[mine.Source] as JsonObject ?? (JsonObject)(Ports[mine.Source] = new JsonObject());
                ports[portName(original, mine)] = mine.SourcePort;
                learned = true;
            }

            var key = KeyOf(mine);
            var extra = Connections[key] as JsonObject ?? new JsonObject();
            learned |= Differ(extra, "id", mine.Id, theirs.Id);
            if (portName is null)
            {
                learned |= Differ(extra, "port", mine.SourcePort, theirs.SourcePort);
            }

            learned |= Differ(extra, "condition", mine.Condition, theirs.Condition);
            learned |= Differ(extra, "label", mine.Label, theirs.Label);
            learned |= Differ(extra, "vertices", mine.Vertices, theirs.Vertices);
            if (extra.Count > 0)
            {
                Connections[key] = extra;
            }
        }

        return learned;
    }

    /// <summary>
    /// Gives a node what an export noted of it (the other side of <see cref="Learn"/>): each field written there
    /// wins over what was read, a null included.
    /// </summary>
    public static void Apply(NodeDefinition node, JsonObject extras)
    {
        var options = WorkflowJson.Options;
        if (extras.ContainsKey("displayName"))
        {
            node.DisplayName = Ids.Text(extras["displayName"]);
        }

        if (extras.ContainsKey("description"))
        {
            node.Description = Ids.Text(extras["description"]);
        }

        if (extras.ContainsKey("layout"))
        {
            node.Layout = extras["layout"]?.Deserialize<NodeLayout>(options);
        }

        if (extras.ContainsKey("inputs"))
        {
            node.Inputs = extras["inputs"]?.Deserialize<Dictionary<string, InputValue>>(options) ?? [];
        }

        if (extras.ContainsKey("retry"))
        {
            node.Retry = extras["retry"]?.Deserialize<RetryPolicy>(options);
        }

        if (extras.ContainsKey("timeout"))
        {
            node.Timeout = Ids.Text(extras["timeout"]);
        }

        if (extras.ContainsKey("reminder"))
        {
            node.Reminder = extras["reminder"]?.Deserialize<ReminderSettings>(options);
        }

        if (extras.ContainsKey("events"))
        {
            node.Events = extras["events"]?.Deserialize<List<EventListenerSettings>>(options);
        }
    }

    /// <summary>Gives a connection what an export noted of it: its condition, label and bends; its id when no other has it.</summary>
    public static void Apply(ConnectionDefinition connection, JsonObject extras, WorkflowDefinition definition)
    {
        if (extras.ContainsKey("condition"))
        {
            connection.Condition = extras["condition"]?.Deserialize<WorkflowExpression>(WorkflowJson.Options);
        }

        if (extras.ContainsKey("label"))
        {
            connection.Label = Ids.Text(extras["label"]);
        }

        if (extras["vertices"] is JsonArray bends)
        {
            connection.Vertices = bends.Deserialize<List<Point>>(WorkflowJson.Options) ?? [];
        }

        if (Ids.Text(extras["id"]) is { Length: > 0 } id && definition.Connections.All(c => c == connection || c.Id != id))
        {
            connection.Id = id;
        }
    }

    private static bool Differ<T>(JsonObject extra, string name, T mine, T theirs)
    {
        var a = JsonSerializer.SerializeToNode(mine, WorkflowJson.Options);
        var b = JsonSerializer.SerializeToNode(theirs, WorkflowJson.Options);
        if (JsonNode.DeepEquals(a, b) || extra.ContainsKey(name))
        {
            return false;
        }

        extra[name] = a;
        return true;
    }
}
