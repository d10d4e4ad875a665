using System.Globalization;
using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// An instance filter as query-string parameters, read and written the same way by the REST API, the CSV export
/// and the Studio's list (whose address holds its whole filter, so a link shows the same list):
/// <c>definitionId, version, status, hasIncidents, businessKey, startedBy, node, parent, incident, startedFrom,
/// startedTo, completedFrom, completedTo, var</c> (repeated, all must hold), <c>sort, skip, take</c>.
/// </summary>
public static class InstanceFilterText
{
    public const int MaxTake = 500;

    private static readonly (string Text, InstanceSort Sort)[] Sorts =
    [
        ("-started", InstanceSort.StartedNewest), ("started", InstanceSort.StartedOldest),
        ("-updated", InstanceSort.UpdatedNewest), ("updated", InstanceSort.UpdatedOldest),
        ("-duration", InstanceSort.LongestFirst), ("duration", InstanceSort.ShortestFirst),
    ];

    /// <summary>The parameter names, for the API's documentation and the refusal of an unknown one.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "definitionId", "version", "status", "hasIncidents", "businessKey", "startedBy", "node", "parent", "incident",
        "startedFrom", "startedTo", "completedFrom", "completedTo", "var", "sort", "skip", "take",
    ];

    /// <summary>
    /// Reads a filter from parameters (<paramref name="values"/> gives every value of a name, none when absent).
    /// <paramref name="error"/> names the parameter and the value that cannot be read.
    /// </summary>
    public static bool TryRead(Func<string, IReadOnlyList<string>> values, out InstanceQuery query, out string error)
    {
        query = new InstanceQuery();
        error = "";
        string? One(string name) => values(name) is { Count: > 0 } all && !string.IsNullOrWhiteSpace(all[0]) ? all[0].Trim() : null;

        var sortText = One("sort") ?? "-started";
        var sort = Array.FindIndex(Sorts, s => s.Text == sortText);
        if (sort < 0)
        {
            error = $"Unknown sort '{sortText}'; use {string.Join(", ", Sorts.Select(s => s.Text))}.";
            return false;
        }

        WorkflowStatus? status = null;
        if (One("status") is { } statusText)
        {
            if (!Enum.TryParse<WorkflowStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(statusText, out _))
            {
                error = $"Unknown status '{statusText}'; use one of {string.Join(", ", Enum.GetNames<WorkflowStatus>()).ToLowerInvariant()}.";
                return false;
            }

            status = parsed;
        }

        var conditions = new List<VariableCondition>();
        foreach (var text in values("var").Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (!VariableCondition.TryParse(text, out var condition, out var why))
            {
                error = "Parameter 'var': " + why;
                return false;
            }

            conditions.Add(condition);
        }

        if (!TryInt(One("version"), "version", out var version, out error)
            || !TryInt(One("skip"), "skip", out var skip, out error)
            || !TryInt(One("take"), "take", out var take, out error)
            || !TryBool(One("hasIncidents"), "hasIncidents", out var hasIncidents, out error)
            || !TryTime(One("startedFrom"), "startedFrom", out var startedFrom, out error)
            || !TryTime(One("startedTo"), "startedTo", out var startedTo, out error)
            || !TryTime(One("completedFrom"), "completedFrom", out var completedFrom, out error)
            || !TryTime(One("completedTo"), "completedTo", out var completedTo, out error))
        {
            return false;
        }

        query = new InstanceQuery
        {
            DefinitionId = One("definitionId"),
            Version = version,
            Status = status,
            HasIncidents = hasIncidents,
            BusinessKey = One("businessKey"),
            StartedBy = One("startedBy"),
            Node = One("node"),
            ParentInstanceId = One("parent"),
            IncidentText = One("incident"),
            CreatedFrom = startedFrom,
            CreatedTo = startedTo,
            CompletedFrom = completedFrom,
            CompletedTo = completedTo,
            Variables = conditions,
            Sort = Sorts[sort].Sort,
            Skip = Math.Max(0, skip ?? 0),
            Take = Math.Clamp(take ?? 50, 1, MaxTake),
        };
        return true;
    }

    /// <summary>
    /// Reads a filter from a query string as <see cref="ToQueryString"/> writes it (a leading <c>?</c> optional).
    /// An unknown parameter is refused by name: a misspelt filter must not widen a list, an export or a batch.
    /// </summary>
    public static bool TryParse(string? text, out InstanceQuery query, out string error)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in (text ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? part : part[..equals]);
            if (!Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                query = new InstanceQuery();
                error = $"Unknown parameter '{name}'; the filters are {string.Join(", ", Names)}.";
                return false;
            }

            pairs.Add(new(name, equals < 0 ? "" : Unescape(part[(equals + 1)..])));
        }

        return TryRead(name => [.. pairs.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value)], out query, out error);

        static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }

    /// <summary>The filter as parameters, defaults left out: what <see cref="TryRead"/> reads back as the same filter.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Write(InstanceQuery query, bool paging = true)
    {
        static string? Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);
        KeyValuePair<string, string?>[] all =
        [
            new("definitionId", query.DefinitionId), new("version", Number(query.Version)), new("status", query.Status?.ToString().ToLowerInvariant()),
            new("hasIncidents", query.HasIncidents switch { true => "true", false => "false", null => null }),
            new("businessKey", query.BusinessKey), new("startedBy", query.StartedBy), new("node", query.Node), new("parent", query.ParentInstanceId),
            new("incident", query.IncidentText), new("startedFrom", Time(query.CreatedFrom)), new("startedTo", Time(query.CreatedTo)),
            new("completedFrom", Time(query.CompletedFrom)), new("completedTo", Time(query.CompletedTo)),
            .. query.Variables.Select(c => new KeyValuePair<string, string?>("var", c.ToString())),
            new("sort", query.Sort == InstanceSort.StartedNewest ? null : Sorts.First(x => x.Sort == query.Sort).Text),
            new("skip", paging && query.Skip > 0 ? Number(query.Skip) : null),
            new("take", paging && query.Take != 50 ? Number(query.Take) : null),
        ];
        return all.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!));
    }

    /// <summary>The filter as a query string (<c>?status=running&amp;var=amount%3E%3D1000</c>), empty without any filter.</summary>
    public static string ToQueryString(InstanceQuery query, bool paging = true)
    {
        var parts = Write(query, paging).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static bool TryInt(string? text, string name, out int? value, out string error)
    {
        value = null;
        error = "";
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            value = n;
            return true;
        }

        error = $"Parameter '{name}' must be a whole number of 0 or more, not '{text}'.";
        return false;
    }

    private static bool TryBool(string? text, string name, out bool? value, out string error)
    {
        value = null;
        error = "";
        if (text is null)
        {
            return true;
        }

        if (bool.TryParse(text, out var b))
        {
            value = b;
            return true;
        }

        error = $"Parameter '{name}' must be true or false, not '{text}'.";
        return false;
    }

    private static bool TryTime(string? text, string name, out DateTimeOffset? value, out string error)
    {
        value = null;
        error = "";
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            value = t;
            return true;
        }

        error = $"Parameter '{name}' must be a date or time such as 2026-12-01 or 2026-12-01T08:00:00Z, not '{text}'.";
        return false;
    }
}
