using System.Text.Json.Nodes;
using FlowCenter.Runtime.Connections;
using FlowCenter.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Hosting;

/// <summary>Settings under <c>FlowCenter:Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Where the simulated enterprise systems listen (samples/FlowCenter.Samples.Enterprise); empty: no demo connections.</summary>
    public string? EnterpriseUrl { get; set; }

    /// <summary>The key the simulators sign their webhooks with; only the demo sets one.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The folder of the <c>reports</c> connection (processes write their reports there), under the content root when relative.</summary>
    public string ReportsFolder { get; set; } = Path.Combine("data", "reports");
}

/// <summary>
/// Registers the connections to the simulated enterprise systems — one REST connection per system, the finance
/// SOAP service, the webhook connection they call back through and a folder for reports — unless a connection of
/// that name exists (an administrator's changes are kept).
/// </summary>
public sealed class DemoConnections(IConnectionStore connections, IOptions<DemoOptions> options, IHostEnvironment environment) : IStartupTask
{
    public static readonly string[] Systems = ["crm", "erp", "mes", "wms", "srm", "finance", "hrm", "oa"];

    public int Order => 60;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EnterpriseUrl is not { Length: > 0 } url)
        {
            return;
        }

        if (options.Value.WebhookSecret is not { Length: > 0 })
        {
            throw new InvalidOperationException("FlowCenter:Demo:EnterpriseUrl needs FlowCenter:Demo:WebhookSecret, the key the simulators sign with (./run.sh sets both).");
        }

        url = url.TrimEnd('/');
        var reports = Path.GetFullPath(options.Value.ReportsFolder, environment.ContentRootPath);
        Directory.CreateDirectory(reports);
        var wanted = Systems.Select(system => new Connection(system, ConnectionKind.Rest)
        {
            Description = $"Simulated {system.ToUpperInvariant()} (samples/FlowCenter.Samples.Enterprise)",
            Settings = new JsonObject { ["baseUrl"] = $"{url}/api/{system}", ["auth"] = "none" },
        }).Append(new Connection("finance-soap", ConnectionKind.Soap)
        {
            Description = "Simulated finance system, payment service (SOAP)",
            Settings = new JsonObject { ["endpoint"] = $"{url}/soap/finance", ["action"] = "urn:flowcenter:finance/CreatePaymentRequest" },
        }).Append(new Connection("enterprise", ConnectionKind.Webhook)
        {
            Description = "Webhooks from the simulated enterprise systems (HMAC-signed)",
            Settings = new JsonObject { ["auth"] = "hmac" },
            Secrets = new Dictionary<string, string> { ["key"] = options.Value.WebhookSecret! },
        }).Append(new Connection("reports", ConnectionKind.Folder)
        {
            Description = "Reports written by processes (customer sync conflicts)",
            Settings = new JsonObject { ["path"] = reports },
        });
        foreach (var connection in wanted)
        {
            if (await connections.FindAsync(connection.Name, cancellationToken) is null)
            {
                await connections.SaveAsync(connection, cancellationToken);
            }
        }
    }
}
