using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Definitions;

public sealed class DefinitionServiceTests
{
    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task DraftPublishRetract_FollowTheVersioningRules(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        var draft = await harness.Definitions.SaveDraftAsync(Simple("v", "one"));
        var sameDraft = await harness.Definitions.SaveDraftAsync(Simple("v", "one, edited"));

        var published = await harness.Definitions.PublishAsync("v", 1);
        var second = await harness.Definitions.SaveDraftAsync(Simple("v", "two"));

        Assert.Equal((1, 1, 2), (draft.Version, sameDraft.Version, second.Version));
        Assert.Equal(DefinitionStatus.Published, published.Status);
        Assert.True((await harness.DefinitionStore.FindCurrentAsync("v"))!.Version == 1);
        await Assert.ThrowsAsync<DefinitionVersionException>(() => harness.Definitions.PublishAsync("v", 1));

        await harness.Definitions.PublishAsync("v", 2);
        Assert.Equal(2, (await harness.DefinitionStore.FindCurrentAsync("v"))!.Version);
        await harness.Definitions.RetractAsync("v", 2);
        Assert.Equal(1, (await harness.DefinitionStore.FindCurrentAsync("v"))!.Version);
        Assert.Equal([DefinitionStatus.Published, DefinitionStatus.Retracted], (await harness.DefinitionStore.ListVersionsAsync("v")).Select(d => d.Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Publish_InvalidDraft_IsRefusedWithItsProblems(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        var broken = new WorkflowBuilder("broken").Node("start", "Start").Node("x", "Teleport").Connect("start", "x").Build();
        await harness.Definitions.SaveDraftAsync(broken);

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => harness.Definitions.PublishAsync("broken", 1));

        Assert.Contains(error.Problems, p => p.Code == ProblemCodes.UnknownActivity);
        Assert.Equal(DefinitionStatus.Draft, (await harness.DefinitionStore.FindAsync("broken", 1))!.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task RunningInstance_StaysOnItsVersionAfterANewOneIsPublished(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Simple("pinned", "first"));
        var onFirst = await harness.Runtime.StartAsync(new StartRequest("pinned"));

        await harness.PublishAsync(Simple("pinned", "second"));
        var onSecond = await harness.Runtime.StartAsync(new StartRequest("pinned"));
        await harness.Runtime.ResumeAsync(onFirst.Id, onFirst.Bookmarks.Single().Id);
        await harness.Runtime.ResumeAsync(onSecond.Id, onSecond.Bookmarks.Single().Id);

        Assert.Equal((1, 2), (onFirst.DefinitionVersion, onSecond.DefinitionVersion));
        Assert.Equal("first", (await harness.Runtime.GetAsync(onFirst.Id))!.Variables["label"]!.GetValue<string>());
        Assert.Equal("second", (await harness.Runtime.GetAsync(onSecond.Id))!.Variables["label"]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Import_SameContentTwice_MakesOneVersion(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);

        var first = await harness.Definitions.ImportAsync(Simple("imp", "a"));
        var again = await harness.Definitions.ImportAsync(Simple("imp", "a"));
        var changed = await harness.Definitions.ImportAsync(Simple("imp", "b"));

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal((1, 1, 2), (first.Definition.Version, again.Definition.Version, changed.Definition.Version));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task WorkflowsFolder_LoadedAtStartUp_PublishesEachFileOnce(DatabaseProvider provider)
    {
        var folder = Path.Combine(RepositoryRoot(), "workflows");
        await using var harness = await RuntimeHarness.CreateAsync(provider, folder);
        await using var restarted = await harness.StartAnotherAsync();
        var loader = new WorkflowFolderLoader(harness.Definitions, Microsoft.Extensions.Logging.Abstractions.NullLogger<WorkflowFolderLoader>.Instance);

        var second = await loader.LoadAsync(folder);

        var files = Directory.EnumerateFiles(folder, "*.json").Count(f => !f.EndsWith(".schema.json", StringComparison.Ordinal));
        Assert.Equal(files, second.Count);
        Assert.All(second, r => Assert.False(r.Outcome!.Changed));
        Assert.All(await harness.DefinitionStore.ListLatestAsync(), d => Assert.Equal((1, DefinitionStatus.Published), (d.Version, d.Status)));
    }

    private static WorkflowDefinition Simple(string id, string label) => new WorkflowBuilder(id)
        .Variable("label")
        .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "go")).Node("set", "SetVariable", ("name", "label"), ("value", label))
        .Chain("start", "wait", "set").Build();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlowCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FlowCenter.sln");
    }
}
