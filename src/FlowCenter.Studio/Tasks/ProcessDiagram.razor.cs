using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Designer;
using Microsoft.AspNetCore.Components;

namespace FlowCenter.Studio.Tasks;

/// <summary>A process drawn read-only: the path so far in green, where the case waits now in amber.</summary>
public sealed partial class ProcessDiagram
{
    private DesignerCanvas? _canvas;
    private CanvasModel _model = new([], []);

    [Inject]
    private ActivityRegistry Activities { get; set; } = null!;

    [Inject]
    private ActivityText Words { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public WorkflowDefinition Definition { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<string> Done { get; set; } = [];

    [Parameter]
    public IReadOnlyList<string> Current { get; set; } = [];

    /// <summary>Nodes where the case stopped with an incident, in red.</summary>
    [Parameter]
    public IReadOnlyList<string> Failed { get; set; } = [];

    /// <summary>Connections the case went along (their ids), drawn green.</summary>
    [Parameter]
    public IReadOnlyList<string> Traversed { get; set; } = [];

    /// <summary>A short note on steps (executions and time spent), by step id.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string> Notes { get; set; } = new Dictionary<string, string>();

    /// <summary>A step was clicked.</summary>
    [Parameter]
    public EventCallback<string> NodeClicked { get; set; }

    private WorkflowDefinition? _drawn;
    private string _marks = "";
    private bool _redraw;
    private bool _annotated;

    /// <summary>
    /// The drawing is built once per definition; a page that refreshes (a case moving on) only repaints the marks,
    /// so the diagram neither flickers nor loses the user's zoom.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        var marks = string.Join('|', string.Join(',', Done), string.Join(',', Failed), string.Join(',', Traversed), string.Join(',', Current), string.Join(',', Notes.Select(n => n.Key + "=" + n.Value)));
        if (!ReferenceEquals(_drawn, Definition))
        {
            _drawn = Definition;
            _marks = marks;
            _model = CanvasModelBuilder.Build(Definition, Activities, [], Words.Port);
            _redraw = _canvas is not null;
        }
        else if (marks != _marks)
        {
            _marks = marks;
            await OnRenderedAsync(0);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_redraw && _canvas is { IsReady: true })
        {
            _redraw = false;
            await _canvas.RenderAsync(fit: true);
        }
    }

    /// <summary>The connections a journal shows the case went along: out of a step through the port it took, to a step that ran after.</summary>
    public static IReadOnlyList<string> TraversedBy(WorkflowDefinition definition, IReadOnlyList<Engine.State.JournalEntry> journal) =>
        [.. definition.Connections.Where(c => journal.Any(from => from.NodeId == c.Source && from.Outcome is { } outcome
                && outcome.Split(',').Contains(c.SourcePort, StringComparer.Ordinal)
                && journal.Any(to => to.NodeId == c.Target && to.Sequence > from.Sequence)))
            .Select(c => c.Id)];

    private async Task OnRenderedAsync(int nodes)
    {
        if (_canvas is not null)
        {
            await _canvas.HighlightAsync(Done, Failed, Traversed, Current);
            // Notes taken away (a step nobody waits at any more) are cleared, not left standing.
            if (Notes.Count > 0 || _annotated)
            {
                _annotated = Notes.Count > 0;
                await _canvas.AnnotateAsync(Notes);
            }
        }
    }
}
