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
public sealed class DefinitionImports(DefinitionService definitions, IDefinitionStore store, WorkflowEngine engine, Organization.IDirectory directory)
{
    public async Task<ImportPreview> PreviewAsync(string text, DefinitionFormat? format, string? source, CancellationToken cancellationToken = default)
    {
        var result = DefinitionConverter.Import(text, format, source);
        var items = new List<ImportPreviewItem>();
        foreach (var read in result.Definitions)
        {
            var imported = await AssignLanesAsync(read, cancellationToken);
            var latest = await store.FindLatestAsync(imported.Definition.Id, cancellationToken);
            items.Add(new ImportPreviewItem(imported, engine.Validator.Validate(imported.Definition), latest?.Version));
        }

        return new ImportPreview(result.Format, items);
    }

    /// <summary>
    /// A BPMN lane names who does its tasks: the file cannot say whether the name is a role or a position, the
    /// organisation can. A lane named after a role keeps that role (as the organisation spells it); one named after
    /// a position (by its name or id) assigns its tasks to the position.
    /// </summary>
    private async Task<ImportedDefinition> AssignLanesAsync(ImportedDefinition imported, CancellationToken cancellationToken)
    {
        var lanes = imported.Notes.Where(n => n.Code == ImportCodes.Approximated && n.Arguments is [_, "laneRole", _] && n.NodeId is not null).ToList();
        if (lanes.Count == 0)
        {
            return imported;
        }

        var roles = await directory.ListRolesAsync(cancellationToken);
        var positions = await directory.ListPositionsAsync(cancellationToken);
        var notes = imported.Notes.ToList();
        foreach (var note in lanes)
        {
            var lane = note.Arguments[2];
            var node = imported.Definition.Nodes.Find(n => n.Id == note.NodeId);
            if (node is null)
            {
                continue;
            }

            if (roles.FirstOrDefault(r => string.Equals(r, lane, StringComparison.OrdinalIgnoreCase)) is { } role)
            {
                node.Inputs["assignee"] = InputValue.FromLiteral(new System.Text.Json.Nodes.JsonArray(role));
            }
            else if (positions.FirstOrDefault(p => string.Equals(p.Id, lane, StringComparison.OrdinalIgnoreCase)
                || p.Name.Split(" / ").Append(p.Name).Any(name => string.Equals(name.Trim(), lane, StringComparison.OrdinalIgnoreCase))) is { } position)
            {
                node.Inputs["assignTo"] = InputValue.FromLiteral("position");
                node.Inputs["assignee"] = InputValue.FromLiteral(new System.Text.Json.Nodes.JsonArray(position.Id));
                notes[notes.IndexOf(note)] = note with { Message = $"mapped to a user task: assigned to the position named after its lane, '{lane}'", Arguments = ["UserTask", "lanePosition", lane] };
            }
        }

        return new ImportedDefinition(imported.Definition, notes);
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
