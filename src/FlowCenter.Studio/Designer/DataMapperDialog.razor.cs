using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Execution;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// The visual mapper of a Map data node: source fields from a sample on the left (click one to map it), the
/// target fields with their transforms on the right, and the result of the mapping for the sample below.
/// </summary>
public sealed partial class DataMapperDialog
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private List<MappingRow> _rows = [];
    private List<string> _paths = [];
    private string _sample = "";
    private JsonNode? _sampleJson;
    private string? _sampleProblem;
    private string? _problem;
    private int _selected = -1;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Parameter]
    public JsonArray? Mappings { get; set; }

    /// <summary>The names expression editors complete (the process's variables and inputs).</summary>
    [Parameter]
    public IReadOnlyList<string> Names { get; set; } = [];

    protected override void OnInitialized()
    {
        _rows = [.. (Mappings ?? []).OfType<JsonObject>().Select(MappingRow.From)];
        SampleChanged(MappingRow.SkeletonOf(_rows).ToJsonString(Indented));
    }

    private void SampleChanged(string? text)
    {
        _sample = text ?? "";
        try
        {
            _sampleJson = _sample.Trim().Length == 0 ? null : JsonNode.Parse(_sample);
            _sampleProblem = null;
            _paths = MappingRow.PathsOf(_sampleJson);
        }
        catch (JsonException ex)
        {
            _sampleProblem = ex.Message;
        }
    }

    private bool Used(string path) => _rows.Exists(r => r.Source == path || r.Sources.Split(',').Any(s => s.Trim() == path));

    /// <summary>A source field clicked: the selected field takes it, or a new field of the same name maps it.</summary>
    private void Pick(string path)
    {
        if (_selected >= 0 && _selected < _rows.Count)
        {
            var row = _rows[_selected];
            if (row.Transform == "concat")
            {
                row.Sources = row.Sources.Trim().Length == 0 ? path : $"{row.Sources}, {path}";
            }
            else
            {
                row.Source = path;
            }

            if (row.Target.Length == 0)
            {
                row.Target = path.Split('.')[^1];
            }

            return;
        }

        _rows.Add(new MappingRow { Target = path.Split('.')[^1], Source = path });
    }

    private void Add()
    {
        _rows.Add(new MappingRow { Target = $"field{_rows.Count + 1}" });
        _selected = _rows.Count - 1;
    }

    private void Remove(int index)
    {
        _rows.RemoveAt(index);
        _selected = -1;
    }

    private void Move(int index, int by)
    {
        (_rows[index], _rows[index + by]) = (_rows[index + by], _rows[index]);
        _selected = index + by;
    }

    private JsonArray Json => new([.. _rows.Select(r => (JsonNode)r.ToJson())]);

    /// <summary>The mapping applied to the sample (JavaScript fields stay empty: they run in the process).</summary>
    private string Preview
    {
        get
        {
            if (_sampleJson is null)
            {
                return L["MapperNoSample"].Value;
            }

            try
            {
                return DataMapping.Map(Json, _sampleJson, evaluate: null).ToJsonString(Indented);
            }
            catch (ActivityException ex)
            {
                return ex.Message;
            }
        }
    }

    private void Save()
    {
        _problem = _rows.Exists(r => r.Target.Trim().Length == 0) ? L["MapperTargetRule"].Value : null;
        if (_problem is null)
        {
            MudDialog.Close(DialogResult.Ok(Json));
        }
    }
}
