using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Samples.Enterprise.Data;

/// <summary>
/// The records of all the simulated systems. Changes, the webhooks they raise and the answer remembered for an
/// Idempotency-Key are saved together by <see cref="SaveAsync"/>, so a system never reports a change it did not
/// make, nor makes one twice for a retried request.
/// </summary>
public sealed class EnterpriseStore(EnterpriseDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<JsonObject?> GetAsync(string system, string kind, string key) =>
        await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.System == system && r.Kind == kind && r.Key == key) is { } record ? View(record) : null;

    /// <summary>The records of a kind, oldest change first; with <paramref name="changedSince"/>, only those changed after it.</summary>
    public async Task<List<JsonObject>> ListAsync(string system, string kind, DateTimeOffset? changedSince = null)
    {
        var query = db.Records.AsNoTracking().Where(r => r.System == system && r.Kind == kind);
        if (changedSince is { } since)
        {
            query = query.Where(r => r.UpdatedAt > since);
        }

        return [.. (await query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).ToListAsync()).Select(View)];
    }

    /// <summary>How many records of each kind a system has.</summary>
    public async Task<Dictionary<string, int>> CountAsync(string system) =>
        await db.Records.Where(r => r.System == system).GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

    /// <summary>Adds a record numbered <c>{prefix}-0001</c> onwards; its number is in the <c>no</c> field.</summary>
    public async Task<JsonObject> CreateAsync(string system, string kind, string prefix, JsonObject data)
    {
        var sequence = await db.Sequences.FindAsync($"{system}/{kind}");
        if (sequence is null)
        {
            sequence = new NumberSequence { Name = $"{system}/{kind}", Next = 1 };
            db.Sequences.Add(sequence);
        }

        var no = $"{prefix}-{sequence.Next.ToString("0000", CultureInfo.InvariantCulture)}";
        sequence.Next++;
        data["no"] = no;
        return Add(system, kind, no, data);
    }

    /// <summary>Adds a record under a key of its own (a customer code, a SKU).</summary>
    public JsonObject Add(string system, string kind, string key, JsonObject data)
    {
        var now = clock.GetUtcNow();
        var record = new Record { System = system, Kind = kind, Key = key, Data = data.ToJsonString(Compact), CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.Records.Add(record);
        return View(record);
    }

    /// <summary>Changes a record; null when there is none.</summary>
    public async Task<JsonObject?> UpdateAsync(string system, string kind, string key, Action<JsonObject> change)
    {
        var record = db.Records.Local.FirstOrDefault(r => r.System == system && r.Kind == kind && r.Key == key)
            ?? await db.Records.SingleOrDefaultAsync(r => r.System == system && r.Kind == kind && r.Key == key);
        if (record is null)
        {
            return null;
        }

        var data = JsonNode.Parse(record.Data)!.AsObject();
        change(data);
        record.Data = data.ToJsonString(Compact);
        record.UpdatedAt = clock.GetUtcNow();
        record.Version++;
        return View(record);
    }

    /// <summary>Queues a webhook to FlowCenter, sent after the change is saved.</summary>
    public void Raise(string @event, JsonObject body, string? correlationKey = null) =>
        db.Outbox.Add(new OutboxMessage
        {
            DeliveryId = Guid.NewGuid().ToString("N"),
            Event = @event,
            Body = body.ToJsonString(Compact),
            CorrelationKey = correlationKey,
            CreatedAt = clock.GetUtcNow(),
        });

    public async Task<IdempotentAnswer?> FindAnswerAsync(string key) => await db.Answers.AsNoTracking().SingleOrDefaultAsync(a => a.Key == key);

    public void Remember(string key, int status, JsonNode body) => db.Answers.Add(new IdempotentAnswer { Key = key, Status = status, Body = body.ToJsonString(Compact) });

    public async Task SaveAsync() => await db.SaveChangesAsync();

    public void Forget() => db.ChangeTracker.Clear();

    public async Task<List<OutboxMessage>> RecentWebhooksAsync(int count) =>
        await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(count).ToListAsync();

    private static JsonObject View(Record record)
    {
        var data = JsonNode.Parse(record.Data)!.AsObject();
        data["updatedAt"] = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture);
        data["version"] = record.Version;
        return data;
    }
}
