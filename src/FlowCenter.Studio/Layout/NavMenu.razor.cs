using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Layout;

public sealed partial class NavMenu
{
    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;
}
