using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using FlowCenter.Connectors.Files;
using FlowCenter.Connectors.Http;
using FlowCenter.Connectors.Mail;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Soap;

/// <summary>
/// Calls a SOAP 1.1/1.2 service: the envelope is a template whose <c>{{ placeholders }}</c> are filled from
/// variables and input (XML-escaped), the answer's fields are read by XPath into a variable, and a SOAP fault
/// leaves by <c>fault</c> with its code and text. Retries, the circuit breaker and the idempotency key are
/// those of the HTTP request.
/// </summary>
[Activity("SoapCall", Category = "Connectors", DisplayName = "SOAP call", Description = "Calls a SOAP service with an envelope template; XPath reads the answer; faults go out by 'fault'.",
    Ports = [SoapCall.Success, SoapCall.Fault, SoapCall.Timeout])]
public sealed class SoapCall(IHttpClientFactory clients, HttpPipelines pipelines, IConnectionStore connections) : IActivity
{
    public const string Success = "success";
    public const string Fault = "fault";
    public const string Timeout = "timeout";

    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A SOAP connection by name: its endpoint, default action, credentials and allowed hosts.", literalOnly: true);

    public static readonly ActivityInput<string?> Url = Inputs.String("url", "The endpoint, when there is no connection (or a path under the connection's endpoint).");

    public static readonly ActivityInput<string?> Action = Inputs.String("action", "The SOAPAction (the connection's when empty).");

    public static readonly ActivityInput<string?> Envelope = Inputs.String("envelope", "The request envelope; {{ placeholders }} are filled from variables and input, XML-escaped.", required: true);

    public static readonly ActivityInput<JsonObject?> Extract = Inputs.Object("extract", "Fields to read from the answer by XPath, e.g. { \"paymentNo\": \"//fin:PaymentNo\" }.");

    public static readonly ActivityInput<JsonObject?> Namespaces = Inputs.Object("namespaces", "Prefixes used in the XPaths, e.g. { \"fin\": \"urn:flowcenter:finance\" } (soap is known).");

    public static readonly ActivityInput<TimeSpan> TimeoutAfter = Inputs.Duration("timeout", "How long one attempt may take (30 s when empty).");

    public static readonly ActivityInput<int> Retries = Inputs.Integer("retries", "Attempts after the first, on timeouts, network errors and 5xx without a fault.", defaultValue: 2);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { status, fields, fault }.");

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var connection = context.Get(Connection) is { Length: > 0 } name
            ? await connections.FindAsync(name) ?? throw new ActivityException($"There is no connection '{name}'.")
            : null;
        var endpoint = Endpoint(connection, context.Get(Url));
        var action = context.Get(Action) ?? (connection is null ? null : JsonValues.ToText(connection.Settings["action"]));
        var envelope = Template.Render(context.Get(Envelope)!, Template.ProcessValues(context), html: true);
        try
        {
            XmlJson.Parse(envelope);
        }
        catch (XmlException ex)
        {
            throw new ActivityException($"The envelope is not XML once filled in: {ex.Message}", ex);
        }

        var soap12 = envelope.Contains(Soap12.NamespaceName, StringComparison.Ordinal);
        var key = Outcomes.RunKey(context, "idempotencyKey");
        var timeout = context.Get(TimeoutAfter) is { Ticks: > 0 } t ? t : TimeSpan.FromSeconds(30);
        var client = clients.CreateClient(HttpRequest.ClientName);

        HttpResponseMessage response;
        try
        {
            response = await pipelines.ExecuteAsync(endpoint, Math.Clamp(context.Get(Retries), 0, 10), TimeSpan.FromMilliseconds(500), timeout, async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
                request.Headers.TryAddWithoutValidation(HttpRequest.IdempotencyHeader, key);
                var mediaType = soap12 ? $"application/soap+xml; charset=utf-8{(action is null ? "" : $"; action=\"{action}\"")}" : "text/xml; charset=utf-8";
                request.Content = new StringContent(envelope, Encoding.UTF8);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
                if (!soap12)
                {
                    request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
                }

                if (connection is not null && JsonValues.ToText(connection.Settings["userName"]) is { Length: > 0 } user)
                {
                    var password = connection.Secrets.GetValueOrDefault("password") ?? "";
                    request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
                }

