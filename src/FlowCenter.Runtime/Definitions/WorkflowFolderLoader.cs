using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.Validation;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Definitions;

/// <summary>
/// Imports the definitions of a folder (every <c>*.json</c> but <c>*.schema.json</c>) and publishes them.
/// A file that cannot be read or is invalid is reported by name and skipped; the others still load.
/// </summary>
public sealed partial class WorkflowFolderLoader(DefinitionService definitions, ILogger<WorkflowFolderLoader> logger)
{
    public async Task<IReadOnlyList<FolderLoadResult>> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var results = new List<FolderLoadResult>();
        if (!Directory.Exists(folder))
        {
            LogMissingFolder(logger, folder);
            return results;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            try
            {
                var definition = WorkflowJson.ParseDefinition(await File.ReadAllTextAsync(file, cancellationToken), Path.GetFileName(file));
                var outcome = await definitions.ImportAsync(definition, cancellationToken);
                LogLoaded(logger, file, definition.Id, outcome.Definition.Version, outcome.Changed);
                results.Add(new FolderLoadResult(file, outcome, null));
            }
            catch (Exception ex) when (ex is WorkflowFormatException or WorkflowValidationException or DefinitionVersionException or IOException)
            {
                // Every error names the file it is about (a validation report names only the definition).
                var name = Path.GetFileName(file);
                var error = ex.Message.StartsWith(name, StringComparison.Ordinal) ? ex.Message : $"{name}: {ex.Message}";
                LogRejected(logger, file, error);
                results.Add(new FolderLoadResult(file, null, error));
            }
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow folder {Folder} does not exist; nothing loaded")]
    private static partial void LogMissingFolder(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: {DefinitionId} v{Version} (new version published: {Changed})")]
    private static partial void LogLoaded(ILogger logger, string file, string definitionId, int version, bool changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} was not loaded: {Error}")]
    private static partial void LogRejected(ILogger logger, string file, string error);
}
