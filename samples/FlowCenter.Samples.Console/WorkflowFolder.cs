namespace FlowCenter.Samples.Console;

/// <summary>Finds the repository's <c>workflows/</c> folder from the working directory or the program's folder.</summary>
internal static class WorkflowFolder
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "FlowCenter.sln")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Definition files of a folder; the schema file is not one.</summary>
    public static IEnumerable<string> DefinitionFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
