using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Requests;

/// <summary>
/// The published processes a person can start by hand, each with its start form (the Start node's form, else a
/// field per declared input). An input named "requester" is the signed-in user.
/// </summary>
public sealed partial class NewRequest
{
    private const string Requester = "requester";

    private List<WorkflowDefinition>? _startable;
    private WorkflowDefinition? _chosen;
    private JsonObject? _form;
    private JsonObject _values = [];
    private List<string> _errors = [];
    private bool _busy;

    [Inject]
    private IDefinitionStore Definitions { get; set; } = null!;

    [Inject]
    private IWorkflowRuntime Runtime { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _startable = [];
        foreach (var latest in await Definitions.ListLatestAsync())
        {
            if (await Definitions.FindCurrentAsync(latest.DefinitionId) is { } current
                && DefinitionService.ParseStored(current) is var definition
                && definition.Nodes.Exists(n => n.Type == "Start"))
            {
                _startable.Add(definition);
            }
        }
    }

    private void Choose(WorkflowDefinition definition)
    {
        _chosen = definition;
        _errors = [];
        _values = [];
        _form = definition.Nodes.First(n => n.Type == "Start").Inputs.GetValueOrDefault("form")?.Literal as JsonObject ?? FormFromInputs(definition);
    }

    /// <summary>Without a designed start form, a field per input (the requester aside).</summary>
    private static JsonObject FormFromInputs(WorkflowDefinition definition) => new()
    {
        ["fields"] = new JsonArray([.. definition.Inputs.Where(i => i.Name != Requester).Select(i => new JsonObject
        {
            ["name"] = i.Name,
            ["label"] = i.Description ?? i.Name,
            ["type"] = i.Type switch { DataType.Number or DataType.Integer => "number", DataType.DateTime => "date", _ => "text" },
            ["required"] = i.Required,
        })]),
    };

    private async Task SubmitAsync()
    {
        var definition = _chosen!;
        _errors = [.. FormRules.Check(_form, null, _values, new Dictionary<string, JsonNode?>())];
        if (_errors.Count > 0)
        {
            return;
        }

        var user = await CurrentUser.GetAsync();
        var input = _values.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        if (definition.Inputs.Exists(i => i.Name == Requester))
        {
            input[Requester] = JsonValue.Create(user.Name);
        }

        _busy = true;
        try
        {
            var instance = await Runtime.StartAsync(new StartRequest(definition.Id) { Input = input, StartedBy = user.Name, BusinessKey = BusinessKey(definition.Id) });
            Snackbar.Add(L["RequestStarted", instance.BusinessKey ?? instance.Id], Severity.Success);
            Navigation.NavigateTo("tasks?tab=started");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            _errors = [ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A readable key: the process's initials, the date and a number, e.g. PR-20261123-4821.</summary>
    private string BusinessKey(string definitionId)
    {
        var initials = string.Concat(definitionId.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0])));
        return $"{initials}-{Clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Random.Shared.Next(1000, 9999)}";
    }
}
