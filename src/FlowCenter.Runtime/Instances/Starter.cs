using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowCenter.Runtime.Instances;

/// <summary>What kind of thing started a case.</summary>
public enum StarterKind
{
    /// <summary>A person, by user name (New request, the API with their account).</summary>
    Person,

    /// <summary>An event a system sent (webhook delivery, queue message, a process publishing it).</summary>
    Event,

    /// <summary>A cron schedule.</summary>
    Schedule,

    /// <summary>Another process, as its sub-process.</summary>
    Parent,

    /// <summary>A signed webhook delivery from a source.</summary>
    Webhook,

    Api,

    /// <summary>FlowCenter itself.</summary>
    System,
}

/// <summary>
/// Who or what started a case, as a value: pages and services ask its <see cref="Kind"/> and <see cref="Name"/>
/// instead of decoding a prefix. Stored (and shown in the API) in its text form: a user name, <c>event:name</c>,
/// <c>cron</c>, <c>parent:id</c>, <c>webhook:source</c>, <c>api</c>, <c>system</c>.
/// </summary>
[JsonConverter(typeof(StarterJsonConverter))]
public readonly record struct Starter(StarterKind Kind, string Name)
{
    private const string EventPrefix = "event:";
    private const string ParentPrefix = "parent:";
    private const string WebhookPrefix = "webhook:";
    private const string ScheduleText = "cron";

    public static readonly Starter Schedule = new(StarterKind.Schedule, "");

    public static readonly Starter Api = new(StarterKind.Api, "");

    public static readonly Starter FlowCenter = new(StarterKind.System, "");

    public static Starter Person(string userName) => new(StarterKind.Person, userName);

    public static Starter Event(string eventName) => new(StarterKind.Event, eventName);

    /// <summary>Started by the process instance <paramref name="instanceId"/> as its sub-process.</summary>
    public static Starter Parent(string instanceId) => new(StarterKind.Parent, instanceId);

    public static Starter Webhook(string source) => new(StarterKind.Webhook, source);

    /// <summary>
    /// Whether <paramref name="userName"/> started it: its text form is that user name (so a person whose user name
    /// happens to be "cron" still owns what they started, as the stored text always said).
    /// </summary>
    public bool IsPerson(string userName) => Kind is not (StarterKind.Event or StarterKind.Parent or StarterKind.Webhook) && string.Equals(ToString(), userName, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind switch
    {
        StarterKind.Event => EventPrefix + Name,
        StarterKind.Parent => ParentPrefix + Name,
        StarterKind.Webhook => WebhookPrefix + Name,
        StarterKind.Schedule => ScheduleText,
        StarterKind.Api => "api",
        StarterKind.System => "system",
        _ => Name,
    };

    /// <summary>The starter its text form names; null for none.</summary>
    public static Starter? Parse(string? text) => text switch
    {
        null or "" => null,
        "api" => Api,
        "system" => FlowCenter,
        ScheduleText => Schedule,
        _ when text.StartsWith(EventPrefix, StringComparison.Ordinal) => Event(text[EventPrefix.Length..]),
        _ when text.StartsWith(ParentPrefix, StringComparison.Ordinal) => Parent(text[ParentPrefix.Length..]),
        _ when text.StartsWith(WebhookPrefix, StringComparison.Ordinal) => Webhook(text[WebhookPrefix.Length..]),
        _ => Person(text),
    };

    /// <summary>The instance list's filter for every case started this way (<c>event:*</c>); a person's is their name.</summary>
    public static string AnyOf(StarterKind kind) => kind switch
    {
        StarterKind.Event => EventPrefix + "*",
        StarterKind.Parent => ParentPrefix + "*",
        StarterKind.Webhook => WebhookPrefix + "*",
        _ => new Starter(kind, "").ToString(),
    };

    private sealed class StarterJsonConverter : JsonConverter<Starter>
    {
        public override Starter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()) ?? throw new JsonException("A starter is a non-empty text.");

        public override void Write(Utf8JsonWriter writer, Starter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
