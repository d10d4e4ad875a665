using System.Text.RegularExpressions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>
/// Asks for the name and id of a new (or cloned) process. The id is proposed from the name (letters and digits
/// of it, made unique) until the user writes one; Save says why it cannot save yet.
/// </summary>
public sealed partial class NewProcessDialog
{
    private string _id = "";
    private string _name = "";
    private bool _idWritten;

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

    [Inject]
    private Engine.Activities.ActivityRegistry Activities { get; set; } = null!;

    [Inject]
    private Designer.ActivityText Words { get; set; } = null!;

    private string? IdError =>
        _id.Length == 0 ? null
        : !IdPattern().IsMatch(_id) ? L["IdInvalid"].Value
        : TakenIds.Contains(_id) ? L["IdTaken"].Value
        : null;

    /// <summary>Why Save is not possible yet; null when it is.</summary>
    private string? WhyNot =>
        string.IsNullOrWhiteSpace(_name) ? L["NewProcessNeedsName"].Value
        : _id.Length == 0 ? L["NewProcessNeedsId"].Value
        : IdError;

    protected override void OnInitialized()
    {
        _name = SuggestedName ?? "";
        _id = SuggestedId ?? ProposeId(_name, TakenIds);
        _idWritten = SuggestedId is not null;
    }

    private void OnNameChanged(string? name)
    {
        _name = name ?? "";
        if (!_idWritten)
        {
            _id = ProposeId(_name, TakenIds);
        }
    }

    private void OnIdChanged(string? id)
    {
        _id = (id ?? "").Trim();
        _idWritten = _id.Length > 0;
    }

    /// <summary>
    /// An id from a name: its letters and digits in lower case, words joined by '-' ("Purchase request" gives
    /// "purchase-request"); a name with none of them (a Chinese one) gives "process"; "-2", "-3"... when taken.
    /// </summary>
    internal static string ProposeId(string name, IReadOnlySet<string> taken)
    {
        // Accents fall away ("é" is "e" and a combining mark), then everything but letters and digits parts words.
        var plain = string.Concat(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));
        var words = NonIdCharacters().Replace(plain, " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());
        var stem = string.Join('-', words);
        stem = stem.Length == 0 ? "process" : stem.Length > 60 ? stem[..60].TrimEnd('-') : stem;
        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonIdCharacters();

    private void Save()
    {
        if (WhyNot is null)
        {
            MudDialog.Close(DialogResult.Ok(new Answer(_id, _name.Trim(), Activities.Find("Start") is { } start ? Words.Name(start) : "Start")));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex IdPattern();

    /// <summary>The new process's id and name, and the name of its start step in the user's language.</summary>
    public sealed record Answer(string Id, string Name, string StartName)
    {
        /// <summary>The new process: a start node waiting for the rest.</summary>
        public Engine.Definitions.WorkflowDefinition ToDefinition() => new()
        {
            Id = Id,
            Name = Name,
            Nodes = [new Engine.Definitions.NodeDefinition { Id = "start", Type = "Start", DisplayName = StartName, Layout = new Engine.Definitions.NodeLayout { X = 80, Y = 160 } }],
        };
    }
}
