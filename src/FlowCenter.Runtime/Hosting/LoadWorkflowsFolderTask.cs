using FlowCenter.Runtime.Definitions;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Hosting;

/// <summary>Imports and publishes the configured workflows folder at start-up.</summary>
public sealed class LoadWorkflowsFolderTask(WorkflowFolderLoader loader, IOptions<RuntimeOptions> options) : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WorkflowsFolder is { Length: > 0 } folder)
        {
            await loader.LoadAsync(folder, cancellationToken);
        }
    }
}
