using FlowCenter.Persistence.Records;
using FlowCenter.Server.Components.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FlowCenter.Server.Security;

public static class AccountEndpoints
{
    /// <summary>Sign-out, and the OpenID Connect round trip that ends signed in as the matching local user.</summary>
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();
        // Signing out ends every session of the person (a copied cookie stops working too) and needs the form's
        // anti-forgery token, so another site cannot sign anyone out.
        account.MapPost("/signout", async (HttpContext http, SignInManager<FlowCenterUser> signIn, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The sign-out form's anti-forgery token is missing or wrong; sign out from FlowCenter's own page.");
            }

            if (http.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/signin");
        });
        account.MapPost("/external", ([FromForm] string? returnUrl, SignInManager<FlowCenterUser> signIn) =>
        {
            var redirect = $"/account/external-done?returnUrl={Uri.EscapeDataString(SignIn.LocalUrl(returnUrl))}";
            return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(SecuritySetup.OpenIdConnectScheme, redirect), [SecuritySetup.OpenIdConnectScheme]);
        });
        account.MapGet("/external-done", async (string? returnUrl, HttpContext http, SignInManager<FlowCenterUser> signIn) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var claims = external.Principal;
            var name = claims?.FindFirst("preferred_username")?.Value ?? claims?.FindFirst("email")?.Value;
            var user = name is null ? null : await signIn.UserManager.FindByNameAsync(name) ?? await signIn.UserManager.FindByEmailAsync(name);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (user is null || !user.Active)
            {
                return Results.LocalRedirect("/account/signin?error=unknown");
            }

            await signIn.SignInAsync(user, isPersistent: false, SecuritySetup.OpenIdConnectScheme);
            return Results.LocalRedirect(SignIn.LocalUrl(returnUrl));
        });
        return app;
    }
}
