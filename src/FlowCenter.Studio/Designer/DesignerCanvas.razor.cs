using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlowCenter.Studio.Designer;

/// <summary>The X6 canvas through the designer module: draws a <see cref="CanvasModel"/> and raises the user's gestures.</summary>
public sealed partial class DesignerCanvas : IAsyncDisposable
{
    private ElementReference _container;
    private ElementReference _minimap;
    private IJSObjectReference? _module;
    private DotNetObjectReference<DesignerCanvas>? _self;
    private int _handle;
    private bool _disposed;
    private bool _drawnDark;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public CanvasModel Model { get; set; } = new([], []);

    [Parameter]
    public EventCallback<(string NodeId, double X, double Y)> NodeMoved { get; set; }

    [Parameter]
    public EventCallback<(string Source, string Port, string Target)> Connected { get; set; }

    [Parameter]
    public EventCallback<(string EdgeId, Engine.Definitions.Point[] Vertices)> VerticesChanged { get; set; }

    [Parameter]
    public EventCallback<(string Type, double X, double Y)> ActivityDropped { get; set; }

    [Parameter]
    public EventCallback<(string[] Nodes, string[] Edges)> SelectionChanged { get; set; }

    [Parameter]
    public EventCallback<string> Command { get; set; }

    /// <summary>A step of a read-only diagram was clicked.</summary>
    [Parameter]
    public EventCallback<string> NodeClicked { get; set; }

    /// <summary>Raised once the canvas shows the model: the designer is ready for gestures.</summary>
    [Parameter]
    public EventCallback<int> Rendered { get; set; }

    /// <summary>A diagram to look at (pan and zoom only), as on the task page.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The page's theme (from the layout): the drawing follows it.</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool Dark { get; set; }

    public bool IsReady => _module is not null;

    public async Task RenderAsync(bool fit = false)
    {
        if (_module is not null && !_disposed)
        {
            var count = await _module.InvokeAsync<int>("render", _handle, Model, fit);
            await Rendered.InvokeAsync(count);
        }
    }

    public async Task SelectAsync(string nodeId)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("select", _handle, new[] { nodeId });
        }
    }

    public async Task HighlightAsync(IEnumerable<string> done, IEnumerable<string> failed, IEnumerable<string> edges, IEnumerable<string>? current = null)
    {
        if (_module is not null && !_disposed)
        {
            try
            {
                await _module.InvokeVoidAsync("highlight", _handle, done.ToArray(), failed.ToArray(), edges.ToArray(), (current ?? []).ToArray());
            }
            catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException)
            {
                // The page was left while the diagram was being drawn.
            }
        }
    }

    /// <summary>Notes on steps (how often each ran, the time spent), by step id; steps left out show none.</summary>
    public async Task AnnotateAsync(IReadOnlyDictionary<string, string> notes)
    {
        if (_module is not null && !_disposed)
        {
            try
            {
                await _module.InvokeVoidAsync("annotate", _handle, notes);
            }
            catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException)
            {
                // The page was left while the diagram was being drawn.
            }
        }
    }

    public async Task ZoomAsync(double factor)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("zoom", _handle, factor);
        }
    }

    public async Task ExportAsync(string fileName, bool png)
    {
        if (_module is null)
        {
            return;
        }

        var content = await _module.InvokeAsync<string>(png ? "exportPng" : "exportSvg", _handle);
        var href = png ? content : "data:image/svg+xml;charset=utf-8," + Uri.EscapeDataString(content);
        await _module.InvokeVoidAsync("download", fileName, href);
    }

    [JSInvokable]
    public Task OnNodeClicked(string nodeId) => NodeClicked.InvokeAsync(nodeId);

    [JSInvokable]
    public Task OnNodeMoved(string nodeId, double x, double y) => NodeMoved.InvokeAsync((nodeId, x, y));

    [JSInvokable]
    public Task OnConnected(string source, string port, string target) => Connected.InvokeAsync((source, port, target));

    [JSInvokable]
    public Task OnVerticesChanged(string edgeId, Engine.Definitions.Point[] vertices) => VerticesChanged.InvokeAsync((edgeId, vertices));

    [JSInvokable]
    public Task OnDropActivity(string type, double x, double y) => ActivityDropped.InvokeAsync((type, x, y));

    [JSInvokable]
    public Task OnSelectionChanged(string[] nodes, string[] edges) => SelectionChanged.InvokeAsync((nodes, edges));

    [JSInvokable]
    public Task OnCommand(string command) => Command.InvokeAsync(command);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            if (_module is not null && !_disposed)
            {
                await FollowThemeAsync();
            }

            return;
        }

        try
        {
            // The module is the canvas's only once the canvas exists: until then every call (a drawing, a highlight, a
            // theme the layout read meanwhile) waits for the render and the theme check below instead of going to a
            // canvas that is not there yet (a dark page once kept a white diagram that way).
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/FlowCenter.Studio/js/designer.bundle.js");
            _self = DotNetObjectReference.Create(this);
            _drawnDark = Dark;
            _handle = await module.InvokeAsync<int>("create", _container, _minimap, _self, ReadOnly, Dark);
            _module = module;
            if (_disposed)
            {
                await DisposeAsync();
                return;
            }

            await RenderAsync(fit: true);
            // The theme may have changed while the canvas was being made (the layout reads it after its first render).
            await FollowThemeAsync();
        }
        catch (Exception ex) when (_disposed && ex is JSDisconnectedException or ObjectDisposedException or JSException)
        {
            // The page was left while the canvas was being made.
        }
    }

    private async Task FollowThemeAsync()
    {
        if (_drawnDark != Dark)
        {
            _drawnDark = Dark;
            await _module!.InvokeVoidAsync("theme", _handle, Dark);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        // Once: the page's disposal, or the canvas's own when the page was left while it was being made.
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
                // The circuit is gone; so is the canvas.
            }
        }

        _self?.Dispose();
    }
}
