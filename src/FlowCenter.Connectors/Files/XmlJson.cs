using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Files;

/// <summary>
/// XML and JSON into each other: an element becomes an object of its children, attributes as <c>@name</c>,
/// repeated children as an array, an element with only text as its text (<c>#text</c> beside attributes); and back.
/// </summary>
public static class XmlJson
{
    public static JsonObject ToJson(XDocument document) =>
        new() { [document.Root!.Name.LocalName] = Element(document.Root) };

    public static XDocument ToXml(JsonNode? value, string rootName)
    {
        var root = value is JsonObject { Count: 1 } single && single.First().Value is JsonObject && rootName.Length == 0
            ? Build(single.First().Key, single.First().Value)
            : Build(rootName.Length == 0 ? "root" : rootName, value);
        return new XDocument(root);
    }

    /// <summary>
    /// How deep elements may nest: each level may become an object and an array in JSON, which then stays within
    /// <see cref="JsonLimits.MaxDepth"/>.
    /// </summary>
    public const int MaxDepth = JsonLimits.MaxDepth / 2;

    /// <summary>
    /// Parses XML without DTDs or external entities, and no deeper than <see cref="MaxDepth"/> (checked by a
    /// streaming pass first, so a hostile document of 200,000 levels costs one read, not a stack overflow).
    /// </summary>
    public static XDocument Parse(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var scan = XmlReader.Create(new StringReader(text), settings))
        {
            while (scan.Read())
            {
                if (scan.Depth >= MaxDepth)
                {
                    var position = (IXmlLineInfo)scan;
                    throw new XmlException($"Elements are nested deeper than {MaxDepth} levels (line {position.LineNumber}, position {position.LinePosition}); FlowCenter reads at most {MaxDepth}.");
                }
            }
        }

        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader);
    }

    private static JsonNode? Element(XElement element)
    {
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
        if (!element.HasElements && attributes.Count == 0)
        {
            return element.IsEmpty ? null : JsonValue.Create(element.Value);
        }

        var result = new JsonObject();
        foreach (var attribute in attributes)
        {
            result["@" + attribute.Name.LocalName] = attribute.Value;
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            result[group.Key] = group.Count() == 1 ? Element(group.First()) : new JsonArray([.. group.Select(Element)]);
        }

        if (!element.HasElements && element.Value.Length > 0)
        {
            result["#text"] = element.Value;
        }

        return result;
    }

    private static XElement Build(string name, JsonNode? value)
    {
        var element = new XElement(XmlConvert.EncodeLocalName(name));
        switch (value)
        {
            case null:
                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key.StartsWith('@'))
                    {
                        element.SetAttributeValue(XmlConvert.EncodeLocalName(key[1..]), Text(child));
                    }
                    else if (key == "#text")
                    {
                        element.Add(Text(child));
                    }
                    else if (child is JsonArray items)
                    {
                        element.Add(items.Select(item => Build(key, item)));
                    }
                    else
                    {
                        element.Add(Build(key, child));
                    }
                }

                break;
            case JsonArray array:
                element.Add(array.Select(item => Build("item", item)));
                break;
            default:
                element.Value = Text(value);
                break;
        }

        return element;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
