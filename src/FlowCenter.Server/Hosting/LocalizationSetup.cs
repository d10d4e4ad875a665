using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Localization;

namespace FlowCenter.Server.Hosting;

/// <summary>The UI language: a cookie chosen in the app bar, else the browser's Accept-Language, else English.</summary>
public static class LocalizationSetup
{
    public static WebApplication UseFlowCenterLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(StudioCultures.English);
            o.AddSupportedCultures([.. StudioCultures.All]);
            o.AddSupportedUICultures([.. StudioCultures.All]);
        });
        app.MapGet("/culture", (string set, string? redirect, HttpContext http) =>
        {
            if (!StudioCultures.All.Contains(set))
            {
                return Results.BadRequest($"Unknown language '{set}'.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(set)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Components.Account.SignIn.LocalUrl(redirect));
        }).AllowAnonymous();
        return app;
    }
}
