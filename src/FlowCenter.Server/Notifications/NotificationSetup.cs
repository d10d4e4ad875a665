using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowCenter.Server.Notifications;

public static class NotificationSetup
{
    /// <summary>E-mail and chat-webhook channels beside the in-app bell, from "FlowCenter:Notifications".</summary>
    public static WebApplicationBuilder AddFlowCenterNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection("FlowCenter:Notifications"));
        builder.Services.AddHttpClient(WebhookNotifier.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskNotifier, SmtpNotifier>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskNotifier, WebhookNotifier>());
        return builder;
    }
}
