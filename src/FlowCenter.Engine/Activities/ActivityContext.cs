using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities;

/// <summary>
/// What an activity sees while one node executes: its inputs, the instance's data, and the ways to finish
/// (complete through ports, follow chosen connections, wait on bookmarks, loop, end the path).
/// One context is reused for every step of a burst.
/// </summary>
public sealed class ActivityContext : IExpressionScope
{
    private readonly Burst _burst;

    internal ActivityContext(Burst burst) => _burst = burst;

    public WorkflowInstance Instance => _burst.Instance;

    public ExecutableWorkflow Workflow => _burst.Workflow;

    public CompiledNode CompiledNode { get; private set; } = null!;

    public NodeDefinition Node => CompiledNode.Definition;

    public Token Token { get; private set; } = null!;

    public string InstanceId => Instance.Id;

    public string? ParentInstanceId => Instance.ParentInstanceId;

    public string NodeId => Node.Id;

    public DateTimeOffset Now => _burst.Clock.GetUtcNow();

    public IReadOnlyList<ConnectionDefinition> Outgoing => CompiledNode.Outgoing;

    /// <summary>State a loop keeps between its iterations, stored with the token.</summary>
    public JsonObject State => Token.State ??= [];

    public IReadOnlyDictionary<string, JsonNode?> Variables => Instance.Variables;

    public IReadOnlyDictionary<string, JsonNode?> Input => Instance.Input;

    public JsonNode? LastError => Instance.LastError;

    public IEnumerable<KeyValuePair<string, JsonNode?>> Locals => Token.ScopeId == 0 ? [] : _burst.LocalsOf(Token.ScopeId);

    internal List<string> ChosenPorts { get; } = [];

    internal List<ConnectionDefinition> Followed { get; } = [];

    internal List<Bookmark> CreatedBookmarks { get; } = [];

    internal bool EndedPath { get; private set; }

    /// <summary>The node the token moves back to instead of following a port (a task returned to an earlier step).</summary>
    internal string? ReturnTarget { get; private set; }

    internal bool Terminated { get; private set; }

    internal bool BrokeLoop { get; private set; }

    /// <summary>How a background wait that was heard goes on (<see cref="HearCaseEvent"/>); null for other steps.</summary>
    internal (bool Interrupting, bool ListenAgain)? CaseEventHeard { get; private set; }

    internal bool StartedIteration { get; private set; }

    internal bool HasResult => ChosenPorts.Count > 0 || Followed.Count > 0 || CreatedBookmarks.Count > 0 || EndedPath || Terminated || BrokeLoop || StartedIteration || ReturnTarget is not null;

    /// <summary>Reads a typed input: its literal, its evaluated expression, or its default.</summary>
    public T Get<T>(ActivityInput<T> input)
    {
        var raw = GetRaw(input);
        if (raw is null)
        {
            return input.Required ? throw new ActivityException($"Input '{input.Name}' is required but has no value.") : EmptyValue(input);
        }

        try
        {
            return input.Convert(raw);
        }
        catch (FormatException ex)
        {
            throw new ActivityException($"Input '{input.Name}': {ex.Message}.", ex);
        }
    }

    private static T EmptyValue<T>(ActivityInput<T> input)
    {
        try
        {
            return input.Convert(null);
        }
        catch (FormatException)
        {
            return default!;
        }
    }

    public JsonNode? GetRaw(InputDescriptor input)
    {
        if (!Node.Inputs.TryGetValue(input.Name, out var value))
        {
            return input.Default;
        }

        return value.Expression is { } expression ? Evaluate(expression) : value.Literal ?? input.Default;
    }

    public JsonNode? Evaluate(WorkflowExpression expression, ExpressionKind kind = ExpressionKind.Value) =>
        _burst.Evaluators.Get(expression).Evaluate(expression.Source, kind, this);

    public bool IsTrue(WorkflowExpression condition) => JsonValues.IsTruthy(Evaluate(condition));

    public JsonNode? GetVariable(string name)
    {
        foreach (var local in Locals)
        {
            if (local.Key == name)
            {
                return local.Value;
            }
        }

        return Instance.Variables.GetValueOrDefault(name);
    }

    public void SetVariable(string name, JsonNode? value) => _burst.SetVariable(Token, name, value);

    /// <summary>Completes the node through <paramref name="port"/>; every connection on it gets a token.</summary>
    public void Complete(string port = Ports.Done) => ChosenPorts.Add(port);

    /// <summary>Completes the node along one chosen connection (a decision branch).</summary>
    public void Follow(ConnectionDefinition connection) => Followed.Add(connection);

    /// <summary>
    /// Completes the node by sending its token back to <paramref name="nodeId"/>, an earlier node of the
    /// workflow, which runs again (退回: a task returned to an earlier step). The journal shows the outcome
    /// <c>return</c>.
    /// </summary>
    public void ReturnTo(string nodeId)
    {
        if (!Workflow.Definition.Nodes.Exists(n => n.Id == nodeId))
        {
            throw new ArgumentException($"There is no node '{nodeId}' to return to.", nameof(nodeId));
        }

        ReturnTarget = nodeId;
    }

    /// <summary>Ends this path here (End).</summary>
    public void EndPath() => EndedPath = true;

    /// <summary>Ends the whole instance at once, cancelling every other path (Terminate).</summary>
    public void Terminate() => Terminated = true;

    /// <summary>Leaves the nearest loop around this token: its iterations end and the loop goes on through <c>done</c> (Break).</summary>
    public void BreakLoop() => BrokeLoop = true;

    /// <summary>
    /// A wait of the whole case was heard: its path now belongs to the case. Interrupting, every other path of the
    /// case ends first; <paramref name="listenAgain"/>, a new wait takes its place for the next time.
    /// </summary>
    public void HearCaseEvent(bool interrupting, bool listenAgain) => CaseEventHeard = (interrupting, listenAgain);

    /// <summary>Makes the node wait; resuming the bookmark continues it through <see cref="IResumableActivity"/>.</summary>
    public Bookmark CreateBookmark(BookmarkKind kind, string? name = null, string? correlationKey = null, DateTimeOffset? dueAt = null, JsonObject? data = null)
    {
        var bookmark = new Bookmark
        {
            Id = _burst.Ids.NewId(),
            Kind = kind,
            NodeId = NodeId,
            TokenId = Token.Id,
            Name = name,
            CorrelationKey = correlationKey,
            DueAt = dueAt,
            Data = data,
            CreatedAt = Now,
        };
        CreatedBookmarks.Add(bookmark);
        return bookmark;
    }

    /// <summary>Starts one iteration: tokens leave through the <c>iterate</c> port in a new scope holding <paramref name="locals"/>.</summary>
    public void BeginIteration(Dictionary<string, JsonNode?> locals)
    {
        StartedIteration = true;
        _burst.BeginIteration(this, locals);
    }

    /// <summary>How many iterations of this loop node are still running.</summary>
    public int RunningIterations => Instance.Scopes.Count(s => s.OwnerTokenId == Token.Id);

    internal void Reset(CompiledNode node, Token token)
    {
        CompiledNode = node;
        Token = token;
        ChosenPorts.Clear();
        Followed.Clear();
        CreatedBookmarks.Clear();
        EndedPath = false;
        ReturnTarget = null;
        Terminated = false;
        BrokeLoop = false;
        CaseEventHeard = null;
        StartedIteration = false;
    }
}
