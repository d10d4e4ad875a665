using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Layout;

/// <summary>
/// The app bar's bell: how many notifications ask for something (unread, and not about a task already handled), the
/// latest ten; one opens its task or request and is marked read; all can be marked read or cleared. It rings as
/// soon as news arrives on this node, on every page change, and every 30 s for news from another node.
/// </summary>
public sealed partial class NotificationBell : IDisposable
{
    private IReadOnlyList<InboxNotification> _items = [];
    private int _unread;
    private string _user = "";
    private Timer? _refresh;
    private MudBlazor.MudMenu? _menu;

    [Inject]
    private NotificationInbox Inbox { get; set; } = null!;

    [Inject]
    private NotificationSignal Signal { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _user = (await CurrentUser.GetAsync()).Name;
        Signal.Changed += OnChanged;
        Navigation.LocationChanged += OnLocationChanged;
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

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) => _ = InvokeAsync(ReloadAsync);

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

        _items = await Inbox.ListAsync(_user, 10);
        _unread = await Inbox.UnreadCountAsync(_user);
    }

    // The list is read afresh when the bell opens, so it never shows what another tab already cleared.
    private async Task OnOpenChangedAsync(bool open)
    {
        if (open)
        {
            await LoadAsync();
        }
    }

    private Task OpenMenuAsync(Microsoft.AspNetCore.Components.Web.MouseEventArgs e) => _menu?.OpenMenuAsync(e) ?? Task.CompletedTask;

    private async Task OnKeyDownAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.Key == "Escape" && _menu is not null)
        {
            await _menu.CloseMenuAsync();
        }
    }

    private async Task OpenAsync(InboxNotification item)
    {
        if (item.ReadAt is null)
        {
            await Inbox.MarkReadAsync(_user, item.Id);
        }

        Navigation.NavigateTo(NotificationText.PathOf(item.Kind, item.ItemId, item.InstanceId));
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_user);
        await LoadAsync();
    }

    private async Task ClearAsync()
    {
        await Inbox.ClearAsync(_user);
        await LoadAsync();
    }

    private string Headline(InboxNotification n) =>
        n.Kind == TaskNotificationKind.Decided && n.Detail is { Length: > 0 } outcome
            ? $"{L["Notify" + n.Kind]} ({outcome}) · {n.Title}"
            : $"{L["Notify" + n.Kind]} · {n.Title}";

    public void Dispose()
    {
        Signal.Changed -= OnChanged;
        Navigation.LocationChanged -= OnLocationChanged;
        _refresh?.Dispose();
    }
}
