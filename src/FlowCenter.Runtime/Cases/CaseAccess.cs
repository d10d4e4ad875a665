using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Cases;

/// <summary>
/// The one rule for a case's data (task details, form values, variables, journal, incidents, attachments,
/// history, comments): Operators and Administrators see every case; anyone else only a case they take part in
/// (requester, a current or past assignee or candidate, a delegate, someone who acted, someone copied), or the
/// sub-process of such a case. Every service that hands out case data asks here; pages and endpoints never decide.
/// </summary>
public sealed class CaseAccess(ITaskStore tasks, IInstanceStore instances)
{
    /// <summary>How far up a chain of sub-processes a parent case's people still see the child.</summary>
    private const int MaxParentLevels = 10;

    public async Task<bool> MayReadAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.IsOperator)
        {
            return true;
        }

        if (caller.UserName.Length == 0)
        {
            return false;
        }

        string? id = instanceId;
        for (var level = 0; id is not null && level < MaxParentLevels; level++)
        {
            if (await instances.LoadAsync(id, cancellationToken) is not { } stored)
            {
                return false;
            }

            if (string.Equals(stored.StartedBy, caller.UserName, StringComparison.OrdinalIgnoreCase)
                || (await tasks.ParticipantsAsync(id, cancellationToken)).Includes(caller))
            {
                return true;
            }

            id = stored.Instance.ParentInstanceId;
        }

        return false;
    }
}
