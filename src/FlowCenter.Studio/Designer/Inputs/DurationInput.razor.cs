using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer.Inputs;

/// <summary>The units a duration is given in.</summary>
public enum DurationUnit
{
    Minutes,
    Hours,
    Days,
    Seconds,
}

/// <summary>
/// A duration as a number and a unit ("2 days"), kept as ISO 8601 ("P2D", "PT30M") in the definition. A value
/// that is not a whole number of one unit (such as "PT1H30M") is shown in the largest unit that divides it.
/// </summary>
public sealed partial class DurationInput
{
    private int? _amount;
    private DurationUnit _unit = DurationUnit.Hours;
    private string? _shown;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    /// <summary>The ISO 8601 duration, or null for none.</summary>
    [Parameter]
    public string? Value { get; set; }

    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? HelperText { get; set; }

    [Parameter]
    public string? Problem { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    protected override void OnParametersSet()
    {
        if (Value == _shown)
        {
            return;
        }

        _shown = Value;
        (_amount, _unit) = Split(Value, _unit);
    }

    /// <summary>An ISO 8601 duration as an amount of its largest whole unit; unreadable text as no amount.</summary>
    internal static (int? Amount, DurationUnit Unit) Split(string? iso, DurationUnit fallback)
    {
        if (string.IsNullOrWhiteSpace(iso))
        {
            return (null, fallback);
        }

        TimeSpan span;
        try
        {
            span = System.Xml.XmlConvert.ToTimeSpan(iso.Trim());
        }
        catch (FormatException)
        {
            return (null, fallback);
        }

        return span switch
        {
            { TotalDays: >= 1 } when span.Ticks % TimeSpan.TicksPerDay == 0 => ((int)span.TotalDays, DurationUnit.Days),
            { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => ((int)span.TotalHours, DurationUnit.Hours),
            _ when span.Ticks % TimeSpan.TicksPerMinute == 0 => ((int)span.TotalMinutes, DurationUnit.Minutes),
            _ => ((int)span.TotalSeconds, DurationUnit.Seconds),
        };
    }

    internal static string? Join(int? amount, DurationUnit unit) => amount is not { } n || n <= 0 ? null : unit switch
    {
        DurationUnit.Days => $"P{n}D",
        DurationUnit.Hours => $"PT{n}H",
        DurationUnit.Minutes => $"PT{n}M",
        _ => $"PT{n}S",
    };

    private Task AmountChangedAsync(int? amount)
    {
        _amount = amount;
        return ReportAsync();
    }

    private Task UnitChangedAsync(DurationUnit unit)
    {
        _unit = unit;
        return ReportAsync();
    }

    private Task ReportAsync()
    {
        _shown = Join(_amount, _unit);
        return ValueChanged.InvokeAsync(_shown);
    }
}
