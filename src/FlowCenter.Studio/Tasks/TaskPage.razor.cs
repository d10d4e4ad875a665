using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Tasks;

/// <summary>One task: its form, the decision buttons and the other actions, the diagram with the current step, the history.</summary>
public sealed partial class TaskPage
{
    private TaskDetails? _details;
    private WorkflowDefinition? _definition;
    private JsonObject _values = [];
    private IReadOnlyDictionary<string, JsonNode?> _variables = new Dictionary<string, JsonNode?>();
    private Dictionary<string, string> _names = [];
    private IReadOnlyList<Person> _people = [];
    private IReadOnlyList<string> _doneNodes = [];
    private IReadOnlyList<string> _currentNodes = [];
    private UserInfo _user = new("", "", []);
    private string? _comment;
    private string? _error;
    private string? _target;
    private TaskAction? _asking;
    private bool _busy;
    private bool _notFound;
    private IReadOnlyList<TaskAttachment> _attachments = [];

    [Parameter]
    public string ItemId { get; set; } = "";

    [Inject]
    private TaskService Tasks { get; set; } = null!;

    [Inject]
    private CaseReader Cases { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<FlowCenter.Runtime.RuntimeOptions> RuntimeOptions { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private Caller Caller => new(_user.Name, _user.Roles);

    private bool CanAct => _details is { Group.Status: TaskGroupStatus.Open, Item: { Status: TaskItemStatus.Open, Assignee: { } assignee } }
        && string.Equals(assignee, _user.Name, StringComparison.OrdinalIgnoreCase);

    private string ProcessName => _definition?.NameFor(System.Globalization.CultureInfo.CurrentUICulture) ?? _details?.Group.DefinitionId ?? "";

    private string StatusText => _details switch
    {
        { Group.Status: TaskGroupStatus.Decided } d => L["StepDecided", OutcomeText(d.Group.Outcome)],
        { Group.Status: TaskGroupStatus.Closed } => L["StepClosed"],
        { Item.Status: TaskItemStatus.Waiting } => L["ItemStatusWaiting"],
        { Item.Status: TaskItemStatus.Open } => L["ItemStatusOpen"],
        { } d => L["ItemStatus" + d.Item.Status],
        _ => "",
    };

    private Color StatusColor => _details?.Group.Outcome switch
    {
        TaskOutcomes.Approve => Color.Success,
        TaskOutcomes.Reject => Color.Error,
        _ => Color.Info,
    };

    protected override async Task OnParametersSetAsync()
    {
        _user = await CurrentUser.GetAsync();
        _people = await Directory.ListUsersAsync();
        await LoadAsync();
    }

    /// <summary>A form with fields side by side (documents to compare) takes the page's whole width.</summary>
    private bool WideForm => _details?.Group.Spec.Form is { } form
        && FormRules.FieldsOf(form).Any(f => f["width"]?.GetValue<string>() is "half" or "third" or "quarter");

    private async Task LoadAsync()
    {
        _details = await Cases.GetTaskAsync(ItemId, Caller);
        _notFound = _details is null;
        if (_details is null)
        {
            return;
        }

        _definition = await Definitions.ReadAsync(_details.Group.DefinitionId, _details.Group.DefinitionVersion);
        _names = DisplayNames.ByUserName(_people).WithEvents(_definition is null ? [] : [_definition]);
        var instance = await Cases.GetInstanceAsync(_details.Group.InstanceId, Caller);
        _variables = instance is null ? new Dictionary<string, JsonNode?>() : instance.Variables.Concat(instance.Input.Where(i => !instance.Variables.ContainsKey(i.Key))).ToDictionary(p => p.Key, p => p.Value);
        _values = [];
        foreach (var field in FormRules.FieldsOf(_details.Group.Spec.Form))
        {
            var name = field["name"]?.GetValue<string>() ?? "";
            _values[name] = _variables.GetValueOrDefault(name)?.DeepClone();
        }

        _attachments = await Cases.AttachmentsAsync(_details.Group.InstanceId, Caller);
        _doneNodes = instance?.Journal.Where(j => j.Status == JournalStatus.Completed).Select(j => j.NodeId).Distinct().ToList() ?? [];
        _currentNodes = instance?.Bookmarks.Where(b => b.Kind == BookmarkKind.UserTask).Select(b => b.NodeId).Distinct().ToList() ?? [];
    }

    private async Task DecideAsync(string outcome)
    {
        var editable = new JsonObject();
        foreach (var (name, value) in _values)
        {
            if (FormRules.AccessOf(_details!.Group.Spec.FieldAccess, name) == FormRules.Editable)
            {
                editable[name] = value?.DeepClone();
            }
        }

        // The service checks the same rules (and says them in English to the API); here they are said in the user's words.
        var spec = _details!.Group.Spec;
        var complete = outcome == TaskOutcomes.Approve || !spec.IsApproval;
        if (FormRules.Problems(spec.Form, spec.FieldAccess, editable, _variables, complete) is { Count: > 0 } problems)
        {
            _error = L["FormNotFilled", string.Join("; ", problems.Select(p => FormWords.Of(L, p)))];
            return;
        }

        await RunAsync(new TaskCommand(ItemId, _user.Name, TaskAction.Decide) { Outcome = outcome, Comment = _comment, Data = editable }, L["Decided", OutcomeText(outcome)], leave: true);
    }

    private Task CommentAsync() =>
        string.IsNullOrWhiteSpace(_comment)
            ? Task.FromResult(_error = L["CommentFirst"].Value)
            : RunAsync(new TaskCommand(ItemId, _user.Name, TaskAction.Comment) { Comment = _comment }, L["Commented"], leave: false);

    private Task SimpleAsync(TaskAction action) => RunAsync(new TaskCommand(ItemId, _user.Name, action), L["Action" + action], leave: action == TaskAction.Unclaim);

    private void Ask(TaskAction action)
    {
        (_asking, _target, _error) = (action, null, null);
    }

    private Task ConfirmAsync() =>
        RunAsync(new TaskCommand(ItemId, _user.Name, _asking!.Value) { Target = _target, Comment = _comment }, L["Action" + _asking], leave: _asking is TaskAction.Transfer or TaskAction.Delegate or TaskAction.Return);

    private async Task RunAsync(TaskCommand command, string done, bool leave)
    {
        _busy = true;
        _error = null;
        try
        {
            await Tasks.ActAsync(command);
            Snackbar.Add(done, Severity.Success);
            _asking = null;
            _comment = null;
            if (leave)
            {
                Navigation.NavigateTo("tasks");
                return;
            }
        }
        catch (TaskActionException ex)
        {
            _error = RefusalText.Of(L, ex);
            if (ex.AlreadyHandled)
            {
                Snackbar.Add(L["AlreadyHandled"], Severity.Info);
            }
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    private async Task AttachAsync(Microsoft.AspNetCore.Components.Forms.IBrowserFile? file)
    {
        if (file is not null && await AttachCoreAsync(file) is not null)
        {
            await LoadAsync();
        }
    }

    /// <summary>A file for an attachment field: attached to the case, its id kept in the field; the form keeps what was typed.</summary>
    private async Task<TaskAttachment?> UploadForFormAsync(Microsoft.AspNetCore.Components.Forms.IBrowserFile file)
    {
        var attachment = await AttachCoreAsync(file);
        _attachments = await Cases.AttachmentsAsync(_details!.Group.InstanceId, Caller);
        return attachment;
    }

    private async Task<TaskAttachment?> AttachCoreAsync(Microsoft.AspNetCore.Components.Forms.IBrowserFile file)
    {
        _error = null;
        try
        {
            if (file.Size > MaxAttachmentBytes)
            {
                throw new TaskActionException(L["AttachmentTooLarge", file.Name, MaxAttachmentBytes / 1024 / 1024]);
            }

            using var buffer = new MemoryStream();
            await file.OpenReadStream(MaxAttachmentBytes).CopyToAsync(buffer);
            var attachment = await Tasks.AttachAsync(ItemId, _user.Name, file.Name, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray());
            Snackbar.Add(L["Attached", file.Name], Severity.Success);
            return attachment;
        }
        catch (TaskActionException ex)
        {
            _error = RefusalText.Of(L, ex);
            return null;
        }
    }

    private static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MiB",
    };

    private long MaxAttachmentBytes => RuntimeOptions.Value.MaxAttachmentBytes;

    private Task<IEnumerable<string>> SearchUsers(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(_people.Where(p => p.Active && !string.Equals(p.UserName, _user.Name, StringComparison.OrdinalIgnoreCase) && (string.IsNullOrWhiteSpace(text)
            || p.UserName.Contains(text, StringComparison.OrdinalIgnoreCase) || p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase))).Select(p => p.UserName));

    private string UserLabel(string? userName) => userName is null ? "" : $"{Name(userName)} ({userName})";

    private string OutcomeText(string? outcome) => Outcomes.Text(L, outcome, _details?.Group.Spec.OutcomeLabels);

    /// <summary>A decision button's colour: approve green, reject red, a task's own outcomes primary.</summary>
    private static Color OutcomeColor(string? outcome) => Outcomes.Color(outcome) is var color && color == Color.Default ? Color.Primary : color;

    private string Name(string? user) => WhoText.Of(L, _names, user);

    private string NodeName(string nodeId) => _definition?.Nodes.Find(n => n.Id == nodeId)?.Label ?? nodeId;

}