                var answer = await client.SendAsync(request, token);
                // A fault comes with 500: it is an answer, not a reason to try again.
                return (int)answer.StatusCode >= 500 && await HasFaultAsync(answer) ? Relabel(answer) : answer;
            });
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            SetResult(context, new JsonObject { ["status"] = null, ["error"] = $"no answer within {timeout.TotalSeconds:0.#} s" });
            Outcomes.Failure(context, Timeout, () => $"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} gave no answer within {timeout.TotalSeconds:0.#} s.");
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new ActivityException($"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} failed: {Http.HttpRequest.Describe(ex)}", ex);
        }

        using (response)
        {
            var status = response.Headers.TryGetValues(FaultHeader, out var original) ? int.Parse(original.First(), CultureInfo.InvariantCulture) : (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            XDocument answer;
            try
            {
                answer = XmlJson.Parse(text);
            }
            catch (XmlException ex)
            {
                throw new ActivityException($"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} answered {status} with something that is not XML: {ex.Message}", ex);
            }

            var body = answer.Root?.Element(Soap11 + "Body") ?? answer.Root?.Element(Soap12 + "Body")
                ?? throw new ActivityException($"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} answered {status} without a SOAP body.");
            if (body.Elements().FirstOrDefault(e => e.Name.LocalName == "Fault") is { } fault)
            {
                var details = FaultOf(fault);
                SetResult(context, new JsonObject { ["status"] = status, ["fault"] = details });
                Outcomes.Failure(context, Fault, () => $"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} answered with a fault: {details["code"]} {details["message"]}");
                return;
            }

            if (status is < 200 or >= 300)
            {
                throw new ActivityException($"SOAP {action} at {endpoint.GetLeftPart(UriPartial.Path)} answered {status}.");
            }

            SetResult(context, new JsonObject { ["status"] = status, ["fields"] = Fields(answer, context.Get(Extract), context.Get(Namespaces)) });
            context.Complete(Success);
        }
    }

    private const string FaultHeader = "X-FlowCenter-Fault-Status";

    private static async Task<bool> HasFaultAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        var text = await response.Content.ReadAsStringAsync();
        return text.Contains("Fault", StringComparison.Ordinal) && text.Contains("Envelope", StringComparison.Ordinal);
    }

    /// <summary>Keeps the fault's 500 from counting as a failure for the retries and the circuit breaker.</summary>
    private static HttpResponseMessage Relabel(HttpResponseMessage response)
    {
        response.Headers.TryAddWithoutValidation(FaultHeader, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        response.StatusCode = System.Net.HttpStatusCode.OK;
        return response;
    }

    private static Uri Endpoint(Connection? connection, string? url)
    {
        if (connection is not null)
        {
            if (connection.Kind != ConnectionKind.Soap)
            {
                throw new ActivityException($"Connection '{connection.Name}' is a {connection.Kind} connection, not SOAP.");
            }

            try
            {
                return RestConnection.Resolve(connection, url ?? JsonValues.ToText(connection.Settings["endpoint"]) ?? "", "endpoint");
            }
            catch (ConnectionException ex)
            {
                throw new ActivityException(ex.Message, ex);
            }
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ActivityException($"'{url}' is not an absolute http(s) address, and there is no connection.");
    }

    private static JsonObject FaultOf(XElement fault)
    {
        string? Find(params string[] names) => fault.Descendants().FirstOrDefault(e => names.Contains(e.Name.LocalName) && !e.HasElements)?.Value.Trim();
        return new JsonObject
        {
            ["code"] = Find("faultcode", "Value"),
            ["message"] = Find("faultstring", "Text"),
            ["detail"] = fault.Descendants().FirstOrDefault(e => e.Name.LocalName is "detail" or "Detail") is { } detail ? detail.Value.Trim() : null,
        };
    }

    private static JsonObject Fields(XDocument answer, JsonObject? extract, JsonObject? namespaces)
    {
        var manager = new XmlNamespaceManager(new NameTable());
        manager.AddNamespace("soap", Soap11.NamespaceName);
        manager.AddNamespace("soap12", Soap12.NamespaceName);
        foreach (var (prefix, uri) in namespaces ?? [])
        {
            manager.AddNamespace(prefix, JsonValues.ToText(uri) ?? "");
        }

        var fields = new JsonObject();
        foreach (var (name, path) in extract ?? [])
        {
            var xpath = JsonValues.ToText(path) ?? "";
            object found;
            try
            {
                found = answer.XPathEvaluate(xpath, manager);
            }
            catch (XPathException ex)
            {
                throw new ActivityException($"The XPath of '{name}' ({xpath}) is not valid: {ex.Message}", ex);
            }

            fields[name] = found switch
            {
                string s => s,
                double d => d,
                bool b => b,
                IEnumerable nodes => Values([.. nodes.Cast<XObject>()]),
                _ => null,
            };
        }

        return fields;
    }

    private static JsonNode? Values(List<XObject> nodes)
    {
        static JsonNode? One(XObject node) => node switch
        {
            XElement { HasElements: true } element => XmlJson.ToJson(new XDocument(new XElement(element)))[element.Name.LocalName]?.DeepClone(),
            XElement element => element.Value,
            XAttribute attribute => attribute.Value,
            XText text => text.Value,
            _ => null,
        };
        return nodes.Count switch
        {
            0 => null,
            1 => One(nodes[0]),
            _ => new JsonArray([.. nodes.Select(One)]),
        };
    }

    private static void SetResult(ActivityContext context, JsonObject result)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result);
        }
    }
}
