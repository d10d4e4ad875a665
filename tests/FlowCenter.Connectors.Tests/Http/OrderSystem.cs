using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowCenter.Connectors.Tests.Http;

/// <summary>
/// A small ERP on 127.0.0.1 for the HTTP connector: <c>POST /orders</c> creates an order once per Idempotency-Key
/// (answering 500 to the first <see cref="FailFirst"/> calls, as a system under strain does), <c>/slow</c> answers
/// late, anything else is 404.
/// </summary>
public sealed class OrderSystem : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _calls;

    public OrderSystem()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = ListenAsync();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public int FailFirst { get; set; }

    public int Calls => _calls;

    /// <summary>The orders made, by idempotency key.</summary>
    public ConcurrentDictionary<string, JsonNode> Orders { get; } = new();

    public ConcurrentBag<string> KeysSeen { get; } = [];

    public ConcurrentBag<string> AuthorizationsSeen { get; } = [];

    public int TokenRequests => _tokens;

    private int _tokens;

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        using var reader = new StreamReader(request.InputStream);
        var body = await reader.ReadToEndAsync();
        var key = request.Headers["Idempotency-Key"] ?? "";
        KeysSeen.Add(key);
        AuthorizationsSeen.Add(request.Headers["Authorization"] ?? request.Headers["X-Api-Key"] ?? "");
        if (request.Url!.AbsolutePath == "/slow")
        {
            await Task.Delay(3000);
        }

        var (status, answer) = request.Url.AbsolutePath switch
        {
            "/orders" when request.HttpMethod == "POST" && Interlocked.Increment(ref _calls) <= FailFirst => (500, "{\"error\":\"busy\"}"),
            "/orders" when request.HttpMethod == "POST" => (201, Orders.GetOrAdd(key, _ => new JsonObject { ["orderNo"] = $"SO-{Orders.Count + 1}", ["request"] = JsonNode.Parse(body) }).ToJsonString()),
            "/slow" => (200, "{}"),
            "/token" when body.Contains("client_secret=cs-1", StringComparison.Ordinal) => (200, $"{{\"access_token\":\"tok-{Interlocked.Increment(ref _tokens)}\",\"expires_in\":3600}}"),
            "/token" => (401, "{\"error\":\"invalid_client\"}"),
            _ => (404, "{\"error\":\"no such thing\"}"),
        };
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(answer);
        try
        {
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (HttpListenerException)
        {
            // The caller gave up (a timeout test).
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
