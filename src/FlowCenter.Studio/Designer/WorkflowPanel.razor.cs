using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>The whole process when nothing is selected: name, description, variables, inputs, outputs, settings.</summary>
public sealed partial class WorkflowPanel
{
    [Parameter]
    [EditorRequired]
    public WorkflowDefinition Definition { get; set; } = null!;

    [Parameter]
    public string? LinesError { get; set; }

    [Parameter]
    public EventCallback<(string Name, string? Description)> WorkflowChanged { get; set; }

    [Parameter]
    public EventCallback<(string Which, string Lines)> LinesChanged { get; set; }

    [Parameter]
    public EventCallback<(IncidentStrategy Strategy, int MaxSteps)> SettingsChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private Task ChangeLinesAsync(LinesKind kind, string lines) => LinesChanged.InvokeAsync((kind.ToString().ToLowerInvariant(), lines));

    private string VariableLines => ParameterLines.Format(Definition.Variables.Select(v => (v.Name, v.Type, v.Default, false)));

    private string InputLines => ParameterLines.Format(Definition.Inputs.Select(p => (p.Name, p.Type, p.Default, p.Required)));

    private string OutputLines => ParameterLines.Format(Definition.Outputs.Select(p => (p.Name, p.Type, p.Default, false)));

    private enum LinesKind
    {
        Variables,
        Inputs,
        Outputs,
    }
}
