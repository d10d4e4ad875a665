using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FlowCenter.Server.Notifications;

/// <summary>The e-mail channel: one message per notification to the person's address, with a link to act.</summary>
public sealed class SmtpNotifier(IDirectory directory, IOptions<NotificationOptions> options) : ITaskNotifier
{
    public async Task NotifyAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        if (!settings.Enabled)
        {
            return;
        }

        var messages = new List<MimeMessage>();
        foreach (var notification in notifications)
        {
            if (await directory.FindAsync(notification.User, cancellationToken) is { Email: { Length: > 0 } email } person)
            {
                var message = new MimeMessage { Subject = NotificationText.Subject(notification) };
                message.From.Add(MailboxAddress.Parse(settings.From));
                message.To.Add(new MailboxAddress(person.DisplayName, email));
                message.Body = new TextPart("plain")
                {
                    Text = $"{person.DisplayName}:\n\n{NotificationText.Subject(notification)}\n{NotificationText.Link(notification, options.Value.StudioUrl)}\n\n— FlowCenter",
                };
                messages.Add(message);
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
        if (settings.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        }

        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
