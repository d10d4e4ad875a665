namespace FlowCenter.Persistence;

/// <summary>Which database FlowCenter uses; from configuration (FlowCenter:Database).</summary>
public sealed class PersistenceOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The provider's connection string; for SQLite, for example <c>Data Source=data/flowcenter.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/flowcenter.db";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
