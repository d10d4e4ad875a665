using FlowCenter.Connectors.Mail;
using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
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

        using var client = await SmtpSession.OpenAsync(settings.Host!, settings.Port, Enum.Parse<MailKit.Security.SecureSocketOptions>(settings.Security, ignoreCase: true), settings.UserName, settings.Password, cancellationToken);

        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
