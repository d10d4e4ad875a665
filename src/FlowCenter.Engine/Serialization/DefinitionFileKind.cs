using System.Text.Json;

namespace FlowCenter.Engine.Serialization;

/// <summary>What a definition file looks like at first sight, so that a refusal can say what it is.</summary>
public enum DefinitionFileKind
{
    /// <summary>JSON with FlowCenter's shape (nodes and connections), or nothing else recognised.</summary>
    FlowCenter,

    /// <summary>An Elsa 3 workflow export: a <c>root</c> activity of type Elsa.Flowchart, or Elsa's <c>$type</c>/<c>definitionId</c> markers.</summary>
    Elsa,

    /// <summary>BPMN 2.0 XML: a <c>definitions</c> element in the BPMN model namespace.</summary>
    Bpmn,

    /// <summary>XML that is not BPMN.</summary>
    OtherXml,

    /// <summary>Neither JSON nor XML.</summary>
    Unknown,
}

/// <summary>Guesses a file's kind from its first characters and top-level shape; never throws.</summary>
public static class DefinitionFiles
{
    public static DefinitionFileKind Guess(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (start.StartsWith("<"))
        {
            var head = text.Length > 4096 ? text[..4096] : text;
            return head.Contains("http://www.omg.org/spec/BPMN/20100524/MODEL", StringComparison.Ordinal) || head.Contains(":definitions", StringComparison.Ordinal) && head.Contains("bpmn", StringComparison.OrdinalIgnoreCase)
                ? DefinitionFileKind.Bpmn
                : DefinitionFileKind.OtherXml;
        }

        if (!start.StartsWith("{") && !start.StartsWith("["))
        {
            return DefinitionFileKind.Unknown;
        }

        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DefinitionFileKind.FlowCenter;
            }

            var root = document.RootElement;
            var elsaRoot = root.TryGetProperty("root", out var activity) && activity.ValueKind == JsonValueKind.Object
                && activity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && (type.GetString() ?? "").StartsWith("Elsa.", StringComparison.Ordinal);
            var elsaMarkers = root.TryGetProperty("definitionId", out _) && (root.TryGetProperty("root", out _) || root.TryGetProperty("$type", out _));
            return elsaRoot || elsaMarkers ? DefinitionFileKind.Elsa : DefinitionFileKind.FlowCenter;
        }
        catch (JsonException)
        {
            // Malformed: judge by the words at its start, so that the refusal speaks of the file it is.
            var head = text.Length > 4096 ? text[..4096] : text;
            return head.Contains("\"definitionId\"", StringComparison.Ordinal) || head.Contains("\"Elsa.", StringComparison.Ordinal)
                ? DefinitionFileKind.Elsa
                : DefinitionFileKind.FlowCenter;
        }
    }
}
