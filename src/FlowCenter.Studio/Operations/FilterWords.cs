using System.Globalization;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Operations;

/// <summary>An instance filter in the page's words ("Process: Order to delivery · Data: amount>=1000"), for batches.</summary>
internal static class FilterWords
{
    public static string Of(IStringLocalizer<Strings> l, InstanceQuery query, IReadOnlyDictionary<string, string> processNames)
    {
        static string Day(DateTimeOffset? t) => t?.ToLocalTime().ToString("d", CultureInfo.CurrentCulture) ?? "";
        var parts = new List<string>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{l[label]}: {value}");
            }
        }

        Add("InstancesProcess", query.DefinitionId is { } id ? processNames.GetValueOrDefault(id, id) : null);
        Add("InstancesVersion", query.Version?.ToString(CultureInfo.CurrentCulture));
        Add("InstancesStatus", query.Status is { } status ? StatusWords.Of(l, status) : null);
        if (query.HasIncidents is { } incidents)
        {
            parts.Add(incidents ? l["InstancesWithIncidents"] : l["InstancesWithoutIncidents"]);
        }

        Add("InstancesBusinessKey", query.BusinessKey);
        Add("InstancesStep", query.Node);
        Add("InstancesStartedBy", query.StartedBy);
        Add("InstancesIncidentText", query.IncidentText);
        Add("InstancesStartedFrom", Day(query.CreatedFrom));
        Add("InstancesStartedTo", Day(query.CreatedTo?.AddDays(-1)));
        Add("InstancesCompletedFrom", Day(query.CompletedFrom));
        Add("InstancesCompletedTo", Day(query.CompletedTo?.AddDays(-1)));
        Add("InstancesVariables", query.Variables.Count == 0 ? null : string.Join(", ", query.Variables.Select(c => c.ToString())));
        return parts.Count == 0 ? l["BatchEveryInstance"] : string.Join(" · ", parts);
    }

    /// <summary>A batch's filter in words; null for a batch of rows chosen by hand.</summary>
    public static string? OfBatch(IStringLocalizer<Strings> l, Runtime.Batches.BatchJob batch, IReadOnlyDictionary<string, string> processNames) =>
        (batch.Filter.Length == 0 || batch.Filter.StartsWith('?')) && InstanceFilterText.TryParse(batch.Filter, out var query, out _)
            ? Of(l, query, processNames)
            : null;

    /// <summary>Every process's name in the page's language, by id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProcessNamesAsync(DefinitionService definitions)
    {
        var culture = CultureInfo.CurrentUICulture;
        return (await definitions.ReadLatestAsync()).ToDictionary(d => d.Id, d => d.NameFor(culture), StringComparer.Ordinal);
    }

    /// <summary>Every step's name by process and step id, for pages that show where cases stand.</summary>
    public static Dictionary<string, Dictionary<string, string>> StepNames(IEnumerable<Engine.Definitions.WorkflowDefinition> definitions) =>
        definitions.ToDictionary(d => d.Id, d => d.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal), StringComparer.Ordinal);
}
