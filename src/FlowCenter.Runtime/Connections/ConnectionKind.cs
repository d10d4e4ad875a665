namespace FlowCenter.Runtime.Connections;

/// <summary>What a named connection reaches.</summary>
public enum ConnectionKind
{
    Rest,
    Soap,
    Database,
    RabbitMq,
    Smtp,
    Folder,

    /// <summary>A system that calls FlowCenter: its deliveries to <c>/hooks/{name}/{event}</c> are checked with its secret.</summary>
    Webhook,
}
