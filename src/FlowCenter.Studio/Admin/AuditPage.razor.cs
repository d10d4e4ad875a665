using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Instances;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Admin;

/// <summary>The audit log for Administrators: filter by time, actor, action and text; export the filtered set as CSV.</summary>
public sealed partial class AuditPage
{
    private const int PageSize = 100;

    private Page<AuditEntry>? _page;
    private List<AuditEntry> _shown = [];
    private DateTime? _from;
    private DateTime? _to;
    private string? _actor;
    private string? _action;
    private string? _text;
    private Caller _caller = new("", []);

    [Inject]
    private AuditTrail Audit { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private IEnumerable<(string Value, string Label)> ActionChoices =>
    [
        ("signin.", L["AuditActionSignIn"]), ("definition.", L["AuditActionDefinition"]), ("instance.", L["AuditActionInstance"]),
        ("incident.", L["AuditActionIncident"]), ("event.", L["AuditActionEvent"]), ("task.", L["AuditActionTask"]),
        ("organization.", L["AuditActionOrganization"]), ("connection.", L["AuditActionConnection"]), ("token.", L["AuditActionToken"]),
    ];

    private string ExportLink
    {
        get
        {
            var query = Query();
            var parts = new List<string>();
            void Add(string name, string? value)
            {
                if (value is { Length: > 0 })
                {
                    parts.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            Add("from", query.From?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Add("to", query.To?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Add("actor", query.Actor);
            Add("action", query.Action);
            Add("text", query.Text);
            return "api/audit/export" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync();
        _caller = new Caller(user.Name, user.Roles);
        await SearchAsync();
    }

    private AuditQuery Query() => new()
    {
        From = _from is { } from ? new DateTimeOffset(from.Date) : null,
        To = _to is { } to ? new DateTimeOffset(to.Date.AddDays(1)) : null,
        Actor = string.IsNullOrWhiteSpace(_actor) ? null : _actor.Trim(),
        Action = _action,
        Text = string.IsNullOrWhiteSpace(_text) ? null : _text.Trim(),
        Take = PageSize,
    };

    private async Task SearchAsync()
    {
        _page = await Audit.QueryAsync(Query(), _caller);
        _shown = [.. _page.Items];
    }

    private async Task MoreAsync()
    {
        var next = await Audit.QueryAsync(Query() with { Skip = _shown.Count }, _caller);
        _shown.AddRange(next.Items);
        _page = next with { Items = _shown, Skip = 0 };
    }

    /// <summary>Who acted: a person by name, FlowCenter itself, or a person through one of their access tokens.</summary>
    private Named ActorText(AuditEntry entry) => entry switch
    {
        { Via: "system" } when entry.Actor == "system" => Named.Plain(L["System"]),
        { Via: "person" } => new Named("{0}", [entry.Actor]),
        { Via: var via } when via.StartsWith("token:", StringComparison.Ordinal) => Named.Of(L["AuditViaToken"], entry.Actor, via["token:".Length..]),
        _ => new Named("{0} ({1})", [entry.Actor, entry.Via]),
    };

    private string ActionText(string action) => L["Audit_" + action.Replace('.', '_')] is { ResourceNotFound: false } text ? text.Value : action;
}
