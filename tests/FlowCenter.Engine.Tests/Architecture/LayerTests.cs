using System.Xml.Linq;

namespace FlowCenter.Engine.Tests.Architecture;

/// <summary>
/// The projects reference what the architecture's table allows (README, Projects), read from their project files:
/// a page library that compiled against a connector's drivers, or a scheduler module that picked a database, fails here.
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, (string[] Projects, string[] Packages)> Allowed = new()
    {
        ["FlowCenter.Engine"] = ([], ["Cronos"]),
        ["FlowCenter.Expressions"] = (["FlowCenter.Engine"], ["Jint", "Microsoft.Extensions.*.Abstractions", "Microsoft.Extensions.Options"]),
        ["FlowCenter.Interop"] = (["FlowCenter.Engine"], []),
        ["FlowCenter.Runtime"] = (["FlowCenter.Engine", "FlowCenter.Interop"], ["CsvHelper", "Microsoft.Extensions.*.Abstractions", "Microsoft.Extensions.Options"]),
        ["FlowCenter.Persistence"] = (["FlowCenter.Runtime"], ["Microsoft.EntityFrameworkCore.*", "Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore"]),
        ["FlowCenter.Hangfire"] = (["FlowCenter.Runtime"], ["Hangfire.Core", "Hangfire.NetCore"]),
        ["FlowCenter.Connectors"] = (["FlowCenter.Engine", "FlowCenter.Runtime"], ["CsvHelper", "MailKit", "RabbitMQ.Client", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql", "Microsoft.Extensions.Http", "Polly.Core"]),
        ["FlowCenter.Studio"] = (["FlowCenter.Runtime"], ["MudBlazor", "DiffPlex"]),
    };

    public static TheoryData<string> Projects => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyWhatItsLayerMay(string project)
    {
        var file = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj"));
        var (projects, packages) = Allowed[project];
        var referenced = file.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
        var used = file.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

        Assert.Equal([], referenced.Except(projects));
        Assert.Equal([], used.Where(p => !packages.Any(allowed => Matches(p, allowed))));
    }

    [Fact]
    public void EveryProjectOfSrc_IsInTheTable_ButTheServer()
    {
        var found = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).Where(n => n != "FlowCenter.Server");
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    private static bool Matches(string package, string allowed) =>
        allowed.Split('*') is [var prefix, var suffix]
            ? package.StartsWith(prefix, StringComparison.Ordinal) && package.EndsWith(suffix, StringComparison.Ordinal)
            : package == allowed;
}
