using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Security;

/// <summary>
/// The Data Protection keys in the database: encrypted with the configured certificate; without one, kept as
/// they are and said so once, with no framework warning in the server's console.
/// </summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task WithACertificate_TheKeysAreEncrypted_AndSignInStillWorks()
    {
        using var folder = new TempFolder();
        var pfx = Path.Combine(folder.Path, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=FlowCenter keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        }

        var database = Path.Combine(folder.Path, "flowcenter.db");
        await using var server = await ServerProcess.StartAsync("keys-encrypted", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={database}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Security:DataProtectionCertificate"] = pfx,
            ["FlowCenter:Security:DataProtectionCertificatePassword"] = "secret",
        });
        using var signIn = await server.Client.GetAsync("/account/signin"); // makes the first key (anti-forgery)
        signIn.EnsureSuccessStatusCode();
        using var api = server.ClientAs("zhang.wei");
        using var inbox = await api.GetAsync("/api/tasks");
        inbox.EnsureSuccessStatusCode();

        var keys = await KeysAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("EncryptedXml", k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain("<masterKey", k, StringComparison.Ordinal));
        Assert.DoesNotContain("unencrypted", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACertificate_TheConsoleSaysItOnce_WithoutTheFrameworksWarning()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "flowcenter.db");
        await using var server = await ServerProcess.StartAsync("keys-plain", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={database}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["Logging:LogLevel:Default"] = "Information", // as ./run.sh shows it
        });
        using var signIn = await server.Client.GetAsync("/account/signin");
        signIn.EnsureSuccessStatusCode();

        Assert.NotEmpty(await KeysAsync(database));
        Assert.DoesNotContain("No XML encryptor configured", server.Log, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(server.Log, "Data Protection keys are kept in the database unencrypted"));
    }

    private static async Task<List<string>> KeysAsync(string database)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT Xml FROM DataProtectionKeys";
        await using var reader = await query.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
