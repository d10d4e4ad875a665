using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Files;

/// <summary>Reads and writes the file formats systems exchange: CSV (CsvHelper), JSON, XML and plain text.</summary>
public static class FileFormats
{
    public static readonly IReadOnlyList<string> All = ["csv", "json", "xml", "text"];

    public static JsonNode? Read(string format, string text, string where) => format switch
    {
        "csv" => ReadCsv(text, where),
        "json" => Guard(where, "JSON", () => JsonLimits.Parse(text, where)),
        "xml" => Guard(where, "XML", () => XmlJson.ToJson(XmlJson.Parse(text))),
        _ => text,
    };

    public static string Write(string format, JsonNode? value, string rootName) => format switch
    {
        "csv" => WriteCsv(value),
        "json" => (value?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null") + "\n",
        "xml" => XmlJson.ToXml(value, rootName).ToString() + "\n",
        _ => JsonValues.ToText(value) ?? value?.ToJsonString() ?? "",
    };

    /// <summary>Rows as objects named by the header line.</summary>
    private static JsonArray ReadCsv(string text, string where)
    {
        var rows = new JsonArray();
        try
        {
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { MalformedData = CsvMalformedDataHandling.Throw, SkipEmptyLines = true });
            csv.ReadHeader();
            var headers = csv.Headers;
            while (csv.Read())
            {
                var row = new JsonObject();
                for (var i = 0; i < headers.Count && i < csv.FieldCount; i++)
                {
                    row[headers[i]] = csv.GetString(i);
                }

                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new ActivityException($"{where} is not valid CSV: {ex.Message}", ex);
        }

        return rows;
    }

    /// <summary>An array of objects as CSV, the header being every key in the order first met.</summary>
    private static string WriteCsv(JsonNode? value)
    {
        if (value is not JsonArray rows)
        {
            throw new ActivityException("Only a list of rows (objects) can be written as CSV.");
        }

        var headers = rows.OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key)).Distinct().ToArray();
        var text = new StringWriter(new StringBuilder());
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), true))
        {
            csv.WriteHeader([.. headers.Select(Neutralised)]);
            foreach (var row in rows.OfType<JsonObject>())
            {
                csv.WriteRecord([.. headers.Select(h => row[h] switch
                {
                    null => "",
                    JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => Neutralised(v.GetValue<string>()),
                    var v => JsonValues.ToText(v) ?? v.ToJsonString(),
                })]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    /// <summary>
    /// Text that a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a return
    /// first) is written with a leading apostrophe, as OWASP advises against CSV injection; numbers stay numbers.
    /// </summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static JsonNode? Guard(string where, string what, Func<JsonNode?> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or System.Xml.XmlException)
        {
            throw new ActivityException($"{where} is not valid {what}: {ex.Message}", ex);
        }
    }
}
