namespace FlowCenter.Runtime.Tasks;

/// <summary>The inbox's lists.</summary>
public enum TaskBox
{
    /// <summary>Open items assigned to the user.</summary>
    ToDo,

    /// <summary>Open items nobody has claimed that the user may claim.</summary>
    Pool,

    /// <summary>Items the user decided or handed on.</summary>
    Done,
}
