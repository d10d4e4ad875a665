using FlowCenter.Engine.Validation;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>The live list of problems; clicking one selects its node.</summary>
public sealed partial class ValidationPanel
{
    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    [Parameter]
    public EventCallback<ValidationProblem> ProblemClicked { get; set; }

    /// <summary>The process, so that steps and inputs are named as it shows them.</summary>
    [Parameter]
    public Engine.Definitions.WorkflowDefinition? Definition { get; set; }

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private ProblemText Text { get; set; } = null!;
}
