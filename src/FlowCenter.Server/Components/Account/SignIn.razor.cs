using FlowCenter.Runtime.Audit;
using System.ComponentModel.DataAnnotations;
using FlowCenter.Persistence.Records;
using FlowCenter.Server.Security;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Components.Account;

/// <summary>The sign-in page, rendered on the server without a circuit so that it can set the cookie.</summary>
public sealed partial class SignIn
{
    private string? _error;

    [Inject]
    private SignInManager<FlowCenterUser> SignInManager { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IOptions<SecurityOptions> Security { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [SupplyParameterFromForm]
    private SignInModel? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    private AuditTrail Audit { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private Security.EqualTiming Timing { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "error")]
    private string? ErrorCode { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new SignInModel();
        if (ErrorCode == "unknown")
        {
            _error = L["SignInUnknownExternal"];
        }
    }

    private async Task SignInAsync()
    {
        var input = Input!;
        var user = await SignInManager.UserManager.FindByNameAsync(input.UserName.Trim());
        var address = HttpContext?.Connection.RemoteIpAddress?.ToString();
        if (user is null || !user.Active)
        {
            Timing.SpendAsIfChecking(input.Password);
            await Audit.RecordAsAsync(input.UserName.Trim(), "person", address, AuditActions.SignInFailed, $"user:{input.UserName.Trim()}", user is null ? "unknown user name" : "inactive account");
            _error = L["SignInFailed"];
            return;
        }

        var result = await SignInManager.PasswordSignInAsync(user, input.Password, input.Remember, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await Audit.RecordAsAsync(user.UserName!, "person", address, AuditActions.SignInFailed, $"user:{user.UserName}", result.IsLockedOut ? "locked out" : "wrong password");
            _error = result.IsLockedOut ? L["SignInLockedOut"] : L["SignInFailed"];
            return;
        }

        await Audit.RecordAsAsync(user.UserName!, "person", address, AuditActions.SignIn, $"user:{user.UserName}", "password");

        Navigation.NavigateTo(LocalUrl(ReturnUrl), forceLoad: true);
    }

    /// <summary>Only a path on this site; anything else (another host, "//evil") goes home.</summary>
    internal static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    internal sealed class SignInModel
    {
        [Required]
        public string UserName { get; set; } = "";

        [Required]
        public string Password { get; set; } = "";

        public bool Remember { get; set; }
    }
}
