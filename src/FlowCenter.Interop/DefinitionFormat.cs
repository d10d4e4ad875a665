namespace FlowCenter.Interop;

/// <summary>The file formats a definition is read from and written to.</summary>
public enum DefinitionFormat
{
    /// <summary>FlowCenter's own JSON (<c>workflow.schema.json</c>).</summary>
    FlowCenter,

    /// <summary>An Elsa 3 workflow definition export (JSON with a <c>root</c> flowchart).</summary>
    Elsa,

    /// <summary>BPMN 2.0 XML, with diagram interchange.</summary>
    Bpmn,
}
