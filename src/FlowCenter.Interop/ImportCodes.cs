namespace FlowCenter.Interop;

/// <summary>The codes of import notes; each has its sentence in the Studio's resources (Import_ + code).</summary>
public static class ImportCodes
{
    /// <summary>Mapped to a FlowCenter activity of the same meaning. Arguments: the FlowCenter type.</summary>
    public const string Mapped = "Mapped";

    /// <summary>The file's type has no FlowCenter equivalent. Arguments: the type.</summary>
    public const string UnknownType = "UnknownType";

    /// <summary>An expression in a language FlowCenter does not run; kept as text for a designer to rewrite. Arguments: the input, the language.</summary>
    public const string ExpressionLanguage = "ExpressionLanguage";

    /// <summary>An expression rewritten to FlowCenter's JavaScript (Elsa's helpers, FEEL or JUEL). Arguments: the input, the original, the new.</summary>
    public const string ExpressionRewritten = "ExpressionRewritten";

    /// <summary>A setting FlowCenter has no place for, left out. Arguments: the setting.</summary>
    public const string SettingDropped = "SettingDropped";

    /// <summary>Mapped to an activity of a near meaning. Arguments: the FlowCenter type, what differs.</summary>
    public const string Approximated = "Approximated";

    /// <summary>A connection whose end is not in the file. Arguments: the missing end.</summary>
    public const string DanglingConnection = "DanglingConnection";

    /// <summary>An element without an id got one. Arguments: the new id.</summary>
    public const string IdAssigned = "IdAssigned";

    /// <summary>A nested body (If, loop, sequence, nested flowchart) drawn into the process's own graph. Arguments: the nodes it became.</summary>
    public const string Flattened = "Flattened";

    /// <summary>An element of a kind FlowCenter does not have (a message flow, an event sub-process, an annotation). Arguments: what it is.</summary>
    public const string NotInFlowCenter = "NotInFlowCenter";

    /// <summary>A boundary event that became a step's timeout, reminder or error port. Arguments: timeout, reminder or error; the duration; the count.</summary>
    public const string Boundary = "Boundary";

    /// <summary>A variable, input or output of the process. Arguments: its name.</summary>
    public const string Variable = "Variable";
}
