using FlowCenter.Runtime.Tokens;

namespace FlowCenter.Server.Security;

/// <summary>A request made with a token goes only where the token's scopes reach (403 naming them otherwise).</summary>
public static class TokenScopes
{
    public static WebApplication UseTokenScopes(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirst(TokenAuthenticationHandler.TokenClaim) is not null)
            {
                var scopes = context.User.FindAll(TokenAuthenticationHandler.ScopeClaim).Select(c => c.Value).ToList();
                if (!AccessTokenScopes.Allows(scopes, context.Request.Method, context.Request.Path.Value ?? "/"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsJsonAsync(new Api.ApiError(
                        $"This token's scopes ({string.Join(", ", scopes)}) do not allow {context.Request.Method} {context.Request.Path}; pages and token management need a person signed in."));
                    return;
                }
            }

            await next();
        });
        return app;
    }
}
