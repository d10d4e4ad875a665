namespace FlowCenter.Server.Notifications;

/// <summary>The "FlowCenter:Notifications" section: the Studio's public address for links, SMTP, chat webhooks.</summary>
public sealed class NotificationOptions
{
    /// <summary>The Studio's address as people reach it, for links in e-mails and chat messages.</summary>
    public string? StudioUrl { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public List<WebhookSettings> Webhooks { get; set; } = [];
}
