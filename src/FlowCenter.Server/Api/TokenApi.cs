using System.Security.Claims;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Tokens;

namespace FlowCenter.Server.Api;

/// <summary>
/// Personal access tokens over REST: one's own under <c>/api/me/tokens</c> (signed in as a person: a token cannot
/// make tokens), everyone's under <c>/api/tokens</c> for Administrators. The secret is in the answer to the POST only.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/tokens").RequireAuthorization();
        mine.MapGet("/", async (ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) =>
            Results.Ok(await tokens.ListAsync(Caller.From(user), cancellationToken: ct)));
        mine.MapPost("/", async (TokenBody body, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) =>
        {
            try
            {
                var (token, secret) = await tokens.CreateAsync(Caller.From(user), body.Name ?? "", body.Scopes ?? [], TimeSpan.FromDays(body.Days ?? 90), ct);
                return Results.Created($"/api/me/tokens/{token.Id}", new { token.Id, token.Name, token.Scopes, token.ExpiresAt, token.Prefix, secret });
            }
            catch (AccessTokenException ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }
        });
        mine.MapDelete("/{id}", (string id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) => RevokeAsync(id, user, tokens, ct));

        var all = app.MapGroup("/api/tokens").RequireAuthorization(Security.Policies.Administer);
        all.MapGet("/", async (ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) =>
            Results.Ok(await tokens.ListAsync(Caller.From(user), everyone: true, ct)));
        all.MapDelete("/{id}", (string id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct) => RevokeAsync(id, user, tokens, ct));
        return app;
    }

    private static async Task<IResult> RevokeAsync(string id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken ct)
    {
        try
        {
            await tokens.RevokeAsync(id, Caller.From(user), ct);
            return Results.NoContent();
        }
        catch (AccessTokenException ex)
        {
            return Results.NotFound(new ApiError(ex.Message));
        }
    }
}
