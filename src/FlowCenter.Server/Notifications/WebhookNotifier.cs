using System.Text.Json.Nodes;
using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Notifications;

/// <summary>
/// The chat channel: posts each notification to the configured robots in their message format (WeCom and DingTalk
/// <c>{"msgtype":"text","text":{"content":...}}</c>, Feishu <c>{"msg_type":"text","content":{"text":...}}</c>) or as
/// plain JSON.
/// </summary>
public sealed partial class WebhookNotifier(IHttpClientFactory clients, IOptions<NotificationOptions> options, ILogger<WebhookNotifier> logger) : ITaskNotifier
{
    public const string ClientName = "flowcenter-webhooks";

    public async Task NotifyAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        foreach (var hook in options.Value.Webhooks.Where(h => h.Url.Length > 0))
        {
            foreach (var notification in notifications.Where(n => hook.Kinds.Count == 0 || hook.Kinds.Contains(n.Kind.ToString(), StringComparer.OrdinalIgnoreCase)))
            {
                using var response = await client.PostAsJsonAsync(hook.Url, Body(hook.Style, notification, options.Value.StudioUrl), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    LogRefused(logger, hook.Url, (int)response.StatusCode);
                }
            }
        }
    }

    public static JsonObject Body(string style, TaskNotification n, string? studioUrl)
    {
        var text = $"{NotificationText.Subject(n)} → @{n.User}\n{NotificationText.Link(n, studioUrl)}";
        return style.ToLowerInvariant() switch
        {
            "wecom" or "dingtalk" => new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } },
            "feishu" => new JsonObject { ["msg_type"] = "text", ["content"] = new JsonObject { ["text"] = text } },
            _ => new JsonObject
            {
                ["kind"] = n.Kind.ToString(), ["user"] = n.User, ["title"] = n.Title, ["instanceId"] = n.InstanceId, ["itemId"] = n.ItemId,
                ["at"] = n.At, ["detail"] = n.Detail, ["link"] = NotificationText.Link(n, studioUrl), ["text"] = text,
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Url} answered {Status}")]
    private static partial void LogRefused(ILogger logger, string url, int status);
}
