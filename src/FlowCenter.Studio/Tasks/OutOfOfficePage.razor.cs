using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tasks;

/// <summary>The signed-in user's out-of-office rules: while away, their tasks go to the person they name.</summary>
public sealed partial class OutOfOfficePage
{
    private UserInfo _user = new("", "", []);
    private IReadOnlyList<Person> _people = [];
    private IReadOnlyList<StoredDefinition> _definitions = [];
    private IReadOnlyList<DelegationRule> _rules = [];
    private DateTime? _from;
    private DateTime? _until;
    private string? _delegate;
    private string? _process;
    private string? _error;

    [Inject]
    private OutOfOffice Delegations { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _from = Clock.GetLocalNow().Date;
        _user = await CurrentUser.GetAsync();
        _people = await Directory.ListUsersAsync();
        _definitions = await Definitions.ListLatestAsync();
        _rules = await Delegations.ListAsync(_user.Name);
    }

    private async Task AddAsync()
    {
        _error = null;
        try
        {
            // Whole days in the server's time zone: from the first day's start to the last day's end.
            var from = new DateTimeOffset(_from!.Value.Date, Clock.LocalTimeZone.GetUtcOffset(_from.Value.Date));
            var until = new DateTimeOffset(_until!.Value.Date.AddDays(1), Clock.LocalTimeZone.GetUtcOffset(_until.Value.Date));
            await Delegations.AddAsync(_user.Name, _delegate!, from, until, _process);
            _rules = await Delegations.ListAsync(_user.Name);
        }
        catch (OrganizationException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task DeleteAsync(DelegationRule rule)
    {
        await Delegations.DeleteAsync(_user.Name, rule.Id);
        _rules = await Delegations.ListAsync(_user.Name);
    }
}
