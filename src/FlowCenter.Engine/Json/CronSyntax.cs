using Cronos;

namespace FlowCenter.Engine.Json;

/// <summary>
/// Checks cron expressions (five fields, or six with seconds first) and time zones as the scheduler reads them:
/// with Cronos, the parser Hangfire runs recurring jobs with, so what validates here can be scheduled. The engine
/// only checks; computing occurrences belongs to the scheduler.
/// </summary>
public static class CronSyntax
{
    private static readonly string[] Fields = ["minute", "hour", "day of month", "month", "day of week"];

    /// <summary>Null when valid; otherwise the problem, naming the field.</summary>
    public static string? Check(string? expression)
    {
        var parts = (expression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (5 or 6))
        {
            return $"a cron expression has 5 fields (minute hour day month weekday) or 6 with seconds first; \"{expression}\" has {parts.Length}";
        }

        var format = parts.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (Parses(string.Join(' ', parts), format) is not { } problem)
        {
            return null;
        }

        // Name the field: the first one that fails with every other field left open.
        string[] names = parts.Length == 6 ? ["second", .. Fields] : Fields;
        for (var i = 0; i < parts.Length; i++)
        {
            var alone = parts.Select((p, j) => j == i ? p : "*");
            if (Parses(string.Join(' ', alone), format) is not null)
            {
                return $"cron field {names[i]} \"{parts[i]}\" is not valid (numbers in its range, names, *, lists, ranges and steps)";
            }
        }

        return $"cron expression \"{expression}\" is not valid: {problem}";
    }

    /// <summary>Null when empty (UTC) or a time zone this machine knows (IANA or Windows id); otherwise the problem.</summary>
    public static string? CheckTimeZone(string? zone) =>
        string.IsNullOrWhiteSpace(zone) || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)
            ? null
            : $"time zone \"{zone}\" is not known; use an IANA id such as Asia/Shanghai or Europe/Berlin";

    private static string? Parses(string expression, CronFormat format)
    {
        try
        {
            CronExpression.Parse(expression, format);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }
}
