using System.Diagnostics;
using FlowCenter.Connectors.Http;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries a REST connection: a GET of its base URL with its credentials; any answer from the system counts as reached.</summary>
public sealed class RestConnectionTester(IHttpClientFactory clients, RestConnection rest) : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Rest;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var client = clients.CreateClient(HttpRequest.ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, RestConnection.Resolve(connection, JsonValues.ToText(connection.Settings["baseUrl"]) ?? ""));
            await rest.AuthenticateAsync(connection, request, client, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await client.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return new ConnectionTestResult(status is < 400 or 404 or 405, $"{request.RequestUri} answered {status} {response.ReasonPhrase} in {watch.ElapsedMilliseconds} ms.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestResult(false, $"No answer within 10 s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectionException or InvalidOperationException)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }
}
