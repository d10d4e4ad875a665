using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using MimeKit;

namespace FlowCenter.Connectors.Mail;

/// <summary>Sends an e-mail through an SMTP connection; subject and body are templates filled from the process's data.</summary>
[Activity("SendEmail", Category = "Connectors", DisplayName = "Send e-mail", Description = "Sends an e-mail through an SMTP connection; subject and body are templates with {{ placeholders }}.")]
public sealed class SendEmail(IConnectionStore connections) : IActivity
{
    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "An SMTP connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<IReadOnlyList<string>> To = Inputs.StringList("to", "Recipients' addresses.");

    public static readonly ActivityInput<IReadOnlyList<string>> Cc = Inputs.StringList("cc", "Copies.");

    public static readonly ActivityInput<string?> Subject = Inputs.String("subject", "The subject; {{ placeholders }} are filled from variables and input.", required: true);

    public static readonly ActivityInput<string?> Body = Inputs.String("body", "The text; {{ placeholders }} are filled from variables and input.", required: true);

    public static readonly ActivityInput<bool> Html = Inputs.Boolean("html", "The body is HTML (values are escaped).", defaultValue: false);

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Connection)!;
        var smtp = await connections.FindAsync(name) ?? throw new ActivityException($"There is no connection '{name}'.");
        if (smtp.Kind != ConnectionKind.Smtp || JsonValues.ToText(smtp.Settings["host"]) is not { Length: > 0 } host)
        {
            throw new ActivityException($"Connection '{name}' is not an SMTP connection with a host.");
        }

        var recipients = context.Get(To);
        if (recipients.Count == 0)
        {
            throw new ActivityException("The e-mail has no recipient.");
        }

        var html = context.Get(Html);
        var lookup = Template.ProcessValues(context);
        var message = new MimeMessage { Subject = Template.Render(context.Get(Subject)!, lookup, html: false) };
        try
        {
            message.From.Add(MailboxAddress.Parse(JsonValues.ToText(smtp.Settings["from"]) ?? "flowcenter@localhost"));
            message.To.AddRange(recipients.Select(MailboxAddress.Parse));
            message.Cc.AddRange(context.Get(Cc).Select(MailboxAddress.Parse));
        }
        catch (ParseException ex)
        {
            throw new ActivityException($"An e-mail address is not valid: {ex.Message}", ex);
        }

        message.Body = new TextPart(html ? "html" : "plain") { Text = Template.Render(context.Get(Body)!, lookup, html) };
        try
        {
            using var client = await SmtpSession.OpenAsync(smtp);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or IOException)
        {
            throw new ActivityException($"Sending through '{name}' ({host}) failed: {ex.Message}", ex);
        }

        context.Complete(Ports.Done);
    }
}
