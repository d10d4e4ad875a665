using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>A waiting step's deadline, reminder and the events it listens for while it waits.</summary>
public sealed partial class WaitingSettings
{
    [Parameter, EditorRequired]
    public NodeDefinition Node { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    [Parameter]
    public ProblemText? Texts { get; set; }

    [Parameter]
    public EventCallback<NodeWaiting> WaitingChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private List<EventListenerSettings> Listeners => Node.Events ?? [];

    /// <summary>The words of this node's problem about a setting ("timeout", or a listener's port taken).</summary>
    private string? Problem(string topic, string? port = null)
    {
        var problem = Problems.FirstOrDefault(p => p.NodeId == Node.Id && p.Arguments.Count > 0 && p.Arguments[0] == topic && (port is null || p.Arguments[^1] == port));
        return problem is null ? null : Texts?.Of(problem, [Node]) ?? problem.Message;
    }

    private static string Trimmed(string? text) => text?.Trim() ?? "";

    private Task ChangeAsync(Func<NodeWaiting, NodeWaiting> change) => WaitingChanged.InvokeAsync(change(NodeWaiting.Of(Node)));

    private Task SetAsync(int index, Action<EventListenerSettings> change) => ChangeAsync(w =>
    {
        var listeners = w.Copy();
        change(listeners[index]);
        return w with { Events = listeners };
    });

    private Task RemoveAsync(int index) => ChangeAsync(w =>
    {
        var listeners = w.Copy();
        listeners.RemoveAt(index);
        return w with { Events = listeners };
    });

    private Task AddAsync() => ChangeAsync(w =>
    {
        var listeners = w.Copy();
        var taken = new HashSet<string>(listeners.Select(l => l.Port), StringComparer.Ordinal);
        var number = listeners.Count + 1;
        while (!taken.Add("event" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            number++;
        }

        listeners.Add(new EventListenerSettings { Event = "", Port = "event" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return w with { Events = listeners };
    });
}

/// <summary>What a step does while it waits, as the designer edits it at once.</summary>
public sealed record NodeWaiting(string? Timeout, ReminderSettings? Reminder, List<EventListenerSettings>? Events)
{
    public static NodeWaiting Of(NodeDefinition node) => new(node.Timeout, node.Reminder, node.Events);

    /// <summary>The listeners, each copied, for a change that must not touch the node until it is applied.</summary>
    public List<EventListenerSettings> Copy() => (Events ?? []).ConvertAll(l => new EventListenerSettings
    {
        Event = l.Event,
        CorrelationKey = l.CorrelationKey,
        Port = l.Port,
        Interrupting = l.Interrupting,
        ResultVariable = l.ResultVariable,
    });
}
