using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Http;

/// <summary>
/// Calls an HTTP endpoint and leaves by the class of its answer: <c>success</c> (2xx), <c>clientError</c> (4xx),
/// <c>serverError</c> (5xx after the retries) or <c>timeout</c>. Every attempt carries the same
/// <c>Idempotency-Key</c>, fixed at the node's first execution, so that a retried or re-run call (after a crash)
/// does not create a second order in the system called. Network failures, an open circuit and a failure outcome
/// the process does not handle (no connection leaves its port) fail the node: its retry policy, error port or an
/// incident take over.
/// </summary>
[Activity("HttpRequest", Category = "Connectors", DisplayName = "HTTP request", Description = "Calls a REST endpoint; outcomes by status class, retries with backoff, a circuit breaker per host, an idempotency key.",
    Ports = [HttpRequest.Success, HttpRequest.ClientError, HttpRequest.ServerError, HttpRequest.Timeout])]
public sealed class HttpRequest(IHttpClientFactory clients, HttpPipelines pipelines, IConnectionStore connections, RestConnection rest) : IActivity
{
    /// <summary>The largest answer a connector reads (HTTP, SOAP, change polling).</summary>
    public const long MaxAnswerBytes = 20 * 1024 * 1024;

    public const string ClientName = "flowcenter-connectors";
    public const string Success = "success";
    public const string ClientError = "clientError";
    public const string ServerError = "serverError";
    public const string Timeout = "timeout";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static readonly ActivityInput<string?> Method = Inputs.String("method", "GET, POST, PUT, PATCH or DELETE.", defaultValue: "GET", choices: ["GET", "POST", "PUT", "PATCH", "DELETE"], literalOnly: true);

    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A REST connection by name: its base URL (the URL may then be relative), its credentials, and the hosts it allows.");

    public static readonly ActivityInput<string?> Url = Inputs.String("url", "The address, or a path under the connection's base URL; an expression builds it from variables.", required: true);

    public static readonly ActivityInput<JsonObject?> Headers = Inputs.Object("headers", "Request headers, e.g. { \"Authorization\": \"Bearer ...\" }.");

    public static readonly ActivityInput<JsonNode?> Body = Inputs.Any("body", "The JSON body (an expression maps variables into it).");

    public static readonly ActivityInput<TimeSpan> TimeoutAfter = Inputs.Duration("timeout", "How long one attempt may take (30 s when empty).");

    public static readonly ActivityInput<int> Retries = Inputs.Integer("retries", "Attempts after the first, on 5xx, timeouts and network errors.", defaultValue: 3);

    public static readonly ActivityInput<TimeSpan> RetryDelay = Inputs.Duration("retryDelay", "The first wait between attempts, doubled each time (0.5 s when empty).");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { status, headers, body }.");

