using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Security;

/// <summary>Makes the first administrator from <see cref="InitialAdministratorSettings"/> when the database has none.</summary>
public sealed class InitialAdministratorTask(IDirectory directory, IOrganizationAdmin admin, IOptions<SecurityOptions> options) : IStartupTask
{
    public int Order => 55;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var wanted = options.Value.InitialAdministrator;
        if (!wanted.IsSet || (await directory.ListUsersAsync(cancellationToken)).Any(u => u.Active && u.Roles.Contains(Roles.Administrator)))
        {
            return;
        }

        await admin.SaveUserAsync(new Person(wanted.UserName!, wanted.UserName!) { Roles = [Roles.Administrator] }, wanted.Password, cancellationToken);
    }
}
