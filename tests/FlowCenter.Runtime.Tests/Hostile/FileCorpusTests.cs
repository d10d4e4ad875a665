using System.Text;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Hostile;

/// <summary>
/// Hostile files for the surfaces that are not HTTP bodies: organisation files and the workflows folder. Each is
/// refused with an error that names the file and what is wrong where, nothing of it is stored, and the next
/// file still loads.
/// </summary>
public sealed class FileCorpusTests(ITestOutputHelper output)
{
    private static readonly (string File, string Text, string Names)[] OrganisationFiles =
    [
        ("broken.json", """{ "users": [ { "userName": "x", } """, "line 1"),
        ("deep.json", """{ "users": """ + new string('[', 5000) + new string(']', 5000) + "}", "deep.json"),
        ("wrong-type.json", """{ "users": "everyone" }""", "$.users"),
        ("root-array.json", "[1, 2, 3]", "root-array.json"),
        ("nameless.json", """{ "users": [ { "displayName": "No Name" } ] }""", "user name"),
        ("twice.json", """{ "users": [ { "userName": "x.y", "displayName": "X" }, { "userName": "x.y", "displayName": "Y" } ] }""", "x.y"),
        ("nowhere.json", """{ "users": [ { "userName": "x.y", "displayName": "X", "departmentId": "nowhere" } ] }""", "nowhere"),
        ("cycle.json", """{ "users": [ { "userName": "c.a", "displayName": "A", "managerUserName": "c.b" }, { "userName": "c.b", "displayName": "B", "managerUserName": "c.a" } ] }""", "c.a"),
        ("huge.json", "{ \"users\": [ { \"userName\": \"big\", \"displayName\": \"" + new string('x', 6 * 1024 * 1024) + "\" } ] }", "limit"),
        ("quote.csv", "userName,displayName\n\"x.y,Unclosed\n", "line"),
        ("ragged.csv", "userName,displayName\nx.y,X,extra,fields\n", "line 2"),
        ("empty.csv", "", "header"),
        ("boss.csv", "userName,displayName,manager\nx.y,X,nobody\n", "nobody"),
        ("dept-cycle.csv", "id,name,parent\nd1,One,d2\nd2,Two,d1\n", "d1"),
        ("long-name.csv", "userName,displayName\n" + new string('n', 300) + ",Long\n", "user name"),
        ("control.json", """{ "users": [ { "userName": "x\u0000y", "displayName": "Nul" } ] }""", "user name"),
    ];

