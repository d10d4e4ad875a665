using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Tests.TestSupport;

/// <summary>Watermarks in a dictionary for these unit tests (the EF store has its own contract tests on every provider).</summary>
internal sealed class WatermarkStoreForTests : IWatermarkStore
{
    private readonly Dictionary<string, Watermark> _marks = [];
    private readonly Dictionary<(string, string), WatermarkClaim> _claims = [];
    private readonly Lock _lock = new();

    public Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_marks.GetValueOrDefault(name));
        }
    }

    public Task<WatermarkClaim?> FindClaimAsync(string name, string claimant, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_claims.GetValueOrDefault((name, claimant)));
        }
    }

    public Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? previous, string reached, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_marks.GetValueOrDefault(name)?.Revision != expectedRevision)
            {
                return Task.FromResult(false);
            }

            _marks[name] = new Watermark(name, reached, at, (expectedRevision ?? 0) + 1);
            _claims[(name, claimant)] = new WatermarkClaim(name, claimant, previous, reached, at);
            return Task.FromResult(true);
        }
    }

    public Task ResetAsync(string name, string? value, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _marks[name] = new Watermark(name, value, at, (_marks.GetValueOrDefault(name)?.Revision ?? 0) + 1);
            return Task.CompletedTask;
        }
    }
}
