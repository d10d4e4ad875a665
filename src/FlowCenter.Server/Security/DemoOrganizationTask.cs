using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Organization;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Security;

/// <summary>Seeds the demo organisation into a database that has no users yet (the embedded default).</summary>
public sealed class DemoOrganizationTask(IDirectory directory, IOrganizationAdmin admin, IOptions<SecurityOptions> options) : IStartupTask
{
    public int Order => 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if ((await directory.ListUsersAsync(cancellationToken)).Count == 0)
        {
            await admin.ImportAsync(DemoOrganization.Create(), options.Value.DemoPassword, cancellationToken);
        }
    }
}