    public static readonly ActivityInput<string?> ResponseFormat = Inputs.String("responseFormat", "json: a successful answer must be JSON (or empty), else the node fails; text: the body is kept as text.", defaultValue: "json", choices: ["json", "text"]);

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var url = context.Get(Url)!;
        var connection = context.Get(Connection) is { Length: > 0 } name
            ? await connections.FindAsync(name) ?? throw new ActivityException($"There is no connection '{name}'.")
            : null;
        Uri uri;
        if (connection is not null)
        {
            try
            {
                uri = RestConnection.Resolve(connection, url);
            }
            catch (ConnectionException ex)
            {
                throw new ActivityException(ex.Message, ex);
            }
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out uri!) || uri.Scheme is not ("http" or "https"))
        {
            throw new ActivityException($"'{url}' is not an absolute http(s) address.");
        }

        var key = Outcomes.RunKey(context, "idempotencyKey");
        var method = new HttpMethod(context.Get(Method) ?? "GET");
        var headers = context.Get(Headers);
        var body = context.Get(Body);
        var timeout = context.Get(TimeoutAfter) is { Ticks: > 0 } t ? t : TimeSpan.FromSeconds(30);
        var delay = context.Get(RetryDelay) is { Ticks: > 0 } d ? d : TimeSpan.FromMilliseconds(500);
        var retries = Math.Clamp(context.Get(Retries), 0, 10);
        var client = clients.CreateClient(ClientName);

        HttpResponseMessage response;
        try
        {
            response = await pipelines.ExecuteAsync(uri, retries, delay, timeout, async token =>
            {
                using var request = new HttpRequestMessage(method, uri);
                request.Headers.TryAddWithoutValidation(IdempotencyHeader, key);
                foreach (var (name, value) in headers ?? [])
                {
                    request.Headers.TryAddWithoutValidation(name, JsonValues.ToText(value));
                }

                if (connection is not null)
                {
                    await rest.AuthenticateAsync(connection, request, client, token);
                }

                if (body is not null && method != HttpMethod.Get)
                {
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                return await client.SendAsync(request, token);
            });
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            SetResult(context, new JsonObject { ["status"] = null, ["error"] = $"no answer within {timeout.TotalSeconds:0.#} s" });
            Outcomes.Failure(context, Timeout, () => $"{method} {uri.GetLeftPart(UriPartial.Path)} gave no answer within {timeout.TotalSeconds:0.#} s.");
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or ConnectionException)
        {
            throw new ActivityException($"{method} {uri.GetLeftPart(UriPartial.Path)} failed: {Describe(ex)}", ex);
        }

        using (response)
        {
            var asText = context.Get(ResponseFormat) == "text";
            var status = (int)response.StatusCode;
            var (result, notJson, beyondLimits) = await ResultAsync(response, asText);
            if (beyondLimits is not null)
            {
                throw new ActivityException($"{method} {uri.GetLeftPart(UriPartial.Path)} answered {status}; {beyondLimits}");
            }

            SetResult(context, result);
            if (status is >= 200 and < 300)
            {
                if (notJson && !asText)
                {
                    var page = result["body"]!.GetValue<string>();
                    throw new ActivityException($"{method} {uri.GetLeftPart(UriPartial.Path)} answered {status} with a body that is not JSON: {(page.Length > 200 ? page[..200] + "..." : page)}");
                }

                context.Complete(Success);
                return;
            }

            var excerpt = result["body"] is { } answer ? answer.ToJsonString() : "";
            Outcomes.Failure(context, status is >= 400 and < 500 ? ClientError : ServerError,
                () => $"{method} {uri.GetLeftPart(UriPartial.Path)} answered {status}: {(excerpt.Length > 300 ? excerpt[..300] + "..." : excerpt)}");
        }
    }

    /// <summary>What a failed call's exception means, in words: an answer over the size limit says so.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        HttpRequestException when ex.Message.Contains("buffer size", StringComparison.OrdinalIgnoreCase) => $"the answer is larger than {MaxAnswerBytes / 1024 / 1024} MiB, the most FlowCenter reads",
        HttpRequestException { InnerException: IOException broken } => $"the answer broke off before it was complete ({broken.Message})",
        _ => ex.Message,
    };

    private static async Task<(JsonObject Result, bool NotJson, string? BeyondLimits)> ResultAsync(HttpResponseMessage response, bool asText)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body;
        var notJson = false;
        try
        {
            body = text.Length == 0 ? null : asText ? text : JsonLimits.Parse(text, "the answer");
        }
        catch (JsonLimitException ex)
        {
            return ([], false, ex.Message[..1].ToLowerInvariant() + ex.Message[1..]);
        }
        catch (JsonException)
        {
            body = text; // not JSON: kept as text (an error page, say); a successful answer then fails the node
            notJson = true;
        }

        return (new JsonObject
        {
            ["status"] = (int)response.StatusCode,
            ["headers"] = new JsonObject([.. response.Headers.Concat(response.Content.Headers).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)string.Join(", ", h.Value)))]),
            ["body"] = body,
        }, notJson, null);
    }

    private static void SetResult(ActivityContext context, JsonObject result)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result);
        }
    }
}
