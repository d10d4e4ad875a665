using System.Globalization;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Execution;

/// <summary>Moving tokens: along connections, into joins, into and out of loop iterations.</summary>
internal sealed partial class Burst
{
    private void Route(Token token, CompiledNode node, string port) =>
        Send(token, node.ConnectionsOn(port), null);

    private void Route(Token token, CompiledNode node, List<string> ports, List<ConnectionDefinition> followed)
    {
        if (ports.Count == 1 && followed.Count == 0)
        {
            Send(token, node.ConnectionsOn(ports[0]), null);
            return;
        }

        Send(token, ports.SelectMany(node.ConnectionsOn).ToArray(), followed);
    }

    /// <summary>The token goes along the first connection; each further connection gets a new token in the same scope.</summary>
    private void Send(Token token, ConnectionDefinition[] connections, List<ConnectionDefinition>? more)
    {
        var total = connections.Length + (more?.Count ?? 0);
        if (total == 0)
        {
            RemoveToken(token, null);
            return;
        }

        if (total == 1)
        {
            Arrive(token, connections.Length == 1 ? connections[0] : more![0]);
            return;
        }

        var all = connections.Concat(more ?? []).ToList();
        var tokens = new List<Token> { token };
        for (var i = 1; i < all.Count; i++)
        {
            tokens.Add(NewTokenLike(token));
        }

        for (var i = 0; i < all.Count; i++)
        {
            Arrive(tokens[i], all[i]);
        }
    }

    /// <summary>Moves a token back to an earlier node, not along a connection; the node runs afresh.</summary>
    private void ReturnToken(Token token, string nodeId)
    {
        token.NodeId = Workflow.Node(nodeId).Id;
        token.ArrivedVia = null;
        token.Attempt = 0;
        token.JournalSequence = null;
        token.State = null;
        Enqueue(token);
    }

    private void Arrive(Token token, ConnectionDefinition connection)
    {
        var target = Workflow.Node(connection.Target);
        token.NodeId = target.Id;
        token.ArrivedVia = connection.Id;
        token.Attempt = 0;
        token.JournalSequence = null;
        token.State = null;
        if (token.ScopeId != 0 && FindScope(token.ScopeId)?.NodeId == target.Id)
        {
            RemoveToken(token, null);
            return;
        }

        if (token.AbsorbAt is { Count: > 0 } absorb && absorb.Remove(JoinKey(target.Id, token.ScopeId)))
        {
            RemoveToken(token, null);
            return;
        }

        if (target.Join is not null)
        {
            token.Status = TokenStatus.Parked;
            TryFireJoin(target, token.ScopeId);
            return;
        }

        Enqueue(token);
    }

    private bool TryFireJoin(CompiledNode join, int scopeId)
    {
        var parked = ParkedAt(join, scopeId);
        if (parked.Count == 0)
        {
            return false;
        }

        var spec = join.Join!;
        List<Token> consumed;
        switch (spec.Mode)
        {
            case JoinMode.All:
                consumed = [];
                foreach (var incoming in join.Incoming)
                {
                    var arrived = parked.Find(t => t.ArrivedVia == incoming.Id && !consumed.Contains(t));
                    if (arrived is null)
                    {
                        return false;
                    }

                    consumed.Add(arrived);
                }

                break;
            case JoinMode.Any or JoinMode.Count:
                var need = spec.Mode == JoinMode.Any ? 1 : spec.Count;
                if (parked.Select(t => t.ArrivedVia).Distinct().Count() < need)
                {
                    return false;
                }

                consumed = parked;
                break;
            default:
                if (Instance.Tokens.Exists(t => t.ScopeId == scopeId && CanReach(t, join)))
                {
                    return false;
                }

                consumed = parked;
                break;
        }

        Fire(join, scopeId, consumed, spec);
        return true;
    }

    private void Fire(CompiledNode join, int scopeId, List<Token> consumed, JoinSpec spec)
    {
        var fired = consumed[0];
        foreach (var other in consumed.Skip(1))
        {
            RemoveToken(other, null);
        }

        fired.ArrivedVia = null;
        if (spec.Mode is JoinMode.Any or JoinMode.Count)
        {
            var key = JoinKey(join.Id, scopeId);
            foreach (var live in Instance.Tokens.Where(t => t != fired && t.ScopeId == scopeId && CanReach(t, join)).ToList())
            {
                if (spec.CancelRemaining)
                {
                    RemoveToken(live, JournalStatus.Cancelled);
                }
                else
                {
                    (live.AbsorbAt ??= []).Add(key);
                }
            }
        }

        Enqueue(fired);
    }

    private List<Token> ParkedAt(CompiledNode join, int scopeId) =>
        Instance.Tokens.FindAll(t => t.Status == TokenStatus.Parked && t.NodeId == join.Id && t.ScopeId == scopeId);

    private bool CanReach(Token token, CompiledNode join) => join.ReachableFrom![Workflow.Node(token.NodeId).Index];

    /// <summary>Inclusive merges fire once nothing else can arrive, which is known only when the queue runs dry.</summary>
    private bool FireInclusiveJoins()
    {
        var fired = false;
        var waiting = Instance.Tokens
            .Where(t => t.Status == TokenStatus.Parked)
            .Select(t => (Node: Workflow.Node(t.NodeId), t.ScopeId))
            .Where(j => j.Node.Join?.Mode == JoinMode.Inclusive)
            .Distinct()
            .ToList();
        foreach (var (node, scopeId) in waiting)
        {
            fired |= TryFireJoin(node, scopeId);
        }

        return fired;
    }

    private static string JoinKey(string nodeId, int scopeId) => nodeId + "@" + scopeId.ToString(CultureInfo.InvariantCulture);

    private Token NewToken(int scopeId, string nodeId)
    {
        var token = new Token { Id = Instance.TakeSequence(), ScopeId = scopeId, NodeId = nodeId };
        Instance.Tokens.Add(token);
        return token;
    }

    private Token NewTokenLike(Token token)
    {
        var copy = NewToken(token.ScopeId, token.NodeId);
        copy.AbsorbAt = token.AbsorbAt is { Count: > 0 } absorb ? [.. absorb] : null;
        return copy;
    }

    /// <summary>Ends a token; when it was the last one of a loop iteration, the loop node hears of it.</summary>
    private void RemoveToken(Token token, JournalStatus? closeAs)
    {
        if (!Instance.Tokens.Remove(token))
        {
            return;
        }

        RemoveBookmarksOf(token);
        if (closeAs is { } status)
        {
            CloseEntry(token, status, null);
        }

        CancelIterations(token);
        if (token.ScopeId != 0)
        {
            CheckIterationDone(token.ScopeId);
        }
    }

    private void RemoveBookmarksOf(Token token)
    {
        if (Instance.Bookmarks.Count > 0)
        {
            Instance.Bookmarks.RemoveAll(b => b.TokenId == token.Id);
        }
    }
}
