using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Interop.Elsa;

namespace FlowCenter.Interop;

/// <summary>
/// Reads definition files of every format FlowCenter knows (its own JSON, Elsa 3 JSON, BPMN 2.0) into definitions
/// with a report per element, and writes a definition in each of them. A file that cannot be read at all (not
/// JSON or XML, malformed, too deep, too large) is a <see cref="WorkflowFormatException"/> naming what and where;
/// an element that cannot be imported is a line of the report, never an exception.
/// </summary>
public static class DefinitionConverter
{
    /// <summary>The deepest JSON accepted; Elsa's nesting (flowchart, activity, input, expression) stays far below it.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>The format of a file by its content; null when it is none of them.</summary>
    public static DefinitionFormat? Detect(string text) => DefinitionFiles.Guess(text) switch
    {
        DefinitionFileKind.Elsa => DefinitionFormat.Elsa,
        DefinitionFileKind.Bpmn => DefinitionFormat.Bpmn,
        DefinitionFileKind.FlowCenter => DefinitionFormat.FlowCenter,
        _ => null,
    };

    /// <summary>Reads a file; <paramref name="format"/> null tells it by content. <paramref name="source"/> names the file in errors.</summary>
    public static ImportResult Import(string text, DefinitionFormat? format = null, string? source = null)
    {
        var name = source ?? "the file";
        if (text.Length > WorkflowJson.MaxDefinitionBytes)
        {
            throw new WorkflowFormatException($"{name} is {text.Length / 1024} KiB; the limit is {WorkflowJson.MaxDefinitionBytes / (1024 * 1024)} MiB.");
        }

        text = text.TrimStart('\uFEFF');
        var kind = format ?? Detect(text)
            ?? throw new WorkflowFormatException(DefinitionFiles.Guess(text) == DefinitionFileKind.OtherXml
                ? $"{name} is XML but not BPMN 2.0: its root is not a 'definitions' element in the BPMN model namespace."
                : $"{name} is neither JSON nor XML.");
        return kind switch
        {
            DefinitionFormat.FlowCenter => FromFlowCenter(text, name),
            DefinitionFormat.Elsa => new ImportResult(DefinitionFormat.Elsa, [ElsaImporter.Import(ParseObject(text, name))]),
            _ => Bpmn.BpmnImporter.Import(text, name),
        };
    }

    /// <summary>Writes a definition in a format.</summary>
    public static string Export(WorkflowDefinition definition, DefinitionFormat format) => format switch
    {
        DefinitionFormat.FlowCenter => WorkflowJson.Write(definition),
        DefinitionFormat.Elsa => ElsaExporter.Export(definition).ToJsonString(ElsaJsonOptions) + "\n",
        _ => Bpmn.BpmnExporter.Export(definition),
    };

    /// <summary>The file name an export is offered under, such as <c>leave-request.v3.elsa.json</c>.</summary>
    public static string FileName(WorkflowDefinition definition, DefinitionFormat format) => format switch
    {
        DefinitionFormat.Elsa => $"{definition.Id}.v{definition.Version}.elsa.json",
        DefinitionFormat.Bpmn => $"{definition.Id}.v{definition.Version}.bpmn",
        _ => $"{definition.Id}.v{definition.Version}.json",
    };

    private static readonly JsonSerializerOptions ElsaJsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static ImportResult FromFlowCenter(string text, string name)
    {
        var definition = WorkflowJson.ParseDefinition(text, name);
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            throw new WorkflowFormatException($"{name} has no 'id': a FlowCenter definition names its process.");
        }

        var notes = definition.Nodes
            .Select(n => new ImportNote(n.Id, n.Type, ImportStatus.Imported, ImportCodes.Mapped, $"step of type {n.Type}") { NodeId = n.Id, Arguments = [n.Type] })
            .ToList();
        return new ImportResult(DefinitionFormat.FlowCenter, [new ImportedDefinition(definition, notes)]);
    }

    private static JsonObject ParseObject(string text, string name)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new WorkflowFormatException($"{name} is JSON but not an object.");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            throw new WorkflowFormatException($"{name} is not valid JSON{where}: {ex.Message.Split(". ")[0]}.", ex);
        }
    }
}
