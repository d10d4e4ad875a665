using FlowCenter.Runtime.Connections;
using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// What the designer's pickers offer: the active people, roles, positions, departments and the registered
/// connections, read once for a user's session and again when more than half a minute old, so that selecting
/// steps does not read the organisation every time.
/// </summary>
public sealed class OrganisationChoices(IDirectory directory, ConnectionRegistry connections, TimeProvider clock)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<Position> Positions { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public async Task LoadAsync()
    {
        if (clock.GetUtcNow() - _readAt < FreshFor)
        {
            return;
        }

        People = [.. (await directory.ListUsersAsync()).Where(p => p.Active)];
        Roles = await directory.ListRolesAsync();
        Positions = await directory.ListPositionsAsync();
        Departments = await directory.ListDepartmentsAsync();
        Connections = await connections.ListAsync();
        _readAt = clock.GetUtcNow();
    }
}
