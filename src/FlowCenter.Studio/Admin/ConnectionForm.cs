using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Studio.Admin;

/// <summary>A connection being edited: settings as text, secrets typed now (empty keeps the saved one).</summary>
public sealed class ConnectionForm
{
    public string Name { get; set; } = "";

    public ConnectionKind Kind { get; set; } = ConnectionKind.Rest;

    public string? Description { get; set; }

    public Dictionary<string, string?> Settings { get; } = new() { ["auth"] = "none" };

    public Dictionary<string, string?> Secrets { get; } = [];

    public IReadOnlyList<string> SecretNames { get; private init; } = [];

    public string? AllowedHosts { get; set; }

    public static ConnectionForm From(Connection connection)
    {
        var form = new ConnectionForm { Name = connection.Name, Kind = connection.Kind, Description = connection.Description, SecretNames = connection.SecretNames, AllowedHosts = string.Join(", ", connection.AllowedHosts) };
        foreach (var (name, value) in connection.Settings)
        {
            form.Settings[name] = JsonValues.ToText(value);
        }

        return form;
    }

    /// <summary>The connection to save: only the settings of its kind, only the secrets typed (empty ones are kept as saved).</summary>
    public Connection ToConnection()
    {
        var fields = ConnectionFields.For(Kind);
        var settings = new JsonObject();
        foreach (var field in fields.Where(f => !f.Secret && !string.IsNullOrWhiteSpace(Settings.GetValueOrDefault(f.Name))))
        {
            settings[field.Name] = Settings[field.Name]!.Trim();
        }

        return new Connection(Name.Trim(), Kind)
        {
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
            Settings = settings,
            Secrets = Secrets.Where(s => fields.Any(f => f.Secret && f.Name == s.Key) && !string.IsNullOrEmpty(s.Value)).ToDictionary(s => s.Key, s => s.Value!),
            AllowedHosts = (AllowedHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
