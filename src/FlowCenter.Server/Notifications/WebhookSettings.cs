namespace FlowCenter.Server.Notifications;

/// <summary>A chat robot's webhook (WeCom, DingTalk, Feishu) or plain JSON, for some or all kinds of notification.</summary>
public sealed class WebhookSettings
{
    public string Url { get; set; } = "";

    /// <summary>wecom, dingtalk, feishu or json.</summary>
    public string Style { get; set; } = "json";

    /// <summary>Which kinds to send (Assigned, Reminder, Overdue, Copied, Decided); empty sends all.</summary>
    public List<string> Kinds { get; set; } = [];
}
