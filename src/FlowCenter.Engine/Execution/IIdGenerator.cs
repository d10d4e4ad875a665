namespace FlowCenter.Engine.Execution;

/// <summary>Makes ids for instances and bookmarks; tests inject a sequential one for deterministic runs.</summary>
public interface IIdGenerator
{
    string NewId();
}
