using System.Xml;
using System.Xml.Linq;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Interop.Bpmn;

/// <summary>BPMN 2.0's namespaces, the vendors' extension namespaces, and XML read safely.</summary>
internal static class BpmnXml
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace DiCommon = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    public static readonly XNamespace Flowable = "http://flowable.org/bpmn";
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";

    /// <summary>FlowCenter's own extension namespace: what BPMN cannot say (connectors, forms, approval modes).</summary>
    public static readonly XNamespace FlowCenter = "http://flowcenter.dev/schema/bpmn/1.0";

    /// <summary>The vendors whose assignment and form attributes are read, in the order they are tried.</summary>
    public static readonly XNamespace[] Vendors = [Camunda, Flowable, Activiti];

    /// <summary>The deepest nesting of elements read; BPMN's own (definitions, process, sub-processes, a task's extensions) stays far below it.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// Parses XML without DTD processing or external entities, within the definition size limit; a malformed file
    /// is refused with its line and position.
    /// </summary>
    public static XDocument Parse(string text, string name)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = WorkflowJson.MaxDefinitionBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            // Nesting is bounded before anything walks the tree: sub-processes are read recursively.
            using (var scan = XmlReader.Create(new StringReader(text), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        var line = (IXmlLineInfo)scan;
                        throw new WorkflowFormatException($"{name} is nested deeper than {MaxDepth} elements (line {line.LineNumber}, position {line.LinePosition}).");
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new WorkflowFormatException($"{name} declares a DTD (line {ex.LineNumber}, position {ex.LinePosition}); FlowCenter reads BPMN without DTDs or entities, so it is refused.", ex);
        }
        catch (XmlException ex)
        {
            throw new WorkflowFormatException($"{name} is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split(" Line ")[0].TrimEnd('.')}.", ex);
        }
    }

    /// <summary>A vendor attribute (camunda:assignee, flowable:assignee...) by its local name, from whichever vendor wrote it.</summary>
    public static string? Vendor(XElement element, string name) =>
        Vendors.Select(ns => (string?)element.Attribute(ns + name)).FirstOrDefault(v => v is not null);

    /// <summary>The element's vendor extension children (camunda:in, zeebe:taskDefinition) by local name.</summary>
    public static IEnumerable<XElement> Extensions(XElement element, params XNamespace[] namespaces) =>
        element.Element(Model + "extensionElements")?.Elements().Where(e => namespaces.Length == 0 || namespaces.Contains(e.Name.Namespace)) ?? [];

    public static string? Id(XElement element) => (string?)element.Attribute("id");

    /// <summary>A name as one line: modelers write line breaks into names to wrap them in the shape.</summary>
    public static string? Name(XElement element) =>
        (string?)element.Attribute("name") is { } name && string.Join(' ', name.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } line ? line : null;

    public static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
