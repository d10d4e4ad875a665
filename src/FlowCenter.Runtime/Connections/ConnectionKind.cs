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
}
