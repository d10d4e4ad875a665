using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
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

    /// <summary>The process's nodes, for inputs that name another node (whoever acted at an earlier step).</summary>
    [Parameter]
    public IReadOnlyList<NodeDefinition> Nodes { get; set; } = [];

    /// <summary>Technical names, types, every input and the raw JSON of forms and mappings, for those who want them.</summary>
    [Parameter]
    public bool Technical { get; set; }

    [Parameter]
    public EventCallback<bool> TechnicalChanged { get; set; }

    [Parameter]
    public EventCallback<string?> DisplayNameChanged { get; set; }

    [Parameter]
    public EventCallback<(string Input, string? Text, bool Expression)> InputChanged { get; set; }

    [Parameter]
    public EventCallback<(string? Label, string? Condition)> ConnectionChanged { get; set; }

    /// <summary>A waiting step's deadline, reminder or events changed.</summary>
    [Parameter]
    public EventCallback<NodeWaiting> WaitingChanged { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ActivityText Words { get; set; } = null!;

    /// <summary>Raised with the designed form's JSON and, for a user task, its fields' access.</summary>
    [Parameter]
    public EventCallback<(string Form, string? Access)> FormDesigned { get; set; }

    [Inject]
    private OrganisationChoices Choices { get; set; } = null!;

    protected override Task OnInitializedAsync() => Choices.LoadAsync();

    private IReadOnlyList<(string Value, string Label)> People => [.. Choices.People.Select(p => (p.UserName, $"{p.DisplayName} ({p.UserName})"))];

    private IReadOnlyList<(string Value, string Label)> Roles => [.. Choices.Roles.Select(r => (r, r))];

    private IReadOnlyList<(string Value, string Label)> Positions => [.. Choices.Positions.Select(p => (p.Id, p.Name))];

    private IReadOnlyList<(string Value, string Label)> Departments => [.. Choices.Departments.Select(d => (d.Id, d.Name))];

    private string StepName(string nodeId) => Nodes.FirstOrDefault(n => n.Id == nodeId)?.Label ?? nodeId;

    private static string AssignTo(NodeDefinition node) =>
        node.Inputs.GetValueOrDefault("assignTo")?.Literal is System.Text.Json.Nodes.JsonValue kind && kind.TryGetValue<string>(out var text) ? text : "user";

    private static string? LiteralText(NodeDefinition node, string input) =>
        node.Inputs.GetValueOrDefault(input)?.Literal is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Whether an input matters with the node's other settings: a user task's managerLevels only for "manager",
    /// its percent only for "percent", its assignee for everything but "manager". The technical view shows all.
    /// </summary>
    private static bool Relevant(NodeDefinition node, ActivityDescriptor descriptor, InputDescriptor input) => (descriptor.TypeName, input.Name) switch
    {
        ("UserTask", "assignee") => AssignTo(node) != "manager" || node.Inputs.ContainsKey("assignee"),
        ("UserTask", "managerLevels") => AssignTo(node) == "manager",
        ("UserTask", "percent") => LiteralText(node, "mode") == "percent",
        _ => true,
    };

    /// <summary>What a picker offers for an input: people, roles, positions, departments, earlier tasks, connections; null for free text.</summary>
    private IReadOnlyList<(string Value, string Label)>? OptionsFor(NodeDefinition node, ActivityDescriptor descriptor, InputDescriptor input) => (descriptor.TypeName, input.Name) switch
    {
        ("UserTask", "assignee") => AssignTo(node) switch
        {
            "role" => Roles,
            "position" => Positions,
            "department" => Departments,
            "nodeAssignee" => [.. Nodes.Where(n => n.Type == "UserTask" && n.Id != node.Id).Select(n => (n.Id, n.Label))],
            _ => People,
        },
        ("UserTask", "candidateUsers" or "carbonCopy") => People,
        ("UserTask", "candidateGroups") => Roles,
        (_, "connection") when input.Type == DataType.String => ConnectionsFor(descriptor.TypeName, LiteralText(node, "connection")),
        _ => null,
    };

    private List<(string Value, string Label)> ConnectionsFor(string activity, string? current)
    {
        FlowCenter.Runtime.Connections.ConnectionKind[] kinds = activity switch
        {
            "HttpRequest" => [FlowCenter.Runtime.Connections.ConnectionKind.Rest],
            "SoapCall" => [FlowCenter.Runtime.Connections.ConnectionKind.Soap],
            "SqlQuery" or "SqlCommand" => [FlowCenter.Runtime.Connections.ConnectionKind.Database],
            "ReadChanges" => [FlowCenter.Runtime.Connections.ConnectionKind.Rest, FlowCenter.Runtime.Connections.ConnectionKind.Database],
            "PublishMessage" => [FlowCenter.Runtime.Connections.ConnectionKind.RabbitMq],
            "SendEmail" => [FlowCenter.Runtime.Connections.ConnectionKind.Smtp],
            "ReadFile" or "WriteFile" => [FlowCenter.Runtime.Connections.ConnectionKind.Folder],
            _ => Enum.GetValues<FlowCenter.Runtime.Connections.ConnectionKind>(),
        };
        var offered = Choices.Connections.Where(c => kinds.Contains(c.Kind)).Select(c => (Value: c.Name, Label: c.Description is { Length: > 0 } about ? $"{c.Name} · {about}" : c.Name)).ToList();
        if (current is { Length: > 0 } && !offered.Exists(o => o.Value == current))
        {
            offered.Insert(0, (current, L["ConnectionMissing", current].Value));
        }

        return offered;
    }

    private static IReadOnlyList<string> ListOf(InputValue? value, InputDescriptor input) =>
        value?.Literal is { } literal ? JsonValues.ToStringList(literal) : input.Default is { } fallback ? JsonValues.ToStringList(fallback) : [];

    private static string? DefaultText(InputDescriptor input) =>
        input.Default is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : input.Default?.ToJsonString();

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
            || (p.NodeId == Node.Id && p.Message.StartsWith($"required input '{input}'", StringComparison.Ordinal))) is { } problem ? ProblemWords.Of(problem, [Node, .. Nodes]) : null;

    private string? ConnectionProblem =>
        Connection is null ? null : Problems.FirstOrDefault(p => p.ConnectionId == Connection.Id) is { } problem ? ProblemWords.Of(problem, Nodes) : null;

    [Inject]
    private ProblemText ProblemWords { get; set; } = null!;

    private Task SetBooleanAsync(string input, bool on) => InputChanged.InvokeAsync((input, on ? "true" : "false", false));

    /// <summary>The input's plain label and required mark; in the technical view also its name (as JSON and expressions write it) and type.</summary>
    private string Caption(ActivityDescriptor descriptor, InputDescriptor input)
    {
        var label = Words.Input(descriptor, input);
        return $"{label}{(input.Required ? " *" : "")}{(Technical ? $" ({input.Name} · {input.Type})" : "")}";
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
