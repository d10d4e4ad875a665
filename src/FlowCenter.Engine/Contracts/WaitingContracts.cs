using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Contracts;

/// <summary>What an <see cref="BookmarkKind.EventListener"/> bookmark carries: the port the event leaves by.</summary>
public sealed record EventListenerPayload
{
    public string Port { get; init; } = "";

    public static EventListenerPayload Of(Bookmark bookmark) => ContractJson.Read<EventListenerPayload>(bookmark.Data);
}

/// <summary>What a <see cref="BookmarkKind.Reminder"/> bookmark carries: how many reminders went out before it.</summary>
public sealed record ReminderPayload
{
    public int Count { get; init; }

    public static ReminderPayload Of(Bookmark bookmark) => ContractJson.Read<ReminderPayload>(bookmark.Data);
}
