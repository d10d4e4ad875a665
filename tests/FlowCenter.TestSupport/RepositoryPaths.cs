namespace FlowCenter.TestSupport;

/// <summary>Folders of the repository, found upwards from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string SchemaFile => Path.Combine(Workflows, "workflow.schema.json");

    public static IEnumerable<string> WorkflowFiles =>
        Directory.EnumerateFiles(Workflows, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The real files of other tools the tests read (Fixtures/elsa, Fixtures/bpmn; their sources in SOURCES.txt).</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "FlowCenter.Engine.Tests", "Fixtures");

    /// <summary>A fixture by its kind (elsa, bpmn) and file name.</summary>
    public static string Fixture(string kind, string name) => Path.Combine(Fixtures, kind, name);

    /// <summary>The file names of one kind of fixture, in order, without the SOURCES.txt attribution.</summary>
    public static TheoryData<string> FixtureNames(string kind) =>
        [.. Directory.EnumerateFiles(Path.Combine(Fixtures, kind)).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

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
