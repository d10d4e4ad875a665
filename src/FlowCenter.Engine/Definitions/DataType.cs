using System.Diagnostics.CodeAnalysis;

namespace FlowCenter.Engine.Definitions;

/// <summary>The value types of variables, parameters and activity inputs.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "These name JSON value types, as JSON Schema does.")]
public enum DataType
{
    Any,
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    /// <summary>An ISO 8601 date and time, such as <c>2026-11-23T09:00:00+08:00</c>.</summary>
    DateTime,
    /// <summary>An ISO 8601 duration (<c>PT5M</c>) or a .NET time span (<c>00:05:00</c>).</summary>
    Duration,
    /// <summary>A list of strings.</summary>
    StringList,
    /// <summary>JavaScript statements, run as a function body.</summary>
    Script,
    /// <summary>A cron expression with five or six fields.</summary>
    Cron,
}
