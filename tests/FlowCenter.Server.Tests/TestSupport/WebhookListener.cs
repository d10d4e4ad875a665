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
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            lock (Bodies)
            {
                Bodies.Add(body);
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
