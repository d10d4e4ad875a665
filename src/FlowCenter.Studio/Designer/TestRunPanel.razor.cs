using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Validation;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>Runs the current draft in memory with input values; waits are answered and timers fast-forwarded here.</summary>
public sealed partial class TestRunPanel : IDisposable
{
    private TestRun? _run;
    private string? _input = "{}";
    private string? _inputProblem;
    private string? _payload = "{}";
    private string? _error;

    [Parameter]
    [EditorRequired]
    public WorkflowDefinition Definition { get; set; } = null!;

    /// <summary>Raised after every step with the path to highlight: completed nodes, failed nodes, taken connections.</summary>
    [Parameter]
    public EventCallback<(IReadOnlyList<string> Done, IReadOnlyList<string> Failed, IReadOnlyList<string> Edges)> PathChanged { get; set; }

    [Inject]
    private ActivityRegistry Activities { get; set; } = null!;

    [Inject]
    private IEnumerable<IExpressionEvaluator> Evaluators { get; set; } = null!;

    [Inject]
    private DefinitionService Store { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    public void Dispose() => _run?.Dispose();

    /// <summary>The input as typed; what is wrong with it is worked out once per change (read on the server with every keystroke).</summary>
    private string? Input
    {
        get => _input;
        set
        {
            _input = value;
            _inputProblem = ProblemOf(value);
        }
    }

    private string? ProblemOf(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(input) is JsonObject ? null : L["TestInputNotObject"].Value;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return L["TestInputInvalid", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1].Value;
        }
    }

    private async Task RunAsync()
    {
        _error = null;
        _run?.Dispose();
        _run = null;
        try
        {
            var input = string.IsNullOrWhiteSpace(_input) ? null : (JsonObject)JsonNode.Parse(_input)!;
            var published = await Store.ReadCurrentAsync();

            var draft = Engine.Serialization.WorkflowJson.ParseDefinition(Engine.Serialization.WorkflowJson.Write(Definition));
            _run = await TestRun.StartAsync(draft, published, Activities, Evaluators, input);
            await PathChanged.InvokeAsync(_run.Path(Definition));
        }
        catch (Exception ex) when (ex is WorkflowValidationException or ArgumentException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            _error = L["TestRunFailed", ex.Message];
        }
    }

    private async Task AnswerAsync(WorkflowInstance instance, Bookmark bookmark, JsonNode? payload)
    {
        try
        {
            await _run!.AnswerAsync(instance, bookmark, payload);
            _error = null;
        }
        catch (InvalidOperationException ex)
        {
            _error = ex.Message;
        }

        await PathChanged.InvokeAsync(_run!.Path(Definition));
    }

    private JsonNode? ParsePayload()
    {
        try
        {
            return string.IsNullOrWhiteSpace(_payload) ? null : JsonNode.Parse(_payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(_payload);
        }
    }

    private static IReadOnlyList<string> Outcomes(Bookmark bookmark) => Engine.Activities.Waiting.UserTask.RequestOf(bookmark).Outcomes;

    private static JsonObject Outcome(string outcome) => new() { ["outcome"] = outcome, ["user"] = "designer" };

    private string LabelOf(string nodeId) => Definition.Nodes.Find(n => n.Id == nodeId)?.Label ?? nodeId;

    private string Duration(TimeSpan? duration) => duration is null ? "-" : Durations.Text(L, duration);
}
