namespace FlowCenter.Persistence.Records;

public sealed class ConnectionRecord
{
    public string Name { get; set; } = "";

    public int Kind { get; set; }

    public string? Description { get; set; }

    public string SettingsJson { get; set; } = "{}";

    /// <summary>The secrets as a JSON object of encrypted values.</summary>
    public string SecretsJson { get; set; } = "{}";

    /// <summary>Allowed hosts, comma-separated.</summary>
    public string? AllowedHosts { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
