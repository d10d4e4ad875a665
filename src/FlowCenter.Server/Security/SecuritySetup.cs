using FlowCenter.Persistence;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowCenter.Server.Security;

public static class SecuritySetup
{
    public const string OpenIdConnectScheme = "oidc";

    private const string SelectorScheme = "FlowCenter";

    /// <summary>
    /// Local accounts (ASP.NET Core Identity on the FlowCenter database) signed in by cookie, HTTP Basic for the
    /// REST API, OpenID Connect when configured, the role policies, and the demo organisation when asked for.
    /// </summary>
    public static WebApplicationBuilder AddFlowCenterSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("FlowCenter:Security");
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(section);
        services.AddIdentityCore<FlowCenterUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FlowCenterDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FlowCenterClaimsFactory>()
            .AddDefaultTokenProviders();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString() switch
                {
                    var h when h.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) => BasicAuthenticationHandler.SchemeName,
                    var h when h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => TokenAuthenticationHandler.SchemeName,
                    _ => IdentityConstants.ApplicationScheme,
                })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddSingleton<VerifiedCredentials>();
        services.AddSingleton<EqualTiming>();
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, AuditActor.CircuitActor>());
        if (settings.BehindProxy)
        {
            // TLS ends at a reverse proxy on this machine: take the scheme and client address it forwards.
            services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        }
        services.Configure<Runtime.Tokens.AccessTokenOptions>(o =>
        {
            if (section["TokenHashKey"] is { Length: > 0 } key)
            {
                o.HashKey = key;
            }
        });
        authentication.AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/signin";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "FlowCenter.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // The REST API answers 401/403; only pages are sent to the sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // The cookie is checked against the account on every request: deactivating someone, changing their roles,
        // resetting their password or signing out (each renews the security stamp) ends the sessions they had.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        if (settings.OpenIdConnect.Enabled)
        {
            if (settings.OpenIdConnect.RequireHttpsMetadata && !settings.OpenIdConnect.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"FlowCenter:Security:OpenIdConnect:Authority '{settings.OpenIdConnect.Authority}' must use HTTPS (set RequireHttpsMetadata to false only for a provider on this machine).");
            }

            authentication.AddOpenIdConnect(OpenIdConnectScheme, settings.OpenIdConnect.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = settings.OpenIdConnect.Authority;
                o.ClientId = settings.OpenIdConnect.ClientId;
                o.ClientSecret = settings.OpenIdConnect.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = settings.OpenIdConnect.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.CallbackPath = "/account/oidc-callback";
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Design, p => p.RequireRole(Policies.DesignRoles))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Policies.OperateRoles))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Runtime.Organization.Roles.Administrator));
        services.AddCascadingAuthenticationState();
        services.AddFlowCenterRateLimits(section.GetSection("RateLimits"));
        services.AddTransient<IStartupTask, InitialAdministratorTask>();
        if (settings.SeedDemoUsers && string.IsNullOrEmpty(settings.DemoPassword))
        {
            throw new InvalidOperationException("FlowCenter:Security:SeedDemoUsers needs FlowCenter:Security:DemoPassword (the demo sets both; ./run.sh is the demo).");
        }

        if (settings.SeedDemoUsers)
        {
            services.AddTransient<IStartupTask, DemoOrganizationTask>();
        }

        return builder;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hooks"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The request pipeline's security, in order: headers, sign-in (cookie, Basic, token), token scopes, rate limits,
    /// roles, anti-forgery.
    /// </summary>
    public static WebApplication UseFlowCenterSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("FlowCenter:Security:BehindProxy"))
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseTokenScopes();
        app.UseAuditActor();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseServerTimingAuthorised();
        app.UseAntiforgery();
        return app;
    }
}
