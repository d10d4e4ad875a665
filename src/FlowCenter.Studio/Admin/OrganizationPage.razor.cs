using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Position = FlowCenter.Runtime.Organization.Position;

namespace FlowCenter.Studio.Admin;

/// <summary>The organisation for administrators: users (with roles, manager, password), the department tree, positions, imports.</summary>
public sealed partial class OrganizationPage
{
    private IReadOnlyList<Person> _users = [];
    private IReadOnlyList<Department> _departments = [];
    private IReadOnlyList<Position> _positions = [];
    private List<string> _roles = [];
    private UserForm? _user;
    private bool _userIsNew;
    private IReadOnlyList<string> _importLosses = [];
    private string? _password;
    private string? _newRole;
    private string? _userSearch;
    private DepartmentForm _department = new();
    private PositionForm _position = new();
    private OrganizationSnapshot? _import;
    private IReadOnlyList<string> _importProblems = [];
    private string? _importPassword;
    private string? _error;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private IOrganizationAdmin Admin { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private IEnumerable<Person> VisibleUsers => _users.Where(u => string.IsNullOrWhiteSpace(_userSearch)
        || u.UserName.Contains(_userSearch, StringComparison.OrdinalIgnoreCase) || u.DisplayName.Contains(_userSearch, StringComparison.OrdinalIgnoreCase));

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _users = await Directory.ListUsersAsync();
        _departments = await Directory.ListDepartmentsAsync();
        _positions = await Directory.ListPositionsAsync();
        _roles = [.. await Directory.ListRolesAsync()];
    }

    private void NewUser() => (_user, _userIsNew, _password) = (new UserForm(), true, null);

    private void EditUser(Person person) => (_user, _userIsNew, _password) = (new UserForm(person), false, null);

    private void AddRole()
    {
        if (_newRole is { Length: > 0 } role && _user is not null)
        {
            _roles = [.. _roles.Append(role.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
            _user.Roles = [.. _user.Roles.Append(role.Trim())];
            _newRole = null;
        }
    }

    private Task SaveUserAsync() => RunAsync(async () =>
    {
        await Admin.SaveUserAsync(_user!.ToPerson(), string.IsNullOrEmpty(_password) ? null : _password);
        _user = null;
    });

    private Task SaveDepartmentAsync() => RunAsync(async () =>
    {
        await Admin.SaveDepartmentAsync(_department.ToDepartment());
        _department = new DepartmentForm();
    });

    private Task SavePositionAsync() => RunAsync(async () =>
    {
        await Admin.SavePositionAsync(_position.ToPosition());
        _position = new PositionForm();
    });

    private Task DeleteUserAsync(Person person) => DeleteAsync(L["DeleteUser", person.UserName], () => Admin.DeleteUserAsync(person.UserName));

    private Task DeleteDepartmentAsync(Department department) => DeleteAsync(L["DeleteDepartment", department.Name], () => Admin.DeleteDepartmentAsync(department.Id));

    private Task DeletePositionAsync(Position position) => DeleteAsync(L["DeletePosition", position.Name], () => Admin.DeletePositionAsync(position.Id));

    private async Task DeleteAsync(string question, Func<Task> delete)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], question, yesText: L["Delete"], cancelText: L["Cancel"]) == true)
        {
            await RunAsync(delete);
        }
    }

    private async Task ReadFileAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _error = null;
        try
        {
            if (file.Size > OrganizationFile.MaxBytes)
            {
                throw new OrganizationException($"{file.Name} is {file.Size / 1024} KiB; the limit is {OrganizationFile.MaxBytes / (1024 * 1024)} MiB.");
            }

            using var reader = new StreamReader(file.OpenReadStream(OrganizationFile.MaxBytes));
            _import = OrganizationFile.Parse(file.Name, await reader.ReadToEndAsync());
            var existing = new OrganizationSnapshot { Departments = [.. _departments], Positions = [.. _positions], Users = [.. _users] };
            _importProblems = OrganizationRules.Check(existing, _import);
            _importLosses = OrganizationRules.Losses(existing, _import);
        }
        catch (OrganizationException ex)
        {
            (_import, _error) = (null, ex.Message);
        }
    }

    private Task ImportAsync() => RunAsync(async () =>
    {
        var summary = await Admin.ImportAsync(_import!, _importPassword);
        Snackbar.Add(L["ImportedOrganization", summary.Departments, summary.Positions, summary.UsersAdded, summary.UsersUpdated], Severity.Success);
        _import = null;
    });

    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
            Snackbar.Add(L["SavedChanges"], Severity.Success);
        }
        catch (OrganizationException ex)
        {
            _error = ex.Message;
        }

        await ReloadAsync();
    }

    /// <summary>The departments depth-first from the roots, each with its depth.</summary>
    private IEnumerable<(Department Department, int Depth)> Tree()
    {
        var children = _departments.ToLookup(d => d.ParentId ?? "");
        var known = _departments.Select(d => d.Id).ToHashSet();
        IEnumerable<(Department, int)> Walk(string parent, int depth) =>
            children[parent].SelectMany(d => new[] { (d, depth) }.Concat(Walk(d.Id, depth + 1)));
        return Walk("", 0).Concat(_departments.Where(d => d.ParentId is { } p && !known.Contains(p)).Select(d => (d, 0)));
    }

    /// <summary>FlowCenter's own roles in the UI's language; the organisation's roles (Finance, HR...) are names and stay.</summary>
    private string RoleText(string? role) => role is not null && L["Role_" + role] is { ResourceNotFound: false } text ? text.Value : role ?? "";

    private Named RoleList(IEnumerable<string> roles)
    {
        var list = roles.ToList();
        return new Named(string.Join(", ", list.Select((r, i) => L["Role_" + r] is { ResourceNotFound: false } text ? text.Value.Replace("{", "{{", StringComparison.Ordinal) : $"{{{i}}}")), list);
    }

    private string DepartmentName(string? id) => id is null ? "" : _departments.FirstOrDefault(d => d.Id == id)?.Name ?? id;

    private string PositionName(string? id) => id is null ? "" : _positions.FirstOrDefault(p => p.Id == id)?.Name ?? id;
}
