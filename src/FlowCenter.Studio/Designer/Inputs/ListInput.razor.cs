using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowCenter.Studio.Designer.Inputs;

/// <summary>
/// A list of names as chips: one removed with its cross, one added from the choices given (people, roles,
/// departments) or typed (Enter adds it). The list is reported whole after every change.
/// </summary>
public sealed partial class ListInput
{
    private string? _draft;

    [Parameter]
    public IReadOnlyList<string> Values { get; set; } = [];

    [Parameter]
    public EventCallback<IReadOnlyList<string>> ValuesChanged { get; set; }

    /// <summary>What may be added, with the words shown for each; null lets the user type any name.</summary>
    [Parameter]
    public IReadOnlyList<(string Value, string Label)>? Options { get; set; }

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    [Parameter]
    public string? Problem { get; set; }

    [Parameter]
    public string? AddText { get; set; }

    [Parameter]
    public string? Empty { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    private string LabelOf(string value) => Options?.FirstOrDefault(o => o.Value == value).Label ?? value;

    private Task RemoveAsync(string value) => ValuesChanged.InvokeAsync([.. Values.Where(v => v != value)]);

    private Task AddAsync(string? value) =>
        string.IsNullOrWhiteSpace(value) || Values.Contains(value.Trim(), StringComparer.Ordinal)
            ? Task.CompletedTask
            : ValuesChanged.InvokeAsync([.. Values, value.Trim()]);

    private async Task AddDraftAsync()
    {
        // Several at once: "a, b" adds both.
        var added = (_draft ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => !Values.Contains(v, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        _draft = null;
        if (added.Count > 0)
        {
            await ValuesChanged.InvokeAsync([.. Values, .. added]);
        }
    }

    private Task OnKeyDownAsync(KeyboardEventArgs e) => e.Key == "Enter" ? AddDraftAsync() : Task.CompletedTask;
}
