using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>Another system calls /hooks: signed deliveries start and resume processes, once per delivery id.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task Hook_SignedDelivery_StartsOnceAndResumesByKey_ForgedOrMalformedIsRefused()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("order")
            .Node("start", "EventStart", ("eventName", "crm.order-confirmed"))
            .Node("wait", "WaitEvent", ("eventName", "mes.produced"), ("correlationKey", new Js("input.orderNo")))
            .Node("end", "End")
            .Connect("start", "wait").Connect("wait", "end").Build());
        await using var server = await ServerProcess.StartAsync("hooks", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var saved = await server.Client.PutAsJsonAsync("/api/connections/crm", new
        {
            kind = "webhook",
            settings = new { auth = "hmac", correlationField = "orderNo" },
            secrets = new Dictionary<string, string> { ["key"] = "shared-secret" },
        });
        saved.EnsureSuccessStatusCode();
        using var anonymous = server.ClientAs(null);

        async Task<HttpResponseMessage> DeliverAsync(string eventName, string body, string? delivery, string secret = "shared-secret", DateTimeOffset? at = null, string? signedAs = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/crm/{eventName}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var stamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Timestamp", stamp);
            request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{stamp}.{signedAs ?? delivery}.{body}"))));
            if (delivery is not null)
            {
                request.Headers.Add("X-Delivery-Id", delivery);
            }

            return await anonymous.SendAsync(request);
        }

        using var first = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-77","qty":5}""", "d-1");
        using var replay = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-77","qty":5}""", "d-1");
        using var forged = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-78"}""", "d-2", secret: "guess");
        using var malformed = await DeliverAsync("crm.order-confirmed", """{"orderNo": """, "d-3");
        using var noDeliveryId = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-79"}""", null, signedAs: "");
        using var tooOld = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-80"}""", "d-4", at: DateTimeOffset.UtcNow.AddMinutes(-30));
        using var renamed = await DeliverAsync("crm.order-confirmed", """{"orderNo":"SO-77","qty":5}""", "d-5", signedAs: "d-1");
        var listed = await server.GetAsync("/api/instances?definitionId=order");
        using var produced = await DeliverAsync("mes.produced", """{"orderNo":"SO-77","good":5}""", "m-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"duplicate\":true", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDeliveryId.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tooOld.StatusCode);
        Assert.Contains("too old", await tooOld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, renamed.StatusCode);
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, produced.StatusCode);
        var id = listed["items"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("completed", (await server.GetAsync($"/api/instances/{id}"))["status"]!.GetValue<string>());
        Assert.DoesNotContain("shared-secret", await server.Client.GetStringAsync("/api/connections"), StringComparison.Ordinal);
    }
}
