using System.Text.Json.Nodes;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// Designs a node's form field by field (text, number, date, choice, user, attachment, table), with a live preview,
/// and, for a user task, each field's access at that node.
/// </summary>
public sealed partial class FormDesignerDialog
{
    private List<FormFieldModel> _fields = [];
    private readonly JsonObject _previewValues = [];
    private string? _problem;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Parameter]
    public JsonObject? Form { get; set; }

    [Parameter]
    public JsonObject? Access { get; set; }

    /// <summary>Whether the node has per-field access (a user task; a start form has not).</summary>
    [Parameter]
    public bool WithAccess { get; set; }

    private JsonObject Preview => new() { ["fields"] = new JsonArray([.. _fields.Where(f => f.Name.Length > 0).Select(f => f.ToJson())]) };

    private JsonObject PreviewAccess => AccessJson();

    protected override void OnInitialized() => _fields = [.. FormRules.FieldsOf(Form).Select(f => FormFieldModel.From(f, Access))];

    private void Add() => _fields.Add(new FormFieldModel { Name = $"field{_fields.Count + 1}" });

    private void Move(int index, int by) => (_fields[index], _fields[index + by]) = (_fields[index + by], _fields[index]);

    private JsonObject AccessJson()
    {
        var access = new JsonObject();
        foreach (var field in _fields.Where(f => f.Name.Length > 0 && f.Access != FormRules.Editable))
        {
            access[field.Name.Trim()] = field.Access;
        }

        return access;
    }

    private void Save()
    {
        var names = _fields.Select(f => f.Name.Trim()).ToList();
        _problem = names.Any(n => n.Length == 0 || !System.Text.RegularExpressions.Regex.IsMatch(n, "^[A-Za-z_][A-Za-z0-9_]*$"))
            ? L["FieldNameRule"].Value
            : names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } duplicate ? L["FieldNameTwice", duplicate.Key].Value : null;
        if (_problem is null)
        {
            MudDialog.Close(DialogResult.Ok(new Result(Preview, WithAccess ? AccessJson() : null)));
        }
    }

    /// <summary>The designed form and, for a user task, the access of its fields.</summary>
    public sealed record Result(JsonObject Form, JsonObject? Access);
}
