using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Requests;

/// <summary>
/// A person starting a process (New request in the Studio, <c>POST /api/instances</c>): the same rules both ways.
/// Every value within <see cref="JsonLimits"/>; where the Start node has a form, only its fields, each of its
/// type and keeping its rules (required, range, pattern, options); an input named <c>requester</c> is the
/// signed-in person whatever was sent; a version that is not published only for designers (the runtime checks);
/// only the people the definition names may start it, and a sub-process only inside another process.
/// </summary>
public sealed class RequestService(WorkflowCache workflows, IWorkflowRuntime runtime, Organization.IDirectory directory, TimeProvider clock, Audit.AuditTrail audit)
{
    /// <summary>The input that names who asked: always the signed-in person.</summary>
    public const string Requester = "requester";

    /// <summary>The Start node's designed form, or null when it has none.</summary>
    public static JsonObject? StartFormOf(WorkflowDefinition definition) =>
        definition.Nodes.Find(n => n.Type == "Start")?.Inputs.GetValueOrDefault("form")?.Literal as JsonObject;

    /// <summary>The form a person fills in: the designed one, else a field per declared input (the requester aside).</summary>
    public static JsonObject FormFor(WorkflowDefinition definition) => StartFormOf(definition) ?? new JsonObject
    {
        ["fields"] = new JsonArray([.. definition.Inputs.Where(i => i.Name != Requester).Select(i => new JsonObject
        {
            ["name"] = i.Name,
            ["label"] = i.Description ?? i.Name,
            ["type"] = i.Type switch { DataType.Number or DataType.Integer => "number", DataType.DateTime => "date", _ => "text" },
            ["required"] = i.Required,
        })]),
    };

    /// <summary>What is wrong with these values for the definition's start form; empty when nothing is.</summary>
    public static IReadOnlyList<string> Check(WorkflowDefinition definition, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var problems = values.Select(v => JsonLimits.Check(v.Value, $"input '{v.Key}'")).OfType<string>().ToList();
        if (StartFormOf(definition) is { } form)
        {
            var submitted = new JsonObject();
            foreach (var (name, value) in values.Where(v => v.Key != Requester))
            {
                submitted[name] = value?.DeepClone();
            }

            problems.AddRange(FormRules.Check(form, null, submitted, new Dictionary<string, JsonNode?>()));
        }

        return problems;
    }

    /// <summary>
    /// Those of <paramref name="definitions"/> that <paramref name="caller"/> may start by hand (New request's
    /// offer): each has a Start node, is not a sub-process only, and its <see cref="WorkflowSettings.StartableBy"/>
    /// names everyone, one of the caller's roles, the caller, or the caller's department or one above it.
    /// Administrators may start every such process. The caller's departments are read once, when needed.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> StartableAsync(IEnumerable<WorkflowDefinition> definitions, Caller caller, CancellationToken cancellationToken = default)
    {
        var departments = new Lazy<Task<IReadOnlyList<string>>>(() => DepartmentsOfAsync(caller, cancellationToken));
        var startable = new List<WorkflowDefinition>();
        foreach (var definition in definitions)
        {
            if (await WhyNotAsync(definition, caller, departments) is null)
            {
                startable.Add(definition);
            }
        }

        return startable;
    }

    /// <summary>The caller's department and every one above it.</summary>
    private async Task<IReadOnlyList<string>> DepartmentsOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(caller.UserName, cancellationToken) is not { DepartmentId: { } department })
        {
            return [];
        }

        var parents = (await directory.ListDepartmentsAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.ParentId, StringComparer.Ordinal);
        var chain = new List<string>();
        for (string? at = department; at is not null && !chain.Contains(at, StringComparer.Ordinal); at = parents.GetValueOrDefault(at))
        {
            chain.Add(at);
        }

        return chain;
    }

    private static async Task<string?> WhyNotAsync(WorkflowDefinition definition, Caller caller, Lazy<Task<IReadOnlyList<string>>> departments)
    {
        var name = definition.Name is { Length: > 0 } n ? n : definition.Id;
        if (definition.Settings.SubProcessOnly)
        {
            return $"'{name}' runs only as a step of another process; it cannot be started by itself.";
        }

        if (!definition.Nodes.Exists(n => n.Type == "Start"))
        {
            return $"'{name}' is started by other systems (its triggers), not by a person.";
        }

        var rights = definition.Settings.StartableBy;
        if (rights is null || rights.IsEveryone || caller.IsAdministrator
            || rights.Users.Contains(caller.UserName, StringComparer.OrdinalIgnoreCase) || rights.Roles.Exists(caller.HasRole))
        {
            return null;
        }

        if (rights.Departments.Count > 0 && (await departments.Value).Any(d => rights.Departments.Contains(d, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        var who = rights.Roles.Select(r => $"role {r}").Concat(rights.Departments.Select(d => $"department {d}")).Concat(rights.Users);
        return $"'{name}' may be started only by: {string.Join(", ", who)}.";
    }

    /// <summary>Starts the process for <paramref name="caller"/>; bad values start nothing and name every problem.</summary>
    public async Task<WorkflowInstance> SubmitAsync(string definitionId, IReadOnlyDictionary<string, JsonNode?>? values, Caller caller, int? version = null, string? businessKey = null, CancellationToken cancellationToken = default)
    {
        var definition = (version is int v ? await workflows.GetAsync(definitionId, v, cancellationToken) : await workflows.GetCurrentAsync(definitionId, cancellationToken)).Definition;
        if (await WhyNotAsync(definition, caller, new Lazy<Task<IReadOnlyList<string>>>(() => DepartmentsOfAsync(caller, cancellationToken))) is { } refused)
        {
            throw new StartRefusedException(refused);
        }

        var input = (values ?? new Dictionary<string, JsonNode?>()).ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        if (Check(definition, input) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The start form of '{definition.Name ?? definitionId}' is not filled in as it must be: {string.Join("; ", problems)}.");
        }

        if (definition.Inputs.Exists(i => i.Name == Requester))
        {
            input[Requester] = JsonValue.Create(caller.UserName);
        }

        var instance = await runtime.StartAsync(new StartRequest(definitionId)
        {
            Version = version,
            Input = input,
            BusinessKey = businessKey is { Length: > 0 } ? businessKey : NewBusinessKey(definitionId),
            StartedBy = Instances.Starter.Person(caller.UserName),
            Caller = caller,
        }, cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.InstanceStarted, $"instance:{instance.Id}", $"{definitionId} v{instance.DefinitionVersion}, {instance.BusinessKey}", cancellationToken);
        return instance;
    }

    /// <summary>A readable key: the process's initials, the date and a number, e.g. PR-20261123-4821.</summary>
    private string NewBusinessKey(string definitionId)
    {
        var initials = string.Concat(definitionId.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0])));
        return $"{initials}-{clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Random.Shared.Next(1000, 9999)}";
    }
}
