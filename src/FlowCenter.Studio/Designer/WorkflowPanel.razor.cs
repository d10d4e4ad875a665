using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// The whole process when nothing is selected: name, description, variables, inputs, outputs, who may start it
/// (everyone, or chosen roles, departments and people; or only as a sub-process), settings.
/// </summary>
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

    /// <summary>Who may start the process changed: roles, departments, user names, and whether it is a sub-process only.</summary>
    [Parameter]
    public EventCallback<StartRights?> StartersChanged { get; set; }

    [Parameter]
    public EventCallback<bool> SubProcessOnlyChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private OrganisationChoices Choices { get; set; } = null!;

    private StartRights Rights => Definition.Settings.StartableBy ?? new StartRights();

    protected override Task OnInitializedAsync() => Choices.LoadAsync();

    private async Task ChangeStartersAsync(IEnumerable<string> roles, IEnumerable<string> departments, IEnumerable<string> users, bool subProcessOnly)
    {
        if (subProcessOnly != Definition.Settings.SubProcessOnly)
        {
            await SubProcessOnlyChanged.InvokeAsync(subProcessOnly);
            return;
        }

        var rights = new StartRights { Roles = [.. roles], Departments = [.. departments], Users = [.. users] };
        await StartersChanged.InvokeAsync(rights.IsEveryone ? null : rights);
    }

    private string DepartmentName(string? id) => Choices.Departments.FirstOrDefault(d => d.Id == id)?.Name ?? id ?? "";

    private string PersonName(string? userName) => Choices.People.FirstOrDefault(p => p.UserName == userName)?.DisplayName ?? userName ?? "";

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
