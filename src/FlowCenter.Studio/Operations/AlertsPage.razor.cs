using System.Globalization;
using FlowCenter.Runtime.Alerts;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Operations;

/// <summary>
/// Alerts (open, acknowledged, resolved) with a link to the case or the filtered list, acknowledging, and the
/// rules that raise them; kept current while open. Everything goes through <see cref="AlertService"/>.
/// </summary>
public sealed partial class AlertsPage
{
    private readonly CancellationTokenSource _stop = new();
    private AlertState _state = AlertState.Open;
    private Page<Alert>? _alerts;
    private IReadOnlyList<AlertRule> _rules = [];
    private IReadOnlyList<(string Id, string Name)> _processes = [];
    private Dictionary<string, Dictionary<string, string>> _steps = [];
    private Dictionary<string, string> _names = [];
    private Caller _caller = new("", []);
    private RuleForm? _form;
    private string? _message;
    private Severity _severity = Severity.Success;
    private bool _busy;

    /// <summary>An alert to point out (a notification's link).</summary>
    [SupplyParameterFromQuery(Name = "alert")]
    public string? Highlight { get; set; }

    [Inject]
    private AlertService Alerts { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        _names = await DisplayNames.LoadAsync(Directory);
        var culture = CultureInfo.CurrentUICulture;
        var latest = (await Definitions.ReadLatestAsync()).ToList();
        _processes = [.. latest.Select(d => (d.Id, d.NameFor(culture))).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
        _steps = FilterWords.StepNames(latest);
        if (Highlight is { } id && (await Alerts.ListAlertsAsync(null, 0, 500, _caller)).Items.FirstOrDefault(a => a.Id == id) is { } wanted)
        {
            _state = wanted.State;
        }

        await LoadAsync();
        _ = LiveRefresh.RunAsync(() => _form is null && !_busy
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task LoadAsync()
    {
        _alerts = await Alerts.ListAlertsAsync(_state, 0, 200, _caller);
        _rules = await Alerts.ListRulesAsync(_caller);
    }

    private Task ShowAsync(AlertState state)
    {
        _state = state;
        return LoadAsync();
    }

    private Task CheckNowAsync() => ActAsync(async () =>
    {
        var run = await Alerts.EvaluateNowAsync(_caller);
        return L["AlertsChecked", run.Opened, run.Reminded, run.Resolved];
    });

    private Task AcknowledgeAsync(Alert alert) => ActAsync(async () =>
    {
        await Alerts.AcknowledgeAsync(alert.Id, _caller);
        return L["AlertAcknowledged"];
    });

    private Task SaveAsync() => ActAsync(async () =>
    {
        var saved = await Alerts.SaveRuleAsync(_form!.ToRule(), _caller);
        _form = null;
        return L["AlertRuleSaved", saved.Name];
    });

    private Task DeleteAsync(AlertRule rule) => ActAsync(async () =>
    {
        await Alerts.DeleteRuleAsync(rule.Id, _caller);
        return L["AlertRuleDeleted", rule.Name];
    });

    private void Edit(AlertRule? rule) => _form = RuleForm.From(rule);

    /// <summary>One action at a time; what the service refuses is shown in a sentence.</summary>
    private async Task ActAsync(Func<Task<string>> action)
    {
        _busy = true;
        try
        {
            _message = await action();
            _severity = Severity.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException)
        {
            _message = L["AlertRefused", ex.Message];
            _severity = Severity.Error;
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private IEnumerable<(string Id, string Label)> StepsOf(string? process) =>
        process is not null && _steps.TryGetValue(process, out var steps) ? steps.Select(s => (s.Key, s.Value)) : [];

    private string StepLabel(string? process, string node) =>
        process is not null && _steps.TryGetValue(process, out var steps) && steps.TryGetValue(node, out var label) ? label : node;

    private string ProcessName(string? id) => id is null ? L["AlertRuleAllProcesses"] : _processes.FirstOrDefault(p => p.Id == id).Name ?? id;

    /// <summary>What the alert is about: a case (its process), or a process (and a step).</summary>
    private string WhatOf(Alert alert) => string.Join(" · ", new[] { ProcessName(alert.DefinitionId), alert.NodeId is { } n ? StepLabel(alert.DefinitionId, n) : null }.Where(x => x is not null));

    /// <summary>Where to look: the case, or the list of the process's cases (at the step).</summary>
    private static string LinkOf(Alert alert) => alert.InstanceId is { Length: > 0 } instance
        ? $"instances/{instance}"
        : "instances" + InstanceFilterText.ToQueryString(new InstanceQuery { DefinitionId = alert.DefinitionId, Node = alert.Kind == AlertKind.FailureRate ? null : alert.NodeId, HasIncidents = alert.Kind == AlertKind.FailureRate ? true : null }, paging: false);

    private string RuleText(AlertRule rule)
    {
        var kind = L["AlertKind" + rule.Kind].Value;
        var amount = rule.Threshold is { } t ? Durations.Text(L, t) : null;
        return rule.Kind switch
        {
            AlertKind.FailureRate => $"{kind}: > {rule.Percent?.ToString("0.#", CultureInfo.CurrentCulture)}% · {amount}",
            _ when amount is not null => $"{kind}: {amount}",
            _ => kind,
        };
    }

    private string WhoOf(AlertRule rule) => rule.Users.Count == 0 && rule.Roles.Count == 0
        ? L["AlertRuleOperators"]
        : string.Join(", ", rule.Users.Select(u => WhoText.Of(L, _names, u)).Concat(rule.Roles));

    private static Color StateColor(AlertState state) => state switch
    {
        AlertState.Open => Color.Error,
        AlertState.Acknowledged => Color.Warning,
        _ => Color.Success,
    };

    /// <summary>A rule as the form edits it: times in a chosen unit, people and roles as comma-separated names.</summary>
    private sealed class RuleForm
    {
        public static readonly string[] Units = ["seconds", "minutes", "hours", "days"];

        public string Id { get; set; } = "";

        public string? Name { get; set; }

        public AlertKind Kind { get; set; } = AlertKind.StepStuck;

        public string? Process { get; set; }

        public string? Step { get; set; }

        public double? Threshold { get; set; } = 30;

        public string Unit { get; set; } = "minutes";

        public double? Percent { get; set; } = 20;

        public int MinimumRuns { get; set; } = 5;

        public string? Users { get; set; }

        public string? Roles { get; set; }

        public double? RemindMinutes { get; set; }

        public bool Enabled { get; set; } = true;

        public static RuleForm From(AlertRule? rule)
        {
            if (rule is null)
            {
                return new RuleForm();
            }

            var (amount, unit) = rule.Threshold is { } t
                ? t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? (t.TotalDays, "days")
                : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? (t.TotalHours, "hours")
                : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? (t.TotalMinutes, "minutes")
                : (t.TotalSeconds, "seconds")
                : ((double?)null, "minutes");
            return new RuleForm
            {
                Id = rule.Id, Name = rule.Name, Kind = rule.Kind, Process = rule.DefinitionId, Step = rule.NodeId, Threshold = amount, Unit = unit,
                Percent = rule.Percent, MinimumRuns = rule.MinimumRuns, Users = string.Join(", ", rule.Users), Roles = string.Join(", ", rule.Roles),
                RemindMinutes = rule.RemindEvery?.TotalMinutes, Enabled = rule.Enabled,
            };
        }

        public AlertRule ToRule() => new(Id, Name ?? "", Kind)
        {
            DefinitionId = Process,
            NodeId = Kind is AlertKind.InstanceTooLong or AlertKind.NoStart ? null : Step,
            Threshold = Kind is AlertKind.IncidentOpened or AlertKind.TaskOverdue || Threshold is null ? null : Unit switch
            {
                "seconds" => TimeSpan.FromSeconds(Threshold.Value),
                "hours" => TimeSpan.FromHours(Threshold.Value),
                "days" => TimeSpan.FromDays(Threshold.Value),
                _ => TimeSpan.FromMinutes(Threshold.Value),
            },
            Percent = Kind == AlertKind.FailureRate ? Percent : null,
            MinimumRuns = MinimumRuns,
            Users = Split(Users),
            Roles = Split(Roles),
            RemindEvery = RemindMinutes is { } m and > 0 ? TimeSpan.FromMinutes(m) : null,
            Enabled = Enabled,
        };

        private static string[] Split(string? text) => (text ?? "").Split([',', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
    }
}
