namespace FlowCenter.Server.Notifications;

/// <summary>E-mail over SMTP (MailKit); on when a host is set. People without an e-mail address are skipped.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect or StartTls (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "FlowCenter <flowcenter@localhost>";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