    [Fact]
    public async Task OrganisationFiles_EachRefusedNamingWhatAndWhere_NothingImported()
    {
        await using var harness = await HarnessAsync();
        var directory = harness.Services.GetRequiredService<IDirectory>();
        var before = Snapshot(await directory.ListUsersAsync(), await directory.ListDepartmentsAsync());

        var clear = 0;
        var problems = new List<string>();
        foreach (var (file, text, names) in OrganisationFiles)
        {
            try
            {
                await harness.Organization.ImportAsync(OrganizationFile.Parse(file, text), "Welcome1!");
                problems.Add($"{file}: imported");
            }
            catch (OrganizationException ex) when (ex.Message.Contains(names, StringComparison.OrdinalIgnoreCase))
            {
                clear++;
            }
            catch (OrganizationException ex)
            {
                problems.Add($"{file}: refused without naming '{names}': {ex.Message}");
            }
            catch (Exception ex)
            {
                problems.Add($"{file}: not a clear error: {ex}");
            }
        }

        var after = Snapshot(await directory.ListUsersAsync(), await directory.ListDepartmentsAsync());
        output.WriteLine($"organisation files: {OrganisationFiles.Length} tried, {clear} clear errors, {(before == after ? 0 : 1)} written");
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task WorkflowFiles_EachRefusedNamingTheFile_NothingStored_TheGoodOneLoads()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fc-hostile-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var good = new WorkflowBuilder("good").Node("start", "Start").Node("end", "End").Chain("start", "end").Build();
            File.WriteAllText(Path.Combine(folder, "zz-good.json"), Engine.Serialization.WorkflowJson.Write(good));
            var hostile = new (string File, byte[] Bytes)[]
            {
                ("broken.json", Encoding.UTF8.GetBytes("""{ "id": "broken", "nodes": [ """)),
                ("deep.json", Encoding.UTF8.GetBytes("""{ "id": "deep", "variables": """ + new string('[', 5000) + new string(']', 5000) + "}")),
                ("empty.json", []),
                ("binary.json", [0xFF, 0xFE, 0x00, 0x01, 0x80, 0x81, 0xC3, 0x28]),
                ("no-id.json", Encoding.UTF8.GetBytes("""{ "nodes": [ { "id": "start", "type": "Start" } ] }""")),
                ("unknown-activity.json", Encoding.UTF8.GetBytes("""{ "id": "unknown-activity", "nodes": [ { "id": "start", "type": "Start" }, { "id": "x", "type": "LaunchMissiles" } ], "connections": [ { "id": "c1", "source": "start", "sourcePort": "done", "target": "x" } ] }""")),
                ("dangling.json", Encoding.UTF8.GetBytes("""{ "id": "dangling", "nodes": [ { "id": "start", "type": "Start" } ], "connections": [ { "id": "c1", "source": "start", "sourcePort": "done", "target": "nowhere" } ] }""")),
                ("twice.json", Encoding.UTF8.GetBytes("""{ "id": "twice", "nodes": [ { "id": "start", "type": "Start" }, { "id": "start", "type": "End" } ] }""")),
                ("bad-script.json", Encoding.UTF8.GetBytes("""{ "id": "bad-script", "nodes": [ { "id": "start", "type": "Start" }, { "id": "s", "type": "Script", "inputs": { "script": { "literal": "while (" } } } ], "connections": [ { "id": "c1", "source": "start", "sourcePort": "done", "target": "s" } ] }""")),
                ("wrong-shape.json", Encoding.UTF8.GetBytes("""{ "id": "wrong-shape", "nodes": "all of them" }""")),
            };
            foreach (var (file, bytes) in hostile)
            {
                File.WriteAllBytes(Path.Combine(folder, file), bytes);
            }

            await using var harness = await RuntimeHarness.CreateAsync(DatabaseProvider.Sqlite);
            var loader = new WorkflowFolderLoader(harness.Definitions, Microsoft.Extensions.Logging.Abstractions.NullLogger<WorkflowFolderLoader>.Instance);
            var results = await loader.LoadAsync(folder);

            var refused = results.Where(r => r.Error is not null).ToList();
            var clear = refused.Count(r => r.Error!.Contains(Path.GetFileName(r.File), StringComparison.Ordinal) || r.Error.Contains(Path.GetFileNameWithoutExtension(r.File), StringComparison.Ordinal));
            var stored = (await harness.DefinitionStore.ListLatestAsync()).Select(d => d.DefinitionId).ToList();
            output.WriteLine($"workflow files: {hostile.Length} tried, {clear} clear errors, {stored.Count(id => id != "good")} written");
            foreach (var r in refused)
            {
                output.WriteLine($"  {Path.GetFileName(r.File)}: {r.Error}");
            }

            Assert.Equal(hostile.Select(h => h.File).Order(), refused.Select(r => Path.GetFileName(r.File)).Order());
            Assert.Equal(hostile.Length, clear);
            Assert.Equal(["good"], stored);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Snapshot(IReadOnlyList<Person> users, IReadOnlyList<Department> departments) =>
        string.Join("\n", users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => $"{u.UserName}|{u.DisplayName}|{u.DepartmentId}|{u.ManagerUserName}|{u.Active}|{string.Join(';', u.Roles)}"))
        + "\n" + string.Join("\n", departments.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => $"{d.Id}|{d.Name}|{d.ParentId}"));
}
