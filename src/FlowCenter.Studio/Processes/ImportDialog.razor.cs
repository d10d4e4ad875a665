using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.Validation;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>Reads an uploaded definition and shows its validation report before anything is saved.</summary>
public sealed partial class ImportDialog
{
    private WorkflowDefinition? _definition;
    private IReadOnlyList<ValidationProblem> _problems = [];
    private string? _error;
    private string? _errorDetail;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public IBrowserFile File { get; set; } = null!;

    [Parameter]
    public IReadOnlySet<string> ExistingIds { get; set; } = new HashSet<string>();

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private Designer.ProblemText Problems { get; set; } = null!;

    /// <summary>The step a problem is at, by its name in the file (its id beside it); nothing for the whole process.</summary>
    private string Where(ValidationProblem problem) =>
        problem.NodeId is { } id && _definition?.Nodes.Find(n => n.Id == id) is { DisplayName: { Length: > 0 } name } ? name : "";

    private List<ValidationProblem> Errors => [.. _problems.Where(p => p.Severity == ProblemSeverity.Error)];

    protected override async Task OnInitializedAsync()
    {
        if (File.Size > WorkflowJson.MaxDefinitionBytes)
        {
            _error = L["ImportTooLarge", WorkflowJson.MaxDefinitionBytes / (1024 * 1024)];
            return;
        }

        string text;
        using (var reader = new StreamReader(File.OpenReadStream(WorkflowJson.MaxDefinitionBytes)))
        {
            text = await reader.ReadToEndAsync();
        }

        try
        {
            _definition = WorkflowJson.ParseDefinition(text, File.Name);
            _problems = Engine.Validator.Validate(_definition);
        }
        catch (WorkflowFormatException ex)
        {
            // Say what the file is and what this import reads; the parser's own words go underneath.
            _error = DefinitionFiles.Guess(text) switch
            {
                DefinitionFileKind.Elsa => L["ImportIsElsa"],
                DefinitionFileKind.Bpmn => L["ImportIsBpmn"],
                DefinitionFileKind.OtherXml => L["ImportIsXml"],
                DefinitionFileKind.Unknown => L["ImportIsNotJson"],
                _ => L["ImportNotReadable"],
            };
            _errorDetail = ex.Message;
        }
    }

    private async Task SaveAsync(bool publish)
    {
        var saved = await Definitions.SaveDraftAsync(_definition!);
        if (publish)
        {
            saved = await Definitions.PublishAsync(saved.DefinitionId, saved.Version);
        }

        MudDialog.Close(DialogResult.Ok(saved));
    }
}
