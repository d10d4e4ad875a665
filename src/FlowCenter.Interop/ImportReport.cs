using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop;

/// <summary>What became of one element of an imported file.</summary>
public enum ImportStatus
{
    /// <summary>Imported as it was.</summary>
    Imported,

    /// <summary>Imported, with a change the note describes.</summary>
    Changed,

    /// <summary>Left out; the note says why.</summary>
    NotImported,
}

/// <summary>
/// One line of an import report: the element of the file (its id and type there), what became of it, and why.
/// <see cref="Code"/> and <see cref="Arguments"/> let a UI say it in its own language; <see cref="Message"/> is the
/// English sentence for the API and the console.
/// </summary>
public sealed record ImportNote(string ElementId, string ElementType, ImportStatus Status, string Code, string Message)
{
    /// <summary>The node the element became, when it became one.</summary>
    public string? NodeId { get; init; }

    /// <summary>The parts of <see cref="Message"/> (an expression language, a port, a value).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString() => $"{Status switch { ImportStatus.Imported => "imported", ImportStatus.Changed => "changed", _ => "not imported" }} {ElementType} '{ElementId}': {Message}";
}

/// <summary>An element of the file with every note about it; its status is the worst of theirs.</summary>
public sealed record ImportedElement(string ElementId, string ElementType, ImportStatus Status, IReadOnlyList<ImportNote> Notes);

/// <summary>One definition read from a file, with the report of every element.</summary>
public sealed record ImportedDefinition(WorkflowDefinition Definition, IReadOnlyList<ImportNote> Notes)
{
    /// <summary>The report by element, in the file's order: an activity rewritten and mapped is one line, "changed".</summary>
    public IReadOnlyList<ImportedElement> Elements { get; } = [.. Notes
        .GroupBy(n => (n.ElementId, n.ElementType))
        .Select(g => new ImportedElement(g.Key.ElementId, g.Key.ElementType, g.Max(n => n.Status), [.. g]))];

    /// <summary>How many elements were imported as they were, with a change, or not at all.</summary>
    public int Count(ImportStatus status) => Elements.Count(e => e.Status == status);
}

/// <summary>What a file held: its format and the definitions read from it (a BPMN collaboration holds several).</summary>
public sealed record ImportResult(DefinitionFormat Format, IReadOnlyList<ImportedDefinition> Definitions);
