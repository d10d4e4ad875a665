using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Validation;
using FlowCenter.Interop;

namespace FlowCenter.Runtime.Definitions;

/// <summary>One definition a file holds, with what became of each element and what the validator says of the result.</summary>
public sealed record ImportPreviewItem(ImportedDefinition Imported, IReadOnlyList<ValidationProblem> Problems, int? LatestVersion)
{
    public WorkflowDefinition Definition => Imported.Definition;

    public IReadOnlyList<ImportNote> Notes => Imported.Notes;

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>What an import would save: the file's format and its definitions; nothing is saved yet.</summary>
public sealed record ImportPreview(DefinitionFormat Format, IReadOnlyList<ImportPreviewItem> Items);

/// <summary>
/// Imports and exports definitions in every format the interop library knows, for the Studio's import dialog and
/// the REST API alike: a preview first (the report per element and the validator's problems, nothing written),
/// then drafts saved on the user's word. An unreadable file is a <see cref="Engine.Serialization.WorkflowFormatException"/>
/// naming what and where.
/// </summary>
public sealed class DefinitionImports(DefinitionService definitions, IDefinitionStore store, WorkflowEngine engine)
{
    public async Task<ImportPreview> PreviewAsync(string text, DefinitionFormat? format, string? source, CancellationToken cancellationToken = default)
    {
        var result = DefinitionConverter.Import(text, format, source);
        var items = new List<ImportPreviewItem>();
        foreach (var imported in result.Definitions)
        {
            var latest = await store.FindLatestAsync(imported.Definition.Id, cancellationToken);
            items.Add(new ImportPreviewItem(imported, engine.Validator.Validate(imported.Definition), latest?.Version));
        }

        return new ImportPreview(result.Format, items);
    }

    /// <summary>Saves each definition as a draft (a new version after a published one); publishes those without errors when asked.</summary>
    public async Task<IReadOnlyList<StoredDefinition>> SaveAsync(ImportPreview preview, bool publish, CancellationToken cancellationToken = default)
    {
        var saved = new List<StoredDefinition>();
        foreach (var item in preview.Items)
        {
            var draft = await definitions.SaveDraftAsync(item.Definition, cancellationToken);
            saved.Add(publish && !item.HasErrors ? await definitions.PublishAsync(draft.DefinitionId, draft.Version, cancellationToken) : draft);
        }

        return saved;
    }

    /// <summary>A stored version (0: the latest) in a format; null when there is no such version.</summary>
    public async Task<(string FileName, string ContentType, string Text)?> ExportAsync(string definitionId, int version, DefinitionFormat format, CancellationToken cancellationToken = default)
    {
        var found = version > 0 ? await store.FindAsync(definitionId, version, cancellationToken) : await store.FindLatestAsync(definitionId, cancellationToken);
        if (found is not { } stored)
        {
            return null;
        }

        var definition = DefinitionService.ParseStored(stored);
        var text = format == DefinitionFormat.FlowCenter ? stored.Json : DefinitionConverter.Export(definition, format);
        return (DefinitionConverter.FileName(definition, format), format == DefinitionFormat.Bpmn ? "application/xml" : "application/json", text);
    }
}
