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

        return caller.UserName.Length > 0 && await instances.LoadAsync(instanceId, cancellationToken) is { } stored && await MayReadAsync(stored, caller, cancellationToken);
    }

    /// <summary>The same rule for an instance the caller of this method has loaded already (no second read of it).</summary>
    public async Task<bool> MayReadAsync(StoredInstance stored, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.IsOperator)
        {
            return true;
        }

        if (caller.UserName.Length == 0)
        {
            return false;
        }

        for (var level = 0; ; level++)
        {
            if (stored.StartedBy?.IsPerson(caller.UserName) == true
                || (await tasks.ParticipantsAsync(stored.Instance.Id, cancellationToken)).Includes(caller))
            {
                return true;
            }

            if (level + 1 >= MaxParentLevels || stored.Instance.ParentInstanceId is not { } parent || await instances.LoadAsync(parent, cancellationToken) is not { } loaded)
            {
                return false;
            }

            stored = loaded;
        }
    }
}
