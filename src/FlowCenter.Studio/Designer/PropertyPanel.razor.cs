using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// The selected node's properties, generated from its activity metadata (each input typed, as a literal or a
/// JavaScript expression), or the selected connection's label and condition.
/// </summary>
public sealed partial class PropertyPanel
{
    [Parameter]
    public NodeDefinition? Node { get; set; }

    [Parameter]
    public ActivityDescriptor? Descriptor { get; set; }

    [Parameter]
    public ConnectionDefinition? Connection { get; set; }

    /// <summary>The definition's problems; those about the shown inputs appear under their fields.</summary>
    [Parameter]
    public IReadOnlyList<Engine.Validation.ValidationProblem> Problems { get; set; } = [];

    [Parameter]
    public EventCallback<string?> DisplayNameChanged { get; set; }

    [Parameter]
    public EventCallback<(string Input, string? Text, bool Expression)> InputChanged { get; set; }

    [Parameter]
    public EventCallback<(string? Label, string? Condition)> ConnectionChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private string? ProblemOf(string input) =>
        Node is null ? null : Problems.FirstOrDefault(p => p.NodeId == Node.Id && p.Message.StartsWith($"input '{input}'", StringComparison.Ordinal)
            || (p.NodeId == Node.Id && p.Message.StartsWith($"required input '{input}'", StringComparison.Ordinal)))?.Message;

    private string? ConnectionProblem =>
        Connection is null ? null : Problems.FirstOrDefault(p => p.ConnectionId == Connection.Id)?.Message;

    private Task SetBooleanAsync(string input, bool on) => InputChanged.InvokeAsync((input, on ? "true" : "false", false));

    private static string Caption(InputDescriptor input) => $"{input.Name}{(input.Required ? " *" : "")} · {input.Type}";

    private static string? Text(InputValue? value) =>
        value?.Expression?.Source ?? (value?.Literal is { } literal
            ? literal.GetValueKind() == System.Text.Json.JsonValueKind.String ? literal.GetValue<string>() : literal.ToJsonString()
            : null);
}
