using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Requests;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Requests;

/// <summary>
/// The published processes the signed-in person may start, each with its start form (the Start node's form, else
/// a field per declared input). An input named "requester" is the signed-in user.
/// </summary>
public sealed partial class NewRequest
{
    private List<WorkflowDefinition>? _startable;
    private WorkflowDefinition? _chosen;
    private JsonObject? _form;
    private JsonObject _values = [];
    private List<string> _errors = [];
    private bool _checked;
    private bool _busy;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private RequestService Requests { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    // Only what this person may start: published, with a Start node, not a sub-process only, and naming them
    // (everyone, one of their roles or departments, or them) as a starter.
    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        var caller = new Caller(user.Name, user.Roles);
        var published = await Definitions.ReadCurrentAsync();

        _startable = [.. await Requests.StartableAsync(published, caller)];
    }

    private void Choose(WorkflowDefinition definition)
    {
        _chosen = definition;
        _errors = [];
        _checked = false;
        _values = [];
        _form = RequestService.FormFor(definition);
    }

    // Once the problems are shown, they follow the form: a field filled in takes its line away, and the banner
    // goes when none is left (a server's refusal stays until the next submit).
    private void OnValuesChanged()
    {
        if (_errors.Count > 0 && _checked)
        {
            _errors = Check();
        }
    }

    private List<string> Check() => [.. FormRules.Problems(_form, null, _values, new Dictionary<string, JsonNode?>()).Select(p => FormWords.Of(L, p))];

    private async Task SubmitAsync()
    {
        var definition = _chosen!;
        _errors = Check();
        _checked = true;
        if (_errors.Count > 0)
        {
            return;
        }

        var user = await CurrentUser.GetAsync();
        _busy = true;
        try
        {
            var instance = await Requests.SubmitAsync(definition.Id, _values.ToDictionary(p => p.Key, p => p.Value), new Caller(user.Name, user.Roles));
            Snackbar.Add(L["RequestStarted", instance.BusinessKey ?? instance.Id], Severity.Success);
            Navigation.NavigateTo("tasks?tab=started");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            _errors = [ex.Message];
            _checked = false;
        }
        finally
        {
            _busy = false;
        }
    }
}
