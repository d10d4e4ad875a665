using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>A scratch folder with a workflows/ folder for the servers of one test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fc-server-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Workflows);
    }

    public string Path { get; }

    public string Workflows => System.IO.Path.Combine(Path, "workflows");

    public void AddWorkflow(WorkflowDefinition definition) =>
        File.WriteAllText(System.IO.Path.Combine(Workflows, definition.Id + ".json"), WorkflowJson.Write(definition));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
