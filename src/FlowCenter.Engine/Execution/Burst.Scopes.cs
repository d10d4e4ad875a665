using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Execution;

/// <summary>Loop iterations and their scopes: starting them, noticing their end, cancelling them, and the variables they see.</summary>
internal sealed partial class Burst
{
    public void BeginIteration(ActivityContext context, Dictionary<string, JsonNode?> locals)
    {
        var owner = context.Token;
        var scope = new LoopScope
        {
            Id = Instance.TakeSequence(),
            ParentScopeId = owner.ScopeId,
            OwnerTokenId = owner.Id,
            NodeId = owner.NodeId,
            Locals = locals,
        };
        Instance.Scopes.Add(scope);
        owner.Status = TokenStatus.Looping;
        var connections = context.CompiledNode.ConnectionsOn(Ports.Iterate);
        var tokens = connections.Select(_ => NewToken(scope.Id, owner.NodeId)).ToList();
        for (var i = 0; i < connections.Length; i++)
        {
            Arrive(tokens[i], connections[i]);
        }

        CheckIterationDone(scope.Id);
    }

    private void CheckIterationDone(int scopeId)
    {
        var scope = FindScope(scopeId);
        if (scope is null || Instance.Tokens.Exists(t => t.ScopeId == scopeId))
        {
            return;
        }

        Instance.Scopes.Remove(scope);
        var owner = Instance.Tokens.Find(t => t.Id == scope.OwnerTokenId);
        if (owner is not null)
        {
            _queue.Enqueue(new WorkItem(owner, scope, owner.JournalSequence));
        }
    }

    /// <summary>Cancels the running iterations of a loop node's token, and theirs in turn.</summary>
    private void CancelIterations(Token owner)
    {
        if (owner.Status != TokenStatus.Looping)
        {
            return;
        }

        foreach (var scope in Instance.Scopes.FindAll(s => s.OwnerTokenId == owner.Id))
        {
            Instance.Scopes.Remove(scope);
            foreach (var inner in Instance.Tokens.FindAll(t => t.ScopeId == scope.Id))
            {
                RemoveToken(inner, JournalStatus.Cancelled);
            }
        }
    }

    /// <summary>Break: the loop around the token stops its iterations, this one included, and goes on through <c>done</c>.</summary>
    private void BreakLoop(Token token)
    {
        var scope = FindScope(token.ScopeId) ?? throw new ActivityException("Leave loop is not inside a loop: only a step on a For each or While path can leave it.");
        var owner = Instance.Tokens.Find(t => t.Id == scope.OwnerTokenId)
            ?? throw new InvalidOperationException($"The loop of scope {scope.Id} has no token in instance '{Instance.Id}'.");
        CloseEntry(token, JournalStatus.Completed, Ports.Break);
        var loop = Workflow.Node(owner.NodeId);
        CancelIterations(owner);
        CloseEntry(owner, JournalStatus.Completed, Ports.Done);
        Route(owner, loop, Ports.Done);
    }

    private LoopScope? FindScope(int scopeId) => Instance.Scopes.Find(s => s.Id == scopeId);

    public IEnumerable<KeyValuePair<string, JsonNode?>> LocalsOf(int scopeId)
    {
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentScopeId == 0 ? null : FindScope(scope.ParentScopeId))
        {
            foreach (var local in scope.Locals)
            {
                yield return local;
            }
        }
    }

    public void SetVariable(Token token, string name, JsonNode? value)
    {
        for (var scope = token.ScopeId == 0 ? null : FindScope(token.ScopeId); scope is not null; scope = scope.ParentScopeId == 0 ? null : FindScope(scope.ParentScopeId))
        {
            if (scope.Locals.ContainsKey(name))
            {
                scope.Locals[name] = value;
                return;
            }
        }

        if (Workflow.VariableTypes.TryGetValue(name, out var type) && JsonValues.CheckType(type, value) is { } problem)
        {
            throw new ActivityException($"Variable '{name}' is declared as {type.ToString().ToLowerInvariant()}: {problem}.");
        }

        Instance.Variables[name] = value;
    }
}
