using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tasks;

/// <summary>
/// A form designed in a process (start form or task form): text, number, date, choice, user picker and table
/// fields, each editable, read-only or hidden at this step. It edits <see cref="Values"/> in place.
/// </summary>
public sealed partial class FormView
{
    private const string DateFormat = "yyyy-MM-dd";

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Parameter]
    public JsonObject? Form { get; set; }

    [Parameter]
    public JsonObject? Access { get; set; }

    /// <summary>The values shown and edited; the caller owns the object.</summary>
    [Parameter]
    [EditorRequired]
    public JsonObject Values { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Told after every edit of <see cref="Values"/>, so that a caller showing the form's problems can check again.</summary>
    [Parameter]
    public EventCallback ValuesChanged { get; set; }

    /// <summary>Stores a file for an attachment field (on a task page); without it, files are attached after submitting.</summary>
    [Parameter]
    public Func<Microsoft.AspNetCore.Components.Forms.IBrowserFile, Task<TaskAttachment?>>? Upload { get; set; }

    private async Task UploadAsync(string name, Microsoft.AspNetCore.Components.Forms.IBrowserFile? file)
    {
        if (file is not null && Upload is not null && await Upload(file) is { } attachment)
        {
            var files = Values[name] as JsonArray ?? [];
            files.Add(new JsonObject { ["id"] = attachment.Id, ["name"] = attachment.FileName });
            Values[name] = files;
            await ValuesChanged.InvokeAsync();
        }
    }

    private IReadOnlyList<Person> _people = [];

    private IEnumerable<JsonObject> Fields => FormRules.FieldsOf(Form);

    protected override async Task OnInitializedAsync()
    {
        if (Fields.Any(f => Text(f["type"]) == "user"))
        {
            _people = await Directory.ListUsersAsync();
        }
    }

    private Task Set(string name, JsonNode? value)
    {
        Values[name] = value;
        return ValuesChanged.InvokeAsync();
    }

    private JsonArray Rows(string name) => Values[name] as JsonArray ?? [];

    private Task AddRow(string name)
    {
        var rows = Values[name] as JsonArray ?? [];
        rows.Add(new JsonObject());
        Values[name] = rows;
        return ValuesChanged.InvokeAsync();
    }

    private Task RemoveRow(string name, int index)
    {
        if (Values[name] is JsonArray rows && index < rows.Count)
        {
            rows.RemoveAt(index);
        }

        return ValuesChanged.InvokeAsync();
    }

    private Task SetCell(string name, int index, string column, JsonNode? value)
    {
        if (Values[name] is JsonArray rows && index < rows.Count && rows[index] is JsonObject row)
        {
            row[column] = value;
        }

        return ValuesChanged.InvokeAsync();
    }

    private Task<IEnumerable<string>> SearchUsers(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(_people.Where(p => p.Active && (string.IsNullOrWhiteSpace(text)
            || p.UserName.Contains(text, StringComparison.OrdinalIgnoreCase) || p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase))).Select(p => p.UserName));

    private string UserLabel(string? userName) =>
        userName is null ? "" : _people.FirstOrDefault(p => p.UserName == userName) is { } person ? $"{person.DisplayName} ({person.UserName})" : userName;

    private static bool IsRequired(JsonObject field) => field["required"] is { } required && JsonValues.IsTruthy(required);

    private static IEnumerable<JsonObject> Columns(JsonObject field) => (field["columns"] as JsonArray ?? []).OfType<JsonObject>();

    private static IReadOnlyList<string> Options(JsonObject field) => JsonValues.ToStringList(field["options"]);

    /// <summary>The field's share of the width (full, half, third, quarter); narrower fields stand side by side.</summary>
    private static string Width(JsonObject field) => Text(field["width"]) is { } width && width is "half" or "third" or "quarter" ? width : "full";

    private static string? Text(JsonNode? node) => node is null ? null : JsonValues.ToText(node) ?? node.ToJsonString();

    private static double? Number(JsonNode? node)
    {
        try
        {
            return node is null ? null : JsonValues.NumberOf(node);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static DateTime? Date(JsonNode? node) =>
        DateTime.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
