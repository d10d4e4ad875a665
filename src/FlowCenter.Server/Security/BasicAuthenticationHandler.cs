using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using FlowCenter.Persistence.Records;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Security;

/// <summary>
/// HTTP Basic authentication of the REST API against the local accounts, for scripts and systems
/// (<c>curl -u user:password</c>). Lockout applies as for the sign-in page; use it over HTTPS only. A password
/// verified a moment ago is not hashed again (<see cref="VerifiedCredentials"/>); systems should prefer tokens.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<FlowCenterUser> signIn,
    VerifiedCredentials verified,
    EqualTiming timing,
    FlowCenter.Runtime.Audit.AuditTrail audit) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("The Basic credentials are not Base64.");
        }

        // Verified a moment ago with the same password and the account unchanged since: no password hash again.
        var key = verified.KeyOf(SchemeName, credentials);
        if (await verified.FindAsync(key, signIn.UserManager) is { } remembered)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(remembered, SchemeName));
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var user = colon > 0 ? await signIn.UserManager.FindByNameAsync(credentials[..colon]) : null;
        if (user is null || !user.Active)
        {
            timing.SpendAsIfChecking(credentials[(colon + 1)..]);
            return AuthenticateResult.Fail("Unknown user or wrong password.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, credentials[(colon + 1)..], lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordAsAsync(user.UserName!, "person", Context.Connection.RemoteIpAddress?.ToString(), FlowCenter.Runtime.Audit.AuditActions.SignInFailed,
                $"user:{user.UserName}", result.IsLockedOut ? "HTTP Basic: locked out" : "HTTP Basic: wrong password");
            return AuthenticateResult.Fail(result.IsLockedOut ? "The account is locked out for a while." : "Unknown user or wrong password.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        verified.Remember(key, user, principal);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"FlowCenter\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
