using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>An HTTP endpoint on 127.0.0.1 that keeps the JSON bodies posted to it, as a chat robot would receive them.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookListener()
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

    public string Url => $"http://127.0.0.1:{Port}/robot";

    public List<JsonNode> Bodies { get; } = [];

    /// <summary>Every request in the order it came: path, its <c>Idempotency-Key</c> header and its JSON body.</summary>
    public List<(string Path, string? IdempotencyKey, JsonNode? Body)> Requests { get; } = [];

    /// <summary>A snapshot of <see cref="Requests"/>, safe to read while requests arrive.</summary>
    public IReadOnlyList<(string Path, string? IdempotencyKey, JsonNode? Body)> RequestsSoFar()
    {
        lock (Bodies)
        {
            return [.. Requests];
        }
    }

    /// <summary>What to answer a request for a path with (a JSON document); null answers 200 with no body.</summary>
    public Func<string, JsonNode?>? Respond { get; set; }

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

            using var reader = new StreamReader(context.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            var body = text.Length > 0 ? JsonNode.Parse(text) : null;
            lock (Bodies)
            {
                if (body is not null)
                {
                    Bodies.Add(body);
                }

                Requests.Add((context.Request.Url!.AbsolutePath, context.Request.Headers["Idempotency-Key"], body));
            }

            context.Response.StatusCode = 200;
            if (Respond?.Invoke(context.Request.Url!.AbsolutePath) is { } answer)
            {
                context.Response.ContentType = "application/json";
                var bytes = System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString());
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
