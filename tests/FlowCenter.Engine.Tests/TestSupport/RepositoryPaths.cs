namespace FlowCenter.Engine.Tests.TestSupport;

/// <summary>Folders of the repository, found upwards from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string SchemaFile => Path.Combine(Workflows, "workflow.schema.json");

    public static IEnumerable<string> WorkflowFiles =>
        Directory.EnumerateFiles(Workflows, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlowCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FlowCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
