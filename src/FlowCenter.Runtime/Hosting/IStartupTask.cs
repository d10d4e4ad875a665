namespace FlowCenter.Runtime.Hosting;

/// <summary>Work done once when the host starts, in <see cref="Order"/>: migrations, loading definitions, recovery.</summary>
public interface IStartupTask
{
    int Order { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
