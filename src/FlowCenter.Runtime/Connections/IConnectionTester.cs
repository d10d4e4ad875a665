namespace FlowCenter.Runtime.Connections;

/// <summary>Tries a connection the way a connector would use it; connectors register one per kind they reach.</summary>
public interface IConnectionTester
{
    ConnectionKind Kind { get; }

    /// <summary>What happened, in a sentence: success and how long it took, or the exact failure.</summary>
    Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default);
}
