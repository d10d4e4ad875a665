using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Security;

/// <summary>
/// <c>Authorization: Bearer fct_...</c>: a personal access token acts as its owner with the owner's roles narrowed
/// to the token's scopes (<see cref="AccessTokenScopes"/>), while the owner is active and the token live.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService tokens,
    SignInManager<FlowCenterUser> signIn,
    VerifiedCredentials verified) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    /// <summary>The claim naming the token a request came with.</summary>
    public const string TokenClaim = "fc_token";

    /// <summary>One claim per scope of the token.</summary>
    public const string ScopeClaim = "fc_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } secret)
        {
            return AuthenticateResult.NoResult();
        }

        // The token is checked on every request (revoked or expired ends it at once); only its owner's principal is remembered.
        if (await tokens.ValidateAsync(secret) is not { } token)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var key = verified.KeyOf(SchemeName, secret);
        if (await verified.FindAsync(key, signIn.UserManager) is { } remembered)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(remembered, SchemeName));
        }

        if (await signIn.UserManager.FindByNameAsync(token.UserName) is not { Active: true } user)
        {
            return AuthenticateResult.Fail("The token's owner is not an active user.");
        }

        var owner = await signIn.CreateUserPrincipalAsync(user);
        var roles = owner.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaims(owner.Claims.Where(c => c.Type != ClaimTypes.Role && c.Type != ClaimTypes.AuthenticationMethod));
        identity.AddClaims(AccessTokenScopes.NarrowRoles(roles, token.Scopes).Select(r => new Claim(ClaimTypes.Role, r)));
        identity.AddClaim(new Claim(TokenClaim, token.Id));
        identity.AddClaims(token.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(identity);
        verified.Remember(key, user, principal);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"FlowCenter\"";
        return Task.CompletedTask;
    }
}
