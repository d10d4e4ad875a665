using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlowCenter.Studio.Editors;

/// <summary>The language a <see cref="CodeEditor"/> highlights and checks.</summary>
public enum CodeLanguage
{
    JavaScript,
    Json,
}

/// <summary>
/// A JavaScript or JSON field with highlighting, bracket matching, undo and completion (CodeMirror 6 through the
/// editor module). The text is reported after a pause in typing and when the field loses focus; the
/// <see cref="Problem"/> the caller found is marked at the line and column it names.
/// </summary>
public sealed partial class CodeEditor : IAsyncDisposable
{
    private ElementReference _host;
    private IJSObjectReference? _module;
    private DotNetObjectReference<CodeEditor>? _self;
    private int _handle;
    private string? _shownValue;
    private string? _shownProblem;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter]
    public string? Value { get; set; }

    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    [Parameter]
    public CodeLanguage Language { get; set; } = CodeLanguage.JavaScript;

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    /// <summary>The problem of the current text, shown under the field and marked in it.</summary>
    [Parameter]
    public string? Problem { get; set; }

    /// <summary>Names offered by completion besides the expression helpers (the workflow's variables and inputs).</summary>
    [Parameter]
    public IReadOnlyList<string> Names { get; set; } = [];

    [Parameter]
    public int MinLines { get; set; } = 2;

    [Parameter]
    public bool LineNumbers { get; set; }

    /// <summary>Fills the page's height (the definition's JSON) instead of growing to a few lines.</summary>
    [Parameter]
    public bool Tall { get; set; }

    [Parameter]
    public string? Placeholder { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    [JSInvokable]
    public Task OnEdited(string text)
    {
        _shownValue = text;
        return ValueChanged.InvokeAsync(text);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The module is the editor's only once the editor exists (as the canvas's): a value or problem that
            // changes meanwhile is sent by the check below, not to an editor that is not there yet.
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/FlowCenter.Studio/js/editor.bundle.js");
            _self = DotNetObjectReference.Create(this);
            _shownValue = Value;
            _shownProblem = Problem;
            _handle = await module.InvokeAsync<int>("create", _host, new
            {
                value = Value ?? "",
                language = Language == CodeLanguage.Json ? "json" : "javascript",
                names = Names,
                lineNumbers = LineNumbers,
                placeholder = Placeholder,
                problem = Problem,
            }, _self);
            _module = module;
            if (_disposed)
            {
                // The page was left while the editor was being made.
                await DisposeAsync();
                return;
            }
        }

        if (_module is null)
        {
            return;
        }

        if (!string.Equals(_shownValue ?? "", Value ?? "", StringComparison.Ordinal) && !SameJson(_shownValue, Value))
        {
            _shownValue = Value;
            await _module.InvokeVoidAsync("setValue", _handle, Value ?? "");
        }

        if (!string.Equals(_shownProblem, Problem, StringComparison.Ordinal))
        {
            _shownProblem = Problem;
            await _module.InvokeVoidAsync("showProblem", _handle, Problem);
        }
    }

    /// <summary>JSON the caller merely re-formatted is left as the user typed it.</summary>
    private bool SameJson(string? shown, string? value)
    {
        if (Language != CodeLanguage.Json || string.IsNullOrWhiteSpace(shown) || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(shown), System.Text.Json.Nodes.JsonNode.Parse(value));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var module = _module;
        _module = null;
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("dispose", _handle);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the editor.
            }
        }

        _self?.Dispose();
    }
}
