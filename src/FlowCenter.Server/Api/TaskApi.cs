using System.Security.Claims;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Server.Api;

/// <summary>The inbox over REST, for the signed-in user (cookie or HTTP Basic).</summary>
public static class TaskApi
{
    public static IEndpointRouteBuilder MapTaskApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").RequireAuthorization();
        tasks.MapGet("/", async (string? box, string? search, int? skip, int? take, ClaimsPrincipal user, TaskService service, CancellationToken ct) =>
        {
            if (!Enum.TryParse<TaskBox>(box ?? "todo", ignoreCase: true, out var wanted))
            {
                return Results.BadRequest(new ApiError($"Unknown box '{box}'; use todo, pool or done."));
            }

            return Results.Ok(await service.QueryAsync(new TaskQuery(wanted, user.Identity!.Name!)
            {
                Roles = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                Search = search,
                Skip = skip ?? 0,
                Take = Math.Clamp(take ?? 50, 1, 500),
            }, ct));
        });
        tasks.MapGet("/{itemId}", async (string itemId, CaseReader cases, ClaimsPrincipal user, CancellationToken ct) =>
            await cases.GetTaskAsync(itemId, Caller.From(user), ct) is { } details
                ? Results.Ok(new { details.Group, details.Item, details.History, details.ReturnTargets })
                : Results.NotFound(new ApiError($"There is no task '{itemId}'.")));
        tasks.MapPost("/{itemId}/{action}", async (string itemId, string action, TaskActionBody? body, ClaimsPrincipal user, TaskService service, CancellationToken ct) =>
        {
            if (!Enum.TryParse<TaskAction>(action, ignoreCase: true, out var wanted))
            {
                return Results.BadRequest(new ApiError($"Unknown action '{action}'."));
            }

            try
            {
                var group = await service.ActAsync(new TaskCommand(itemId, user.Identity!.Name!, wanted)
                {
                    Outcome = body?.Outcome,
                    Comment = body?.Comment,
                    Target = body?.Target,
                    Data = body?.Data,
                }, ct);
                return Results.Ok(new { group.Id, group.Status, group.Outcome });
            }
            catch (TaskActionException ex)
            {
                return ex.AlreadyHandled ? Results.Conflict(new ApiError(ex.Message)) : Results.BadRequest(new ApiError(ex.Message));
            }
        });
        app.MapGet("/api/attachments/{id:long}", async (long id, ClaimsPrincipal user, CaseReader cases, CancellationToken ct) =>
            await cases.OpenAttachmentAsync(id, Caller.From(user), ct) is { } file
                ? Results.File(file.Content, file.Attachment.ContentType, file.Attachment.FileName)
                : Results.NotFound(new ApiError($"There is no attachment {id}."))).RequireAuthorization();
        // One's own notifications (the bell's): each says whether its task was handled since; the count is what asks for something.
        var notifications = app.MapGroup("/api/notifications").RequireAuthorization();
        notifications.MapGet("", async (ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
            Results.Ok(await inbox.ListAsync(user.Identity!.Name!, 50, ct)));
        notifications.MapGet("/count", async (ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
            Results.Ok(new { unread = await inbox.UnreadCountAsync(user.Identity!.Name!, ct) }));
        notifications.MapPost("/{id:long}/read", async (long id, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkReadAsync(user.Identity!.Name!, id, ct);
            return Results.NoContent();
        });
        notifications.MapPost("/read", async (ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkAllReadAsync(user.Identity!.Name!, ct);
            return Results.NoContent();
        });
        notifications.MapDelete("", async (ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        {
            await inbox.ClearAsync(user.Identity!.Name!, ct);
            return Results.NoContent();
        });
        return app;
    }
}
