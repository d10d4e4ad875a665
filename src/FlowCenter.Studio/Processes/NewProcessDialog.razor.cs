using System.Text.RegularExpressions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>Asks for the id and name of a new (or cloned) process.</summary>
public sealed partial class NewProcessDialog
{
    private string _id = "";
    private string _name = "";

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Parameter]
    public IReadOnlySet<string> TakenIds { get; set; } = new HashSet<string>();

    [Parameter]
    public string? SuggestedId { get; set; }

    [Parameter]
    public string? SuggestedName { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private string? IdError =>
        _id.Length == 0 ? null
        : !IdPattern().IsMatch(_id) ? L["IdInvalid"].Value
        : TakenIds.Contains(_id) ? L["IdTaken"].Value
        : null;

    private bool CanSave => _id.Length > 0 && IdError is null && !string.IsNullOrWhiteSpace(_name);

    protected override void OnInitialized()
    {
        _id = SuggestedId ?? "";
        _name = SuggestedName ?? "";
    }

    private void Save() => MudDialog.Close(DialogResult.Ok(new Answer(_id, _name.Trim())));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex IdPattern();

    public sealed record Answer(string Id, string Name)
    {
        /// <summary>The new process: a start node waiting for the rest.</summary>
        public Engine.Definitions.WorkflowDefinition ToDefinition() => new()
        {
            Id = Id,
            Name = Name,
            Nodes = [new Engine.Definitions.NodeDefinition { Id = "start", Type = "Start", DisplayName = "Start", Layout = new Engine.Definitions.NodeLayout { X = 80, Y = 160 } }],
        };
    }
}
