using FlowCenter.Interop;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace FlowCenter.Studio.Processes;

/// <summary>
/// A process's BPMN 2.0 export as the other modelers see it: drawn by bpmn-js, checked by bpmnlint's recommended
/// rules, with what either says listed under the diagram.
/// </summary>
public sealed partial class BpmnView
{
    /// <summary>
    /// The recommended rules left out, each for a reason the page states: FlowCenter's inclusive gateway is a
    /// construct it runs (bpmnlint only warns that some engines do not).
    /// </summary>
    public static readonly string[] LeftOut = ["no-inclusive-gateway"];

    private ElementReference _canvas;
    private IJSObjectReference? _module;
    private string? _xml;
    private string? _fileName;
    private bool _missing;
    private bool _shown;
    private LintResult? _result;

    [Parameter]
    public string DefinitionId { get; set; } = "";

    /// <summary>The version to show; the latest when the address names none.</summary>
    [SupplyParameterFromQuery]
    public int Version { get; set; }

    [Inject]
    private DefinitionImports Imports { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    /// <summary>What bpmn-js said on reading the file and what bpmnlint found.</summary>
    public sealed record LintResult(string[] Warnings, Finding[] Findings);

    public sealed record Finding(string Rule, string Id, string Message, string Category);

    protected override async Task OnParametersSetAsync()
    {
        var file = await Imports.ExportAsync(DefinitionId, Version, DefinitionFormat.Bpmn);
        _missing = file is null;
        _xml = file?.Text;
        _fileName = file?.FileName;
        _shown = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_xml is null || _shown)
        {
            return;
        }

        _shown = true;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/FlowCenter.Studio/js/bpmn.bundle.js");
            _result = await _module.InvokeAsync<LintResult>("show", _canvas, _xml, LeftOut);
            StateHasChanged();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The page was left while the diagram was being drawn.
        }
        catch (JSException ex)
        {
            _result = new LintResult([ex.Message], []);
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
