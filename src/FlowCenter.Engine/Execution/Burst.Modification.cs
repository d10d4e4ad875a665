using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Execution;

internal sealed partial class Burst
{
    /// <summary>
    /// Carries out a planned modification: each cancelled path closes where it stands (its waits withdrawn, its
    /// problem resolved as cancelled), each placed path is journalled as placed by <paramref name="by"/> and then
    /// runs from its node; nothing else runs.
    /// </summary>
    public async ValueTask ModifyAsync(TokenModification modification, string by)
    {
        var actor = "operator:" + by;
        foreach (var tokenId in modification.Cancel)
        {
            var token = Instance.Tokens.Single(t => t.Id == tokenId);
            var node = Workflow.Node(token.NodeId);
            foreach (var incident in Instance.Incidents.Where(i => i.IsOpen && i.TokenId == tokenId))
            {
                incident.ResolvedAt = Now;
                incident.Resolution = "cancelled";
            }

            var open = token.JournalSequence is int sequence ? Instance.FindEntry(sequence) : null;
            if (open is null)
            {
                open = Instance.FindEntry(AddEntry(token, node, JournalStatus.Completed));
                token.JournalSequence = open!.Sequence;
            }

            CloseEntry(token, JournalStatus.Cancelled, ModificationOutcomes.PathCancelled);
            open.ResumedBy = actor;
            RemoveToken(token, null);
        }

        foreach (var nodeId in modification.PlaceAt)
        {
            var node = Workflow.Node(nodeId);
            var token = NewToken(0, node.Id);
            Instance.FindEntry(AddEntry(token, node, JournalStatus.Completed, ModificationOutcomes.PathPlaced))!.ResumedBy = actor;
            Enqueue(token);
        }

        await RunAsync();
    }
}
