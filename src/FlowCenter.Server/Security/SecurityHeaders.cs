namespace FlowCenter.Server.Security;

/// <summary>
/// Headers on every answer: a Content-Security-Policy the Studio passes (scripts and styles from this site; inline
/// ones for Blazor's import map and MudBlazor's styles; no plug-ins; no framing), nosniff, a Referrer-Policy; HSTS
/// when served over HTTPS outside development.
/// </summary>
public static class SecurityHeaders
{
    public static string Policy(string? signOnAuthority) =>
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
        + $"form-action 'self'{(signOnAuthority is { Length: > 0 } authority ? " " + new Uri(authority).GetLeftPart(UriPartial.Authority) : "")}";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("FlowCenter:Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var policy = Policy(settings.OpenIdConnect.Enabled ? settings.OpenIdConnect.Authority : null);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return next(context);
        });
        return app;
    }
}
