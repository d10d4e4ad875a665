using System.Text.Json.Nodes;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Connections;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Runtime.Tests.Connections;

/// <summary>The connection registry on every provider: secrets encrypted at rest, listed by name only, kept unless replaced.</summary>
public sealed class ConnectionStoreContractTests
{
    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Save_EncryptsSecrets_ListsThemByNameOnly_AndKeepsThemUnlessReplaced(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        var store = harness.Connections;
        await store.SaveAsync(new Connection("erp", ConnectionKind.Rest)
        {
            Settings = new JsonObject { ["baseUrl"] = "http://erp.local/api", ["auth"] = "bearer" },
            Secrets = new Dictionary<string, string> { ["token"] = "s3cr3t-token", ["spare"] = "x" },
            AllowedHosts = ["files.erp.local"],
        });

        await using (var db = harness.Database.Contexts.CreateDbContext())
        {
            var raw = await db.Connections.AsNoTracking().SingleAsync();
            Assert.DoesNotContain("s3cr3t-token", raw.SecretsJson, StringComparison.Ordinal);
        }

        var listed = Assert.Single(await store.ListAsync());
        Assert.Empty(listed.Secrets);
        Assert.Equal(["token", "spare"], listed.SecretNames);

        // Changing the settings without giving the token keeps it; an empty secret removes it.
        await store.SaveAsync(new Connection("erp", ConnectionKind.Rest)
        {
            Settings = new JsonObject { ["baseUrl"] = "http://erp.local/v2", ["auth"] = "bearer" },
            Secrets = new Dictionary<string, string> { ["spare"] = "" },
        });
        var found = await store.FindAsync("erp");

        Assert.Equal("s3cr3t-token", found!.Secrets["token"]);
        Assert.False(found.Secrets.ContainsKey("spare"));
        Assert.Equal("http://erp.local/v2", found.Settings["baseUrl"]!.GetValue<string>());
        Assert.Empty(found.AllowedHosts);
        Assert.Null(await store.FindAsync("crm"));

        // Another node (another provider instance on the same database) reads the secret: the key ring is shared.
        await using var other = await harness.StartAnotherAsync();
        Assert.Equal("s3cr3t-token", (await other.Connections.FindAsync("erp"))!.Secrets["token"]);
    }
}
