using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Admin;

/// <summary>The registry of named connections: settings by kind, secrets that are written but never shown again, allowed hosts, a test.</summary>
public sealed partial class ConnectionsPage
{
    private IReadOnlyList<Connection> _connections = [];
    private ConnectionForm? _form;
    private bool _isNew;
    private bool _testing;
    private ConnectionTestResult? _test;
    private string? _error;

    [Inject]
    private ConnectionRegistry Store { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private string KindText(ConnectionKind kind) => L["ConnectionKind_" + kind];

    protected override async Task OnInitializedAsync() => _connections = await Store.ListAsync();

    private void New() => (_form, _isNew, _test, _error) = (new ConnectionForm(), true, null, null);

    private void Edit(Connection connection) => (_form, _isNew, _test, _error) = (ConnectionForm.From(connection), false, null, null);

    private static bool Shown(ConnectionForm form, ConnectionField field) =>
        field.ShownWhen is not { } condition || condition.Split('=') is [var name, var value] && form.Settings.GetValueOrDefault(name) == value;

    private static string? Address(Connection c) =>
        JsonValues.ToText(c.Settings["baseUrl"]) ?? JsonValues.ToText(c.Settings["endpoint"]) ?? JsonValues.ToText(c.Settings["host"]) ?? JsonValues.ToText(c.Settings["path"]);

    private async Task SaveAsync()
    {
        _error = null;
        try
        {
            await Store.SaveAsync(_form!.ToConnection());
            Snackbar.Add(L["SavedChanges"], Severity.Success);
            _form = null;
            _connections = await Store.ListAsync();
        }
        catch (ConnectionException ex)
        {
            _error = ex.Message;
        }
    }

    /// <summary>Tries the connection as entered: secrets typed now, else those saved.</summary>
    private async Task TestAsync()
    {
        _testing = true;
        try
        {
            var typed = _form!.ToConnection();
            _test = await Store.TestAsync(typed, _isNew) ?? new ConnectionTestResult(false, L["NoTestForKind", typed.Kind]);
        }
        finally
        {
            _testing = false;
        }
    }

    private async Task DeleteAsync(Connection connection)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["DeleteConnection", connection.Name], yesText: L["Delete"], cancelText: L["Cancel"]) == true)
        {
            await Store.DeleteAsync(connection.Name);
            _connections = await Store.ListAsync();
        }
    }
}
