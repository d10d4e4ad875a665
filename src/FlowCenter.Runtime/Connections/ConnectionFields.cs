namespace FlowCenter.Runtime.Connections;

/// <summary>The settings and secrets of each kind of connection.</summary>
public static class ConnectionFields
{
    public static readonly IReadOnlyList<string> AuthTypes = ["none", "basic", "bearer", "apiKey", "oauth2"];

    public static IReadOnlyList<ConnectionField> For(ConnectionKind kind) => kind switch
    {
        ConnectionKind.Rest =>
        [
            new("baseUrl"), new("auth", Choices: AuthTypes),
            new("userName", ShownWhen: "auth=basic"), new("password", Secret: true, ShownWhen: "auth=basic"),
            new("token", Secret: true, ShownWhen: "auth=bearer"),
            new("apiKeyHeader", ShownWhen: "auth=apiKey"), new("apiKey", Secret: true, ShownWhen: "auth=apiKey"),
            new("tokenUrl", ShownWhen: "auth=oauth2"), new("clientId", ShownWhen: "auth=oauth2"), new("scope", ShownWhen: "auth=oauth2"),
            new("clientSecret", Secret: true, ShownWhen: "auth=oauth2"),
        ],
        ConnectionKind.Soap => [new("endpoint"), new("action"), new("userName"), new("password", Secret: true)],
        ConnectionKind.Database => [new("provider", Choices: ["Sqlite", "PostgreSql", "SqlServer"]), new("connectionString", Secret: true)],
        ConnectionKind.RabbitMq => [new("host"), new("port"), new("virtualHost"), new("userName"), new("password", Secret: true), new("queues"), new("correlationField")],
        ConnectionKind.Smtp => [new("host"), new("port"), new("security", Choices: ["None", "Auto", "SslOnConnect", "StartTls"]), new("from"), new("userName"), new("password", Secret: true)],
        ConnectionKind.Folder => [new("path")],
        ConnectionKind.Webhook =>
        [
            new("auth", Choices: ["apiKey", "hmac"]), new("apiKeyHeader", ShownWhen: "auth=apiKey"), new("signatureHeader", ShownWhen: "auth=hmac"),
            new("deliveryIdHeader"), new("correlationField"), new("key", Secret: true),
        ],
        _ => [],
    };
}
