using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FlowCenter.Connectors.Mail;

/// <summary>Connects and signs in to the server of an SMTP connection (host, port, security, user name and password).</summary>
public static class SmtpSession
{
    public static async Task<SmtpClient> OpenAsync(Connection smtp, CancellationToken cancellationToken = default)
    {
        if (smtp.Kind != ConnectionKind.Smtp || JsonValues.ToText(smtp.Settings["host"]) is not { Length: > 0 } host)
        {
            throw new ConnectionException($"Connection '{smtp.Name}' is not an SMTP connection with a host.");
        }

        var client = new SmtpClient { Timeout = 15_000 };
        try
        {
            var port = int.TryParse(JsonValues.ToText(smtp.Settings["port"]), out var p) ? p : 25;
            var security = Enum.TryParse<SecureSocketOptions>(JsonValues.ToText(smtp.Settings["security"]), ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
            await client.ConnectAsync(host, port, security, cancellationToken);
            if (JsonValues.ToText(smtp.Settings["userName"]) is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, smtp.Secrets.GetValueOrDefault("password") ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static string HostOf(Connection smtp) => $"{JsonValues.ToText(smtp.Settings["host"])}:{JsonValues.ToText(smtp.Settings["port"]) ?? "25"}";
}
