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
    private HashSet<ImportPreviewItem> _chosen = [];

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
    private ImportNoteText Notes { get; set; } = null!;

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
            _chosen = [.. _preview.Items];
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

    private string NoteText(ImportNote note) => Notes.Of(note);

    private void Choose(ImportPreviewItem item, bool on) => _ = on ? _chosen.Add(item) : _chosen.Remove(item);

    private async Task SaveAsync(bool publish)
    {
        _saving = true;
        var saved = await Imports.SaveAsync(_preview! with { Items = [.. _preview!.Items.Where(_chosen.Contains)] }, publish);
        MudDialog.Close(DialogResult.Ok(saved[0]));
    }
}
