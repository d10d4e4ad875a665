using System.Text.Json.Nodes;
using FlowCenter.Connectors.Mail;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Connections;
using FlowCenter.Connectors.Tests.TestSupport;

namespace FlowCenter.Connectors.Tests.Mail;

/// <summary>The e-mail activity through a real SMTP conversation on 127.0.0.1.</summary>
public sealed class SendEmailTests : IAsyncDisposable
{
    private readonly SmtpListener _smtp = new();
    private readonly ConnectorHost _connector = new();

    public SendEmailTests()
    {
        _connector.Connections.SaveAsync(new Connection("mail", ConnectionKind.Smtp)
        {
            Settings = new JsonObject { ["host"] = "127.0.0.1", ["port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["security"] = "None", ["from"] = "FlowCenter <flow@example.com>" },
        });
    }

    public async ValueTask DisposeAsync()
    {
        _connector.Dispose();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Send_FillsTheTemplateFromVariablesAndInput()
    {
        _connector.Host.Register(new WorkflowBuilder("notify").Variable("order", defaultValue: JsonNode.Parse("""{ "no": "SO-9", "customer": { "name": "华东机械" } }"""))
            .Node("start", "Start")
            .Node("mail", "SendEmail", ("connection", "mail"), ("to", new Js("[input.email]")), ("subject", "Order {{ order.no }} shipped"), ("body", "Dear {{ order.customer.name }}, {{ input.note }}{{ missing }}."))
            .Node("end", "End").Chain("start", "mail", "end").Build());

        var instance = await _connector.Host.StartAsync("notify", new StartOptions { Input = new Dictionary<string, JsonNode?> { ["email"] = "buyer@example.com", ["note"] = "it is on its way" } });

        Assert.Equal(Engine.State.WorkflowStatus.Completed, instance.Status);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["buyer@example.com"], mail.To);
        Assert.Contains("Subject: Order SO-9 shipped", mail.Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Html_EscapesValues()
    {
        var text = Template.Render("<p>{{ name }}</p>", _ => "<script>x</script>", html: true);

        Assert.Equal("<p>&lt;script&gt;x&lt;/script&gt;</p>", text);
    }

    [Fact]
    public async Task Send_ServerDown_FailsTheNodeNamingTheConnection()
    {
        await _connector.Connections.SaveAsync(new Connection("down", ConnectionKind.Smtp) { Settings = new JsonObject { ["host"] = "127.0.0.1", ["port"] = "9", ["security"] = "None" } });
        _connector.Host.Register(new WorkflowBuilder("down").Node("start", "Start")
            .Node("mail", "SendEmail", ("connection", "down"), ("to", "a@example.com"), ("subject", "x"), ("body", "y"))
            .Node("end", "End").Chain("start", "mail", "end").Build());

        var instance = await _connector.Host.StartAsync("down");

        Assert.Contains("Sending through 'down'", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }
}
