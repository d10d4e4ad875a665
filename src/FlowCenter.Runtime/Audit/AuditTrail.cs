using FlowCenter.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Audit;

/// <summary>
/// Writes the audit log for the services that change things. A failure to write is logged, never thrown: the
/// action itself already happened and was committed.
/// </summary>
public sealed partial class AuditTrail(IAuditStore store, IEnumerable<IAuditContext> contexts, TimeProvider clock, ILogger<AuditTrail> logger)
{
    private readonly IAuditContext? _context = contexts.LastOrDefault();

    /// <summary>Records an action by whoever acts now (the signed-in caller, else the system).</summary>
    public Task RecordAsync(string action, string target, string? detail = null, CancellationToken cancellationToken = default)
    {
        var (actor, via, address) = _context?.Current ?? ("system", "system", null);
        return RecordAsAsync(actor, via, address, action, target, detail, cancellationToken);
    }

    /// <summary>Records an action by a named actor (a sign-in that failed, a system sending an event).</summary>
    public async Task RecordAsAsync(string actor, string via, string? address, string action, string target, string? detail = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.AppendAsync(new AuditEntry(clock.GetUtcNow(), Cut(actor, 200), action, Cut(target, 300))
            {
                Via = Cut(via, 100), Address = address ?? _context?.Current.Address, Detail = detail is null ? null : Cut(detail, 4000),
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex, action, target);
        }
    }

    /// <summary>The log for an Administrator; anyone else is refused here, whatever page or endpoint asks.</summary>
    public Task<Page<AuditEntry>> QueryAsync(AuditQuery query, Cases.Caller caller, CancellationToken cancellationToken = default) =>
        caller.IsAdministrator ? store.QueryAsync(query, cancellationToken) : throw new UnauthorizedAccessException("The audit log is for administrators.");

    /// <summary>Every entry the filter matches, oldest first (the CSV export), for an Administrator.</summary>
    public IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, Cases.Caller caller, CancellationToken cancellationToken = default) =>
        caller.IsAdministrator ? store.ReadAllAsync(query, cancellationToken) : throw new UnauthorizedAccessException("The audit log is for administrators.");

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit log could not record {Action} on {Target}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string action, string target);
}
