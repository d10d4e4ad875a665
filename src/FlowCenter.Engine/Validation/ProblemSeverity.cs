namespace FlowCenter.Engine.Validation;

public enum ProblemSeverity
{
    /// <summary>The definition cannot run.</summary>
    Error,

    /// <summary>It runs, but probably not as meant.</summary>
    Warning,
}
