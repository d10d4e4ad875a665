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

    /// <summary>Copies a workflow shipped in the repository's workflows/ folder.</summary>
    public void AddShippedWorkflow(string id) => File.Copy(RepositoryFile("workflows", id + ".json"), System.IO.Path.Combine(Workflows, id + ".json"));

    /// <summary>A file of the repository, such as a fixture of the engine's tests.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "FlowCenter.sln")))
        {
            folder = folder.Parent;
        }

        return System.IO.Path.Combine([folder?.FullName ?? throw new DirectoryNotFoundException("No FlowCenter.sln above the test's folder."), .. parts]);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
