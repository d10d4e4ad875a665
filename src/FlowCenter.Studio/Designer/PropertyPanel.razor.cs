using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

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

    /// <summary>The workflow's variable and input names, offered by the expression editors' completion.</summary>
    [Parameter]
    public IReadOnlyList<string> Names { get; set; } = [];

    [Parameter]
    public EventCallback<string?> DisplayNameChanged { get; set; }

    [Parameter]
    public EventCallback<(string Input, string? Text, bool Expression)> InputChanged { get; set; }

    [Parameter]
    public EventCallback<(string? Label, string? Condition)> ConnectionChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ActivityText Words { get; set; } = null!;

    /// <summary>Raised with the designed form's JSON and, for a user task, its fields' access.</summary>
    [Parameter]
    public EventCallback<(string Form, string? Access)> FormDesigned { get; set; }

    private async Task DesignFormAsync(NodeDefinition node, ActivityDescriptor descriptor)
    {
        var withAccess = descriptor.FindInput("fieldAccess") is not null;
        var parameters = new DialogParameters<FormDesignerDialog>
        {
            { d => d.Form, node.Inputs.GetValueOrDefault("form")?.Literal as System.Text.Json.Nodes.JsonObject },
            { d => d.Access, node.Inputs.GetValueOrDefault("fieldAccess")?.Literal as System.Text.Json.Nodes.JsonObject },
            { d => d.WithAccess, withAccess },
        };
        var dialog = await Dialogs.ShowAsync<FormDesignerDialog>(L["DesignForm"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraLarge, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: FormDesignerDialog.Result result })
        {
            await FormDesigned.InvokeAsync((result.Form.ToJsonString(Indented), result.Access is { Count: > 0 } access ? access.ToJsonString(Indented) : withAccess ? "" : null));
        }
    }

    private async Task MapFieldsAsync(NodeDefinition node)
    {
        var parameters = new DialogParameters<DataMapperDialog>
        {
            { d => d.Mappings, node.Inputs.GetValueOrDefault("mappings")?.Literal as System.Text.Json.Nodes.JsonArray },
            { d => d.Names, Names },
        };
        var dialog = await Dialogs.ShowAsync<DataMapperDialog>(L["MapFields"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraLarge, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: System.Text.Json.Nodes.JsonArray mappings })
        {
            await InputChanged.InvokeAsync(("mappings", mappings.ToJsonString(Indented), false));
        }
    }

    private string? ProblemOf(string input) =>
        Node is null ? null : Problems.FirstOrDefault(p => p.NodeId == Node.Id && p.Message.StartsWith($"input '{input}'", StringComparison.Ordinal)
            || (p.NodeId == Node.Id && p.Message.StartsWith($"required input '{input}'", StringComparison.Ordinal)))?.Message;

    private string? ConnectionProblem =>
        Connection is null ? null : Problems.FirstOrDefault(p => p.ConnectionId == Connection.Id)?.Message;

    private Task SetBooleanAsync(string input, bool on) => InputChanged.InvokeAsync((input, on ? "true" : "false", false));

    /// <summary>The input's label, required mark, and its name as written in JSON and expressions when the label differs.</summary>
    private string Caption(ActivityDescriptor descriptor, InputDescriptor input)
    {
        var label = Words.Input(descriptor, input);
        return $"{label}{(input.Required ? " *" : "")}{(label == input.Name ? "" : $" ({input.Name})")} · {input.Type}";
    }

    private static InputType InputTypeOf(DataType type) => type switch
    {
        DataType.Number or DataType.Integer => InputType.Number,
        DataType.DateTime => InputType.DateTimeLocal,
        _ => InputType.Text,
    };

    /// <summary>A JSON literal indented for editing; text that is not JSON (yet) as it was typed.</summary>
    private static string? Json(InputValue? value) =>
        value?.Literal is { } literal && literal.GetValueKind() is System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array
            ? literal.ToJsonString(Indented)
            : Text(value);

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A date literal in the form the browser's date-time field shows.</summary>
    private static string? DateText(InputValue? value) =>
        Text(value) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : Text(value);

    private static string? Text(InputValue? value) =>
        value?.Expression?.Source ?? (value?.Literal is { } literal
            ? literal.GetValueKind() == System.Text.Json.JsonValueKind.String ? literal.GetValue<string>() : literal.ToJsonString()
            : null);
}
