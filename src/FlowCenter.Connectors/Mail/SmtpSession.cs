using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FlowCenter.Connectors.Mail;

/// <summary>
/// The one way FlowCenter opens an SMTP session (MailKit): for the Send e-mail activity's connection and for the
/// server's notification e-mails alike; connects (15 s timeout) and signs in when a user name is given.
/// </summary>
public static class SmtpSession
{
    public static Task<SmtpClient> OpenAsync(Connection smtp, CancellationToken cancellationToken = default)
    {
        if (smtp.Kind != ConnectionKind.Smtp || JsonValues.ToText(smtp.Settings["host"]) is not { Length: > 0 } host)
        {
            throw new ConnectionException($"Connection '{smtp.Name}' is not an SMTP connection with a host.");
        }

        var port = int.TryParse(JsonValues.ToText(smtp.Settings["port"]), out var p) ? p : 25;
        // A connection's security the form did not offer (an old or hand-written value) is MailKit's Auto, as always.
        var security = Enum.TryParse<SecureSocketOptions>(JsonValues.ToText(smtp.Settings["security"]), ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        return OpenAsync(host, port, security, JsonValues.ToText(smtp.Settings["userName"]), smtp.Secrets.GetValueOrDefault("password"), cancellationToken);
    }

    public static async Task<SmtpClient> OpenAsync(string host, int port, SecureSocketOptions security, string? userName, string? password, CancellationToken cancellationToken = default)
    {
        var client = new SmtpClient { Timeout = 15_000 };
        try
        {
            await client.ConnectAsync(host, port, security, cancellationToken);
            if (userName is { Length: > 0 })
            {
                await client.AuthenticateAsync(userName, password ?? "", cancellationToken);
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
