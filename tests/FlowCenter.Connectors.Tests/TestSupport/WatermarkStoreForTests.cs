using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Tests.TestSupport;

/// <summary>Watermarks in a dictionary for these unit tests (the EF store has its own contract tests on every provider).</summary>
internal sealed class WatermarkStoreForTests : IWatermarkStore
{
    private readonly Dictionary<string, Watermark> _marks = [];
    private readonly Lock _lock = new();

    public Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_marks.GetValueOrDefault(name));
        }
    }

    public Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? from, string value, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_marks.GetValueOrDefault(name)?.Revision != expectedRevision)
            {
                return Task.FromResult(false);
            }

            _marks[name] = new Watermark(name, value, claimant, from, at, (expectedRevision ?? 0) + 1);
            return Task.FromResult(true);
        }
    }

    public Task ResetAsync(string name, string? value, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _marks[name] = new Watermark(name, value, null, null, at, (_marks.GetValueOrDefault(name)?.Revision ?? 0) + 1);
            return Task.CompletedTask;
        }
    }
}
