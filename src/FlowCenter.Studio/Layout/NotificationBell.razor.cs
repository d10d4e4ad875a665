using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Layout;

/// <summary>The app bar's bell: unread count, the latest notifications; it rings as soon as news arrives on this node.</summary>
public sealed partial class NotificationBell : IDisposable
{
    private IReadOnlyList<InboxNotification> _items = [];
    private int _unread;
    private string _user = "";
    private Timer? _refresh;

    [Inject]
    private INotificationStore Store { get; set; } = null!;

    [Inject]
    private NotificationSignal Signal { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await CurrentUser.GetAsync()).Name;
        Signal.Changed += OnChanged;
        // Another node's news arrives by this refresh.
        _refresh = new Timer(_ => _ = InvokeAsync(ReloadAsync), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await LoadAsync();
    }

    private void OnChanged(IReadOnlyCollection<string> users)
    {
        if (users.Contains(_user, StringComparer.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(ReloadAsync);
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        if (_user.Length == 0)
        {
            return;
        }

        _items = await Store.ListAsync(_user, 10);
        _unread = await Store.UnreadCountAsync(_user);
    }

    private async Task OnOpenAsync(bool open)
    {
        if (!open && _unread > 0)
        {
            await Store.MarkAllReadAsync(_user, Clock.GetUtcNow());
            await LoadAsync();
        }
    }

    private static string Link(InboxNotification n) =>
        n.ItemId is { } item && n.Kind is not (TaskNotificationKind.Copied or TaskNotificationKind.Decided) ? $"tasks/{item}" : $"requests/{n.InstanceId}";

    public void Dispose()
    {
        Signal.Changed -= OnChanged;
        _refresh?.Dispose();
    }
}
