using FlowCenter.Runtime.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlowCenter.Server.Security;

/// <summary>
/// Tells the audit log who acts: around every request (the signed-in person, or the person behind a token), and
/// around every interaction of a Studio circuit (where no request is running).
/// </summary>
public static class AuditActor
{
    public static WebApplication UseAuditActor(this WebApplication app)
    {
        var ambient = app.Services.GetRequiredService<AmbientAuditContext>();
        app.Use(async (context, next) =>
        {
            using (ambient.Use(NameOf(context.User), ViaOf(context.User), context.Connection.RemoteIpAddress?.ToString()))
            {
                await next(context);
            }
        });
        return app;
    }

    public static string NameOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "unknown" : "anonymous";

    public static string ViaOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(TokenAuthenticationHandler.TokenClaim) is { } token ? "token:" + token.Value : "person";

    /// <summary>Each inbound event of a circuit (a click, a form) runs as the circuit's signed-in person.</summary>
    public sealed class CircuitActor(AuthenticationStateProvider authentication, AmbientAuditContext ambient, IHttpContextAccessor http) : CircuitHandler
    {
        private readonly string? _address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            using (ambient.Use(NameOf(user), "person", _address))
            {
                await next(context);
            }
        };
    }
}
