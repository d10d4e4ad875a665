using System.Globalization;

namespace FlowCenter.Engine.Json;

/// <summary>
/// Checks the syntax of cron expressions (five fields, or six with seconds first) as the scheduler reads them.
/// The engine only checks; computing occurrences belongs to the scheduler.
/// </summary>
public static class CronSyntax
{
    private static readonly (string Name, int Min, int Max)[] FiveFields =
    [
        ("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7),
    ];

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Null when valid; otherwise the problem, naming the field.</summary>
    public static string? Check(string? expression)
    {
        var parts = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (5 or 6))
        {
            return $"a cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; \"{expression}\" has {parts.Length}";
        }

        var fields = parts.Length == 6 ? [("second", 0, 59), .. FiveFields] : FiveFields;
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, min, max) = fields[i];
            foreach (var item in parts[i].Split(','))
            {
                if (!CheckItem(item, name, min, max))
                {
                    return $"cron field {name} \"{parts[i]}\" is not valid (allowed {min}-{max}, *, lists, ranges and steps)";
                }
            }
        }

        return null;
    }

    private static bool CheckItem(string item, string name, int min, int max)
    {
        var slash = item.Split('/');
        if (slash.Length > 2 || (slash.Length == 2 && !(int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0)))
        {
            return false;
        }

        var range = slash[0];
        if (range is "*" or "?")
        {
            return true;
        }

        var ends = range.Split('-');
        return ends.Length <= 2 && ends.All(e => Value(e, name) is int v && v >= min && v <= max);
    }

    private static int? Value(string text, string name)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        var names = name == "month" ? MonthNames : name == "day of week" ? DayNames : [];
        var index = Array.IndexOf(names, text.ToUpperInvariant());
        return index < 0 ? null : name == "month" ? index + 1 : index;
    }
}
