using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Audit;

/// <summary>Where the audit log is kept: entries are added and read, never changed; only retention removes old ones.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<Page<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every entry the filter matches, oldest first, read in batches (for the CSV export).</summary>
    IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Removes entries older than the retention; the one deletion there is.</summary>
    Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
