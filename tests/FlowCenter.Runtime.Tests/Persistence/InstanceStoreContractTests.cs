using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Expressions;
using FlowCenter.Persistence;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FlowCenter.Runtime.Tests.Persistence;

/// <summary>The instance store's contract, on every provider: SQLite always, PostgreSQL for real, SQL Server when given.</summary>
public sealed class InstanceStoreContractTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.FromHours(8)));
    private readonly JintExpressionEvaluator _javaScript;
    private readonly WorkflowEngine _engine;
    private readonly ExecutableWorkflow _workflow;

    public InstanceStoreContractTests()
    {
        _javaScript = new JintExpressionEvaluator(new JavaScriptOptions(), _clock);
        _engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), [_javaScript], _clock, new SequentialIdGenerator(Guid.NewGuid().ToString("N")[..6]));
        _workflow = _engine.Prepare(new WorkflowBuilder("store")
            .Variable("order", DataType.Object)
            .Node("start", "Start").Node("fork", "Fork")
            .Node("wait", "WaitEvent", ("eventName", "paid"), ("correlationKey", new Js("input.key")), ("resultVariable", "order"))
            .Node("delay", "Delay", ("duration", "PT2H"))
            .Node("join", "Join").Node("end", "End")
            .Connect("start", "fork").Connect("fork", "wait", "a").Connect("fork", "delay", "b").Connect("wait", "join").Connect("delay", "join").Connect("join", "end")
            .Build());
    }

    public void Dispose() => _javaScript.Dispose();

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Migrations_MatchTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Contexts.CreateDbContext();

        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database), "run dotnet ef migrations add for this provider");
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task SaveNewThenLoad_RoundTripsStateBookmarksAndOpenJournal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var instance = await StartAsync("K-1", "请求 1");

        await store.SaveAsync(StoredInstance.ForNew(instance, Starter.Person("li.lei")));
        var loaded = (await store.LoadAsync(instance.Id))!;

        Assert.Equal(1, loaded.Revision);
        Assert.Equal(Starter.Person("li.lei"), loaded.StartedBy);
        Assert.Equal(WorkflowStatus.Waiting, loaded.Instance.Status);
        Assert.Equal("请求 1", loaded.Instance.BusinessKey);
        Assert.Equal("K-1", loaded.Instance.Input["key"]!.GetValue<string>());
        Assert.Equal(instance.Tokens.Select(t => (t.Id, t.NodeId, t.Status)), loaded.Instance.Tokens.Select(t => (t.Id, t.NodeId, t.Status)));
        Assert.Equal(instance.Bookmarks.Select(b => (b.Id, b.Kind, b.DueAt)), loaded.Instance.Bookmarks.Select(b => (b.Id, b.Kind, b.DueAt)));
        Assert.Equal(["delay", "wait"], loaded.Instance.Journal.Select(e => e.NodeId).Order());
        Assert.All(loaded.Instance.Journal, e => Assert.Equal(JournalStatus.Waiting, e.Status));
        Assert.Equal(instance.CreatedAt, loaded.Instance.CreatedAt);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task ResumeAndSave_WritesOnlyTheChangesAndKeepsTheWholeJournal(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var started = await StartAsync("K-2");
        await store.SaveAsync(StoredInstance.ForNew(started, null));

        var stored = (await store.LoadAsync(started.Id))!;
        await _engine.ResumeAsync(_workflow, stored.Instance, stored.Instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Event).Id, JsonNode.Parse("""{"amount": 12.5}"""));
        await store.SaveAsync(stored);
        var reloaded = (await store.LoadAsync(started.Id))!;

        Assert.Equal(2, reloaded.Revision);
        Assert.Equal(BookmarkKind.Timer, Assert.Single(reloaded.Instance.Bookmarks).Kind);
        Assert.Equal("delay", Assert.Single(reloaded.Instance.Journal).NodeId);
        Assert.Equal(12.5, reloaded.Instance.Variables["order"]!["amount"]!.GetValue<double>());
        var journal = await store.GetJournalAsync(started.Id);
        Assert.Equal(["start", "fork", "wait", "delay"], journal.Select(e => e.NodeId));
        Assert.Equal(JournalStatus.Completed, journal.Single(e => e.NodeId == "wait").Status);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Save_StaleRevision_ThrowsConflictAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var started = await StartAsync("K-3");
        await store.SaveAsync(StoredInstance.ForNew(started, null));
        var first = (await store.LoadAsync(started.Id))!;
        var second = (await store.LoadAsync(started.Id))!;
        var eventBookmark = first.Instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Event).Id;

        await _engine.ResumeAsync(_workflow, first.Instance, eventBookmark);
        await store.SaveAsync(first);
        await _engine.ResumeAsync(_workflow, second.Instance, eventBookmark, JsonValue.Create("second"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(second));
        var stored = (await store.LoadAsync(started.Id))!;
        Assert.Null(stored.Instance.Variables["order"]);
        Assert.Single(await store.GetJournalAsync(started.Id), e => e.NodeId == "wait" && e.Status == JournalStatus.Completed);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task FindBookmarks_ByEventKeyAndByDueTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var a = await StartAsync("A");
        _clock.Advance(TimeSpan.FromMinutes(10));
        var b = await StartAsync("B");
        await store.SaveAsync(StoredInstance.ForNew(a, null));
        await store.SaveAsync(StoredInstance.ForNew(b, null));

        var paidB = await store.FindEventBookmarksAsync("paid", "B");
        var dueSoon = await store.FindDueBookmarksAsync(_clock.GetUtcNow().AddHours(2).AddMinutes(-5), 10);
        var dueAll = await store.FindDueBookmarksAsync(_clock.GetUtcNow().AddHours(3), 1);

        Assert.Equal(b.Id, Assert.Single(paidB).InstanceId);
        Assert.Empty(await store.FindEventBookmarksAsync("paid", "C"));
        Assert.Equal(a.Id, Assert.Single(dueSoon).InstanceId);
        Assert.Equal(a.Id, Assert.Single(dueAll).InstanceId);
        Assert.Equal(a.Bookmarks.Single(x => x.Kind == BookmarkKind.Timer).DueAt, dueSoon[0].DueAt);
        Assert.Equal(2, (await store.FindTimedBookmarksAsync()).Count);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Query_FiltersAndPagesNewestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var instance = await StartAsync($"Q-{i}", i % 2 == 0 ? "even" : "odd");
            await store.SaveAsync(StoredInstance.ForNew(instance, Starter.Person(i == 4 ? "wang" : "li")));
            ids.Add(instance.Id);
        }

        var page = await store.QueryAsync(new InstanceQuery { DefinitionId = "store", Status = WorkflowStatus.Waiting, Skip = 1, Take = 2 });
        var even = await store.QueryAsync(new InstanceQuery { BusinessKey = "even" });
        var wang = await store.QueryAsync(new InstanceQuery { StartedBy = "wang" });

        Assert.Equal(5, page.Total);
        Assert.Equal([ids[3], ids[2]], page.Items.Select(i => i.Id));
        Assert.Equal(3, even.Total);
        Assert.Equal(ids[4], Assert.Single(wang.Items).Id);
        Assert.Contains("wait", page.Items[0].CurrentNodes, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Save_SecondChildForTheSameParentBookmark_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var parent = await StartAsync("P");
        await store.SaveAsync(StoredInstance.ForNew(parent, null));
        var first = await _engine.StartAsync(_workflow, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["key"] = "c1" }, ParentInstanceId = parent.Id, ParentBookmarkId = "bm-1" });
        var second = await _engine.StartAsync(_workflow, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["key"] = "c2" }, ParentInstanceId = parent.Id, ParentBookmarkId = "bm-1" });

        await store.SaveAsync(StoredInstance.ForNew(first, null));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(StoredInstance.ForNew(second, null)));
        Assert.Equal(first.Id, await store.FindChildAsync(parent.Id, "bm-1"));
        Assert.Null(await store.LoadAsync(second.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Query_CombinesVersionIncidentsNodeParentCompletionAndOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var instance = await StartAsync($"F-{i}");
            await store.SaveAsync(StoredInstance.ForNew(instance, Starter.Person("li")));
            ids.Add(instance.Id);
        }

        // The rows as the engine's other states leave them: a second version, an incident, a completion, a parent,
        // another current node (a node whose name holds another's, so that a part never matches the whole).
        var completed = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        await using (var db = database.Contexts.CreateDbContext())
        {
            var rows = db.Instances.Where(r => ids.Contains(r.Id)).ToDictionary(r => r.Id);
            rows[ids[0]].DefinitionVersion = 2;
            rows[ids[1]].OpenIncidents = 1;
            rows[ids[1]].CurrentNodes = "waitlonger";
            rows[ids[2]].CompletedAt = completed;
            rows[ids[2]].UpdatedAt = completed;
            rows[ids[2]].CurrentNodes = null;
            rows[ids[3]].ParentInstanceId = ids[0];
            await db.SaveChangesAsync();
        }

        async Task<string[]> IdsAsync(InstanceQuery query) => [.. (await store.QueryAsync(query with { DefinitionId = "store" })).Items.Select(i => i.Id)];

        Assert.Equal([ids[0]], await IdsAsync(new InstanceQuery { Version = 2 }));
        Assert.Equal([ids[1]], await IdsAsync(new InstanceQuery { HasIncidents = true }));
        Assert.Equal([ids[3], ids[2], ids[0]], await IdsAsync(new InstanceQuery { HasIncidents = false }));
        Assert.Equal([ids[3], ids[0]], await IdsAsync(new InstanceQuery { Node = "wait" }));
        Assert.Equal([ids[1]], await IdsAsync(new InstanceQuery { Node = "waitlonger" }));
        Assert.Equal([ids[3]], await IdsAsync(new InstanceQuery { ParentInstanceId = ids[0] }));
        Assert.Equal([ids[2]], await IdsAsync(new InstanceQuery { CompletedFrom = completed, CompletedTo = completed.AddMinutes(1) }));
        Assert.Empty(await IdsAsync(new InstanceQuery { CompletedTo = completed }));
        Assert.Equal([ids[0], ids[3]], await IdsAsync(new InstanceQuery { HasIncidents = false, Node = "delay", Sort = InstanceSort.StartedOldest }));
        Assert.Equal(ids[2], (await IdsAsync(new InstanceQuery { Sort = InstanceSort.UpdatedNewest }))[0]);
        Assert.Equal(4, (await store.QueryAsync(new InstanceQuery { DefinitionId = "store", Take = 1 })).Total);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Query_ByVariablesIncidentTextAndDuration_FollowsEverySave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        async Task<StoredInstance> SaveNewAsync(string key, params (string Name, JsonNode? Value)[] variables)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            var instance = await StartAsync(key);
            foreach (var (name, value) in variables)
            {
                instance.Variables[name] = value;
            }

            var stored = StoredInstance.ForNew(instance, Starter.Person("li"));
            await store.SaveAsync(stored);
            stored.MarkSaved(stored.Revision);
            return stored;
        }

        var a = await SaveNewAsync("A", ("amount", 1500), ("supplier", "Acme Steel"), ("urgent", true), ("due", "2026-12-10"));
        var b = await SaveNewAsync("B", ("amount", 800.0), ("supplier", "Beta"), ("urgent", false), ("due", "2026-12-01"), ("note", null));
        var c = await SaveNewAsync("C", ("amount", "1500"), ("supplier", "ACME parts"));
        var d = await SaveNewAsync("D");
        c.Instance.Incidents.Add(new Incident { Id = 90, NodeId = "wait", TokenId = 1, Message = "MES answered 502 Bad Gateway", Attempts = 3, CreatedAt = _clock.GetUtcNow() });
        await store.SaveAsync(c);
        c.MarkSaved(c.Revision);
        d.Instance.Status = WorkflowStatus.Completed;
        d.Instance.CompletedAt = d.Instance.CreatedAt.AddSeconds(90);
        await store.SaveAsync(d);
        d.MarkSaved(d.Revision);

        var names = new Dictionary<string, string> { [a.Instance.Id] = "A", [b.Instance.Id] = "B", [c.Instance.Id] = "C", [d.Instance.Id] = "D" };
        async Task<string> FindAsync(InstanceQuery query) =>
            string.Concat((await store.QueryAsync(query with { DefinitionId = "store", Now = _clock.GetUtcNow() })).Items.Select(i => names[i.Id]));
        Task<string> WhereAsync(params string[] conditions) => FindAsync(new InstanceQuery { Variables = [.. conditions.Select(Condition)] });

        Assert.Equal("A", await WhereAsync("amount>=1000"));
        Assert.Equal("CA", await WhereAsync("amount=1500"));
        Assert.Equal("B", await WhereAsync("amount != 1500"));
        Assert.Equal("B", await WhereAsync("amount<1000"));
        Assert.Equal("CA", await WhereAsync("supplier contains acme"));
        Assert.Equal("A", await WhereAsync("urgent=true"));
        Assert.Equal("B", await WhereAsync("urgent!=true"));
        Assert.Equal("A", await WhereAsync("due>2026-12-05"));
        Assert.Equal("B", await WhereAsync("due<=2026-12-01"));
        Assert.Equal("B", await WhereAsync("note exists"));
        Assert.Equal("B", await WhereAsync("note=null"));
        Assert.Equal("A", await WhereAsync("amount exists", "supplier contains acme", "urgent=true"));
        Assert.Equal("", await WhereAsync("missing exists"));
        Assert.Equal("C", await FindAsync(new InstanceQuery { IncidentText = "bad GATEWAY" }));
        Assert.Equal("", await FindAsync(new InstanceQuery { IncidentText = "timeout" }));

        // A running instance's duration is the time since it started; an ended one's is fixed.
        Assert.Equal("ABDC", await FindAsync(new InstanceQuery { Sort = InstanceSort.LongestFirst }));
        Assert.Equal("CDBA", await FindAsync(new InstanceQuery { Sort = InstanceSort.ShortestFirst }));
        Assert.Equal("BD", await FindAsync(new InstanceQuery { Sort = InstanceSort.LongestFirst, Skip = 1, Take = 2 }));
        Assert.Equal("DB", await FindAsync(new InstanceQuery { Sort = InstanceSort.ShortestFirst, Skip = 1, Take = 2 }));
        Assert.Equal("C", await FindAsync(new InstanceQuery { Sort = InstanceSort.LongestFirst, Skip = 3, Take = 5 }));
        Assert.Equal(90_000, (await store.QueryAsync(new InstanceQuery { DefinitionId = "store", Status = WorkflowStatus.Completed })).Items.Single().DurationMs);

        // Later saves rewrite what changed: a new value, a variable removed, an incident resolved.
        a.Instance.Variables["amount"] = 900;
        a.Instance.Variables.Remove("due");
        await store.SaveAsync(a);
        a.MarkSaved(a.Revision);
        c.Instance.Incidents[0].ResolvedAt = _clock.GetUtcNow();
        await store.SaveAsync(c);
        Assert.Equal("", await WhereAsync("amount>=1000"));
        Assert.Equal("B", await WhereAsync("due exists"));
        Assert.Equal("BA", await WhereAsync("amount<1000"));
        Assert.Equal("", await FindAsync(new InstanceQuery { IncidentText = "gateway" }));

        // The export reads every matching instance, whatever the page size.
        var streamed = new List<string>();
        await foreach (var row in store.StreamAsync(new InstanceQuery { DefinitionId = "store", Sort = InstanceSort.LongestFirst, Now = _clock.GetUtcNow(), Take = 1 }))
        {
            streamed.Add(names[row.Id]);
        }

        Assert.Equal("ABDC", string.Concat(streamed));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migration_FillsTheSearchableVariablesOfInstancesStoredBeforeIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var instance = await StartAsync("OLD");
        instance.Variables["amount"] = 4200;
        await store.SaveAsync(StoredInstance.ForNew(instance, Starter.Person("li")));
        await using (var db = database.Contexts.CreateDbContext())
        {
            // The rows as a database upgraded from before the index looks.
            db.InstanceVariables.RemoveRange(db.InstanceVariables);
            db.Watermarks.RemoveRange(db.Watermarks.Where(w => w.Name == "instance-index-v1"));
            var row = db.Instances.Single(i => i.Id == instance.Id);
            row.StartedMs = 0;
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("amount=4200")] })).Total);
        await new MigrateDatabaseTask(database.Contexts).RunAsync(CancellationToken.None);
        await new MigrateDatabaseTask(database.Contexts).RunAsync(CancellationToken.None);

        Assert.Equal(1, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("amount=4200")] })).Total);
        Assert.Equal(1, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("input.key=OLD")] })).Total);
        await using var check = database.Contexts.CreateDbContext();
        Assert.Equal(instance.CreatedAt.ToUnixTimeMilliseconds(), check.Instances.Single(i => i.Id == instance.Id).StartedMs);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Migration_AddsTheStartValuesOfInstancesIndexedBeforeThem_OnceAndWithoutTouchingTheirVariables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new EfInstanceStore(database.Contexts);
        var old = await StartAsync("OLD");
        old.Variables["amount"] = 4200;
        await store.SaveAsync(StoredInstance.ForNew(old, Starter.Person("li")));
        await using (var db = database.Contexts.CreateDbContext())
        {
            // A database whose variables were indexed before the start values were.
            db.InstanceVariables.RemoveRange(db.InstanceVariables.Where(v => v.Name.StartsWith("input.")));
            db.Watermarks.RemoveRange(db.Watermarks.Where(w => w.Name == "instance-index-inputs-v1"));
            await db.SaveChangesAsync();
        }

        // A node already on the new code wrote a case with its start values meanwhile.
        var fresh = await StartAsync("NEW");
        await store.SaveAsync(StoredInstance.ForNew(fresh, Starter.Person("li")));
        Assert.Equal(0, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("input.key=OLD")] })).Total);

        await new MigrateDatabaseTask(database.Contexts).RunAsync(CancellationToken.None);
        await new MigrateDatabaseTask(database.Contexts).RunAsync(CancellationToken.None);
        Assert.Equal(1, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("input.key=OLD")] })).Total);
        Assert.Equal(1, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("input.key=NEW")] })).Total);
        Assert.Equal(1, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("amount=4200")] })).Total);
        Assert.Equal(2, (await store.QueryAsync(new InstanceQuery { Variables = [Condition("input.key exists")] })).Total);
    }

    private static VariableCondition Condition(string text) =>
        VariableCondition.TryParse(text, out var condition, out var error) ? condition : throw new ArgumentException(error);

    private ValueTask<WorkflowInstance> StartAsync(string key, string? businessKey = null) =>
        _engine.StartAsync(_workflow, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["key"] = key }, BusinessKey = businessKey });
}
