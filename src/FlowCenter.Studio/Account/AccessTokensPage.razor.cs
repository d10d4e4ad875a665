using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Tokens;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Account;

/// <summary>
/// The signed-in person's personal access tokens for scripts and systems: make one (name, expiry, scopes), see its
/// secret once, see when each was last used, revoke. Administrators may list and revoke everyone's.
/// </summary>
public sealed partial class AccessTokensPage
{
    private UserInfo _user = new("", "", []);
    private IReadOnlyList<AccessToken> _tokens = [];
    private readonly HashSet<string> _scopes = [AccessTokenScopes.Read];
    private string? _name;
    private int _days = 90;
    private string? _secret;
    private string? _error;
    private bool _everyone;

    [Inject]
    private AccessTokenService Tokens { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private Caller Caller => new(_user.Name, _user.Roles);

    protected override async Task OnInitializedAsync()
    {
        _user = await CurrentUser.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => _tokens = await Tokens.ListAsync(Caller, _everyone);

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        _error = null;
        try
        {
            var (_, secret) = await Tokens.CreateAsync(Caller, _name ?? "", [.. _scopes], TimeSpan.FromDays(_days));
            (_secret, _name) = (secret, null);
            await LoadAsync();
        }
        catch (AccessTokenException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task RevokeAsync(AccessToken token)
    {
        await Tokens.RevokeAsync(token.Id, Caller);
        await LoadAsync();
    }

    private async Task ShowEveryoneAsync(bool everyone)
    {
        _everyone = everyone;
        await LoadAsync();
    }
}
