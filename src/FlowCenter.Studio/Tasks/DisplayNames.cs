using FlowCenter.Engine.Definitions;
using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Tasks;

/// <summary>User names to the names people see, for the inbox, task and request pages.</summary>
internal static class DisplayNames
{
    public static Dictionary<string, string> ByUserName(IEnumerable<Person> people) =>
        people.ToDictionary(p => p.UserName, p => p.DisplayName, StringComparer.OrdinalIgnoreCase);

    public static async Task<Dictionary<string, string>> LoadAsync(IDirectory directory) => ByUserName(await directory.ListUsersAsync());

    /// <summary>
    /// Adds the events that start these processes under their start step's name ("event:order.confirmed" as "CRM
    /// order confirmed"), so that a case started by a system says which event in the process's own words.
    /// </summary>
    public static Dictionary<string, string> WithEvents(this Dictionary<string, string> names, IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var node in definitions.SelectMany(d => d.Nodes).Where(n => n.Type.EndsWith("Start", StringComparison.Ordinal) && !string.IsNullOrEmpty(n.DisplayName)))
        {
            if (node.Inputs.GetValueOrDefault("eventName")?.Literal is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var eventName))
            {
                names.TryAdd("event:" + eventName, node.DisplayName!);
            }
        }

        return names;
    }
}
