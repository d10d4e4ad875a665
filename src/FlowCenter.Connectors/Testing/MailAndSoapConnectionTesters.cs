using System.Diagnostics;
using FlowCenter.Connectors.Http;
using FlowCenter.Connectors.Mail;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries an SMTP connection: connects, negotiates security and signs in when a user name is set.</summary>
public sealed class SmtpConnectionTester : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Smtp;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await SmtpSession.OpenAsync(connection, cancellationToken);
            var signedIn = client.IsAuthenticated ? ", signed in" : "";
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new ConnectionTestResult(true, $"{SmtpSession.HostOf(connection)} answered{signedIn}.");
        }
        catch (Exception ex) when (ex is ConnectionException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or IOException or TimeoutException)
        {
            return new ConnectionTestResult(false, $"{SmtpSession.HostOf(connection)}: {ex.Message}");
        }
    }
}

/// <summary>Tries a SOAP connection: asks its endpoint for the service description (<c>?wsdl</c>); any HTTP answer means it is reached.</summary>
public sealed class SoapConnectionTester(IHttpClientFactory clients) : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Soap;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var endpoint = RestConnection.Resolve(connection, JsonValues.ToText(connection.Settings["endpoint"]) ?? "", "endpoint");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await clients.CreateClient(HttpRequest.ClientName).GetAsync(new Uri(endpoint + "?wsdl"), timeout.Token);
            var status = (int)response.StatusCode;
            return new ConnectionTestResult(status < 500 || status == 500 && response.Content.Headers.ContentType?.MediaType?.Contains("xml", StringComparison.Ordinal) == true,
                $"{endpoint} answered {status} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestResult(false, "No answer within 10 s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectionException or UriFormatException)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }
}
