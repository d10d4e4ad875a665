using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.Validation;
using FlowCenter.Interop;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>
/// Reads an uploaded file (FlowCenter or Elsa 3 JSON, BPMN 2.0 XML, told apart by content) and shows, before
/// anything is saved, what became of each of its elements and what the validator says of the result.
/// </summary>
public sealed partial class ImportDialog
{
    private ImportPreview? _preview;
    private string? _error;
    private string? _errorDetail;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public IBrowserFile File { get; set; } = null!;

    [Inject]
    private DefinitionImports Imports { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private Designer.ProblemText Problems { get; set; } = null!;

    [Inject]
    private Designer.ActivityText Words { get; set; } = null!;

    [Inject]
    private ActivityRegistry Activities { get; set; } = null!;

    /// <summary>The step a problem is at, by its name in the file (its id beside it); nothing for the whole process.</summary>
    private static string Where(ValidationProblem problem, WorkflowDefinition definition) =>
        problem.NodeId is { } id && definition.Nodes.Find(n => n.Id == id) is { DisplayName: { Length: > 0 } name } ? name : "";

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
            _preview = await Imports.PreviewAsync(text, null, File.Name);
        }
        catch (WorkflowFormatException ex)
        {
            // Say what the file is and what this import reads; the reader's own words go underneath.
            _error = DefinitionFiles.Guess(text) switch
            {
                DefinitionFileKind.Elsa => L["ImportNotReadableElsa"],
                DefinitionFileKind.Bpmn => L["ImportNotReadableBpmn"],
                DefinitionFileKind.OtherXml => L["ImportIsXml"],
                DefinitionFileKind.Unknown => L["ImportIsNotJson"],
                _ => L["ImportNotReadable"],
            };
            _errorDetail = ex.Message;
        }
    }

    /// <summary>A report line in the user's language, from its code and parts.</summary>
    private string NoteText(ImportNote note)
    {
        var args = note.Arguments;
        string Step(int i) => args.Count > i && Activities.Find(args[i]) is { } activity ? Words.Name(activity) : args.Count > i ? args[i] : "";
        string Arg(int i) => args.Count > i ? args[i] : "";
        // A sentence chosen by the argument at i, filled with the arguments after it.
        string Part(string prefix, int i) => L[prefix + Arg(i), [.. args.Skip(i + 1)]];
        return note.Code switch
        {
            ImportCodes.Mapped => L["Import_Mapped", Step(0)],
            ImportCodes.Approximated => Arg(0).Length == 0 ? Part("ImportChange_", 1) : L["Import_Approximated", Step(0), Part("ImportChange_", 1)],
            ImportCodes.NotInFlowCenter => Part("ImportMissing_", 0),
            ImportCodes.Boundary => Part("ImportBoundary_", 0),
            ImportCodes.UnknownType => L["Import_UnknownType", Arg(0)],
            ImportCodes.ExpressionLanguage => L["Import_ExpressionLanguage", Arg(0), Arg(1)],
            ImportCodes.ExpressionRewritten => L["Import_ExpressionRewritten", Arg(0), Arg(1), Arg(2)],
            ImportCodes.SettingDropped => args.Count > 1 ? L["ImportDropped_" + Arg(1), Arg(0)] : L["Import_SettingDropped", Arg(0)],
            ImportCodes.DanglingConnection => L["Import_DanglingConnection", Arg(0)],
            ImportCodes.IdAssigned => L["Import_IdAssigned", Arg(0)],
            ImportCodes.Flattened => L["Import_Flattened_" + Arg(0)],
            ImportCodes.Variable => L["Import_Variable_" + Arg(1), Arg(0)],
            _ => note.Message,
        };
    }

    private async Task SaveAsync(bool publish)
    {
        _saving = true;
        var saved = await Imports.SaveAsync(_preview!, publish);
        MudDialog.Close(DialogResult.Ok(saved[0]));
    }
}
