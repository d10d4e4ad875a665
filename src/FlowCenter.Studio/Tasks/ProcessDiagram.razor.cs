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

    protected override void OnParametersSet() => _model = CanvasModelBuilder.Build(Definition, Activities, [], Words.Port);

    private async Task OnRenderedAsync(int nodes)
    {
        if (_canvas is not null)
        {
            await _canvas.HighlightAsync(Done, Failed, [], Current);
        }
    }
}
