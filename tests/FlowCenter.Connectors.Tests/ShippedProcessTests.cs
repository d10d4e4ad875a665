using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Connectors.Tests;

/// <summary>Every definition in workflows/ validates against the built-in and connector activities, as the server loads them.</summary>
public sealed class ShippedProcessTests : IDisposable
{
    private readonly ConnectorHost _connector = new();

    public void Dispose() => _connector.Dispose();

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedDefinition_HasNoValidationProblems(string file)
    {
        var definition = WorkflowJson.ParseDefinition(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)), file);

        Assert.Empty(_connector.Validate(definition).Select(p => p.ToString()));
    }

    public static TheoryData<string> Files() => [.. RepositoryPaths.WorkflowFiles.Select(f => Path.GetFileName(f))];
}
