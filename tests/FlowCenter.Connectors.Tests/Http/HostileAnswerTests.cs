using System.Net;
using System.Net.Sockets;
using System.Text;
using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using Xunit.Abstractions;

namespace FlowCenter.Connectors.Tests.Http;

/// <summary>
/// Hostile answers from a system a process calls: each fails the node with an incident that names the call and
/// what was wrong with the answer, nothing of the answer is kept in the instance, and the host stays up.
/// </summary>
public sealed class HostileAnswerTests(ITestOutputHelper output) : IDisposable
{
    private readonly HostileSystem _system = new();
    private readonly ConnectorHost _connector = new();

    public static TheoryData<string, string> Answers => new()
    {
        { "/html", "not JSON" },
        { "/deep", "nested deeper than 64 levels" },
        { "/huge", "larger than 20 MiB" },
        { "/cut", "broke off before it was complete" },
        { "/bytes", "not JSON" },
        { "/many", "500,000 values" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task HostileAnswer_FailsTheNodeNamingTheCallAndTheFault_NothingKept(string path, string names)
    {
        var instance = await RunAsync(path);

        Assert.NotEqual(WorkflowStatus.Completed, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        output.WriteLine($"{path}: {incident.Message}");
        Assert.Contains($"{_system.Url}{path}", incident.Message, StringComparison.Ordinal);
        Assert.Contains(names, incident.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(instance.Variables["response"] is null || instance.Variables["response"]!.ToJsonString().Length < 10_000, "the hostile answer was kept in the instance");
        Assert.True(incident.Message.Length < 2_000, "the incident repeats the answer at length");
    }

    public void Dispose()
    {
        _connector.Dispose();
        _system.Dispose();
    }

    private async Task<WorkflowInstance> RunAsync(string path)
    {
        var id = "hostile-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id)
            .Variable("response")
            .Node("start", "Start")
            .Node("call", "HttpRequest", ("url", _system.Url + path), ("resultVariable", "response"), ("retries", 0))
            .Node("done", "End")
            .Connect("start", "call").Connect("call", "done", Connectors.Http.HttpRequest.Success)
            .Build());
        return await _connector.Host.StartAsync(id, new StartOptions());
    }

    /// <summary>A system on 127.0.0.1 that answers 200 with something hostile, raw over TCP so it can also lie and hang up.</summary>
    private sealed class HostileSystem : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public HostileSystem()
        {
            _listener.Start();
            _ = Task.Run(ListenAsync);
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        private async Task ListenAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = Task.Run(() => AnswerAsync(client));
            }
        }

        private static async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.ASCII);
                    var requestLine = await reader.ReadLineAsync() ?? "";
                    while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                    {
                        // Headers; a GET has no body.
                    }

                    var path = requestLine.Split(' ') is [_, var p, ..] ? p : "/";
                    byte[] body = path switch
                    {
                        "/html" => Encoding.UTF8.GetBytes("<html><body>502 Bad Gateway</body></html>"),
                        "/deep" => Encoding.UTF8.GetBytes(new string('[', 200_000) + new string(']', 200_000)),
                        "/huge" => Encoding.UTF8.GetBytes("[\"" + new string('x', 25 * 1024 * 1024) + "\"]"),
                        "/bytes" => [0xFF, 0xFE, 0xFD, 0x00, 0xC3, 0x28, 0xA0, 0xA1],
                        "/many" => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("0", 600_000)) + "]"),
                        _ => Encoding.UTF8.GetBytes("{\"partial\": "),
                    };
                    // /cut promises a megabyte and hangs up after a few bytes.
                    var length = path == "/cut" ? 1024 * 1024 : body.Length;
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head);
                    await stream.WriteAsync(body);
                    await stream.FlushAsync();
                }
                catch (IOException)
                {
                    // The caller stopped reading (an answer over the limit).
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
