using System.Globalization;
using FlowCenter.Runtime.Definitions;

namespace FlowCenter.Studio.Processes;

/// <summary>Each stored process's name in the UI's language (a definition may carry a translation), by process id.</summary>
internal static class ShownNames
{
    public static Dictionary<string, string> Of(IEnumerable<StoredDefinition> rows) =>
        rows.GroupBy(r => r.DefinitionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => DefinitionService.ParseStored(g.First()).NameFor(CultureInfo.CurrentUICulture), StringComparer.Ordinal);
}
