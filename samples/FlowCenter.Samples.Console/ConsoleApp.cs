using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Hosting;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Validation;
using FlowCenter.Expressions;
using FlowCenter.Interop;

namespace FlowCenter.Samples.Console;

/// <summary>
/// Loads a definition from workflows/, runs it in memory, answers its waits from arguments or the terminal,
/// and prints the journal. Commands: run (default), validate, format, schema.
/// </summary>
internal sealed class ConsoleApp(TextReader input, TextWriter output, bool nonInteractive)
{
    private const string Usage = """
        FlowCenter console sample

          run [file.json] [--input name=value]... [--answer node=outcome]... [--event name:key=json]...
              Runs a definition (default: workflows/leave-request.json with a demo input).
              Waits are answered from --answer/--event, else asked on the terminal,
              else (input redirected) with the first outcome and an empty payload.
              Timers fast-forward.
          convert file --to json|elsa|bpmn [--out file]
                                  Converts a definition between FlowCenter JSON, Elsa 3 JSON and BPMN 2.0
                                  (the input's format told by its content) and prints the import report.
          validate file.json...   Lists every problem of the definitions.
          format file.json...     Rewrites the files in the canonical JSON form.
          schema                  Prints the JSON Schema of definitions.
        """;

    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _events = new(StringComparer.Ordinal);

    public async Task<int> RunAsync(string[] args)
    {
        try
        {
            var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].EndsWith(".json", StringComparison.Ordinal) && !args[0].EndsWith(".bpmn", StringComparison.Ordinal) ? args[0] : "run";
            var rest = command == "run" && (args.Length == 0 || args[0] != "run") ? args : args[1..];
            return command switch
            {
                "run" => await RunWorkflowAsync(rest),
                "validate" => Validate(rest),
                "convert" => ConvertFile(rest),
                "format" => Format(rest),
                "schema" => Print(WorkflowJson.GetSchema()),
                "help" or "--help" or "-h" => Print(Usage),
                _ => Print(Usage, 2),
            };
        }
        catch (Exception ex) when (ex is WorkflowFormatException or WorkflowValidationException or IOException or ArgumentException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
            await output.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
    }

    private int Print(string text, int code = 0)
    {
        output.Write(text);
        return code;
    }

    private async Task<int> RunWorkflowAsync(string[] args)
    {
        var folder = WorkflowFolder.Find();
        var file = args.FirstOrDefault(a => a.EndsWith(".json", StringComparison.Ordinal) || a.EndsWith(".bpmn", StringComparison.Ordinal) || a.EndsWith(".xml", StringComparison.Ordinal))
            ?? Path.Combine(folder ?? throw new ArgumentException("No workflows/ folder found; name a definition file."), "leave-request.json");
        var inputs = ParseOptions(args, "--input");
        foreach (var (key, value) in ParseOptions(args, "--answer"))
        {
            _answers[key] = value;
        }

        foreach (var (key, value) in ParseOptions(args, "--event"))
        {
            _events[key] = value;
        }

        if (args.Length == 0)
        {
            inputs = new() { ["requester"] = "li.lei", ["days"] = "5", ["reason"] = "family visit" };
        }

        var clock = new FastForwardClock();
        using var javaScript = new JintExpressionEvaluator(new JavaScriptOptions(), clock);
        var activities = ActivityRegistry.CreateDefault();
        using var host = new InMemoryWorkflowHost(new WorkflowEngine(activities, [javaScript], clock, new GuidIdGenerator()));
        var main = Load(file);
        // The others are there for sub-processes; those calling connectors need a server and are left out.
        foreach (var other in WorkflowFolder.DefinitionFiles(Path.GetDirectoryName(Path.GetFullPath(file))!).Where(f => Path.GetFullPath(f) != Path.GetFullPath(file))
            .Select(Load).Where(d => d.Nodes.All(n => activities.Find(n.Type) is not null)))
        {
            host.Register(other);
        }

        host.Register(main);
        await output.WriteLineAsync($"Running '{main.Name}' ({main.Id} v{main.Version}) from {file}");
        var instance = await host.StartAsync(main.Id, new StartOptions { Input = inputs.ToDictionary(i => i.Key, i => ParseValue(i.Value)) });
        await DriveAsync(host, clock, instance);
        await PrintJournalAsync(host, instance);
        return instance.Status == WorkflowStatus.Completed ? 0 : 3;
    }

    /// <summary>A definition file of any format the interop library reads (an Elsa or BPMN file runs as imported).</summary>
    private static WorkflowDefinition Load(string file) => DefinitionConverter.Import(File.ReadAllText(file), source: file).Definitions[0].Definition;

    /// <summary>Converts a file to another format without a server; the report goes to the terminal, the file to --out or the terminal.</summary>
    private int ConvertFile(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                file ??= args[i];
            }
        }

        if (file is null)
        {
            throw new ArgumentException("Name the file to convert: convert file --to json|elsa|bpmn.");
        }

        var to = options.GetValueOrDefault("--to") switch
        {
            "json" or "flowcenter" => DefinitionFormat.FlowCenter,
            "elsa" => DefinitionFormat.Elsa,
            "bpmn" => DefinitionFormat.Bpmn,
            var other => throw new ArgumentException($"--to must be json, elsa or bpmn, not '{other}'."),
        };
        var result = DefinitionConverter.Import(File.ReadAllText(file), source: file);
        var report = options.ContainsKey("--out") ? output : System.Console.Error;
        foreach (var imported in result.Definitions)
        {
            report.WriteLine($"{file} ({result.Format}): {imported.Definition.Id}: {imported.Count(ImportStatus.Imported)} imported, {imported.Count(ImportStatus.Changed)} changed, {imported.Count(ImportStatus.NotImported)} not imported");
            foreach (var note in imported.Notes.Where(n => n.Status != ImportStatus.Imported))
            {
                report.WriteLine("  " + note);
            }

            var text = DefinitionConverter.Export(imported.Definition, to);
            if (options.TryGetValue("--out", out var target))
            {
                var path = result.Definitions.Count == 1 ? target : Path.Combine(Path.GetDirectoryName(target) ?? "", DefinitionConverter.FileName(imported.Definition, to));
                File.WriteAllText(path, text);
                report.WriteLine($"  written to {path}");
            }
            else
            {
                output.Write(text);
            }
        }

        return 0;
    }

    /// <summary>Answers waits until the instance ends or nothing more can be answered.</summary>
    private async Task DriveAsync(InMemoryWorkflowHost host, FastForwardClock clock, WorkflowInstance instance)
    {
        while (!instance.IsFinished && instance.Status != WorkflowStatus.Suspended)
        {
            var waiting = host.Instances.Where(i => !i.IsFinished).SelectMany(i => i.Bookmarks.Select(b => (Instance: i, Bookmark: b))).ToList();
            var person = waiting.FirstOrDefault(w => w.Bookmark.Kind is BookmarkKind.UserTask or BookmarkKind.Event);
            if (person.Bookmark is not null)
            {
                await AnswerAsync(host, person.Instance, person.Bookmark);
                continue;
            }

            var next = waiting.Where(w => w.Bookmark.DueAt is not null).OrderBy(w => w.Bookmark.DueAt).FirstOrDefault();
            if (next.Bookmark is null)
            {
                await output.WriteLineAsync("Nothing left that this sample can answer.");
                return;
            }

            await output.WriteLineAsync($"  [clock] fast-forward to {next.Bookmark.DueAt:u} ({next.Bookmark.Kind} at '{next.Bookmark.NodeId}')");
            clock.JumpTo(next.Bookmark.DueAt!.Value);
            await host.FireDueTimersAsync();
        }

        foreach (var incident in host.Instances.SelectMany(i => i.Incidents).Where(i => i.IsOpen))
        {
            await output.WriteLineAsync($"  [incident] {incident.Message}");
        }
    }

    private async Task AnswerAsync(InMemoryWorkflowHost host, WorkflowInstance instance, Bookmark bookmark)
    {
        if (bookmark.Kind == BookmarkKind.UserTask)
        {
            var outcomes = bookmark.Data?["outcomes"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];
            var outcome = _answers.GetValueOrDefault(bookmark.NodeId) ?? await AskAsync($"Task '{bookmark.Name}' for {Describe(bookmark)}: answer [{string.Join("/", outcomes)}]", outcomes.FirstOrDefault() ?? "done");
            await output.WriteLineAsync($"  [task] '{bookmark.Name}' -> {outcome}");
            await host.ResumeAsync(instance.Id, bookmark.Id, new JsonObject { ["outcome"] = outcome, ["user"] = "console" });
            return;
        }

        var key = $"{bookmark.Name}:{bookmark.CorrelationKey}";
        var payload = _events.GetValueOrDefault(key) ?? _events.GetValueOrDefault(bookmark.Name ?? "") ?? await AskAsync($"Event '{bookmark.Name}' with key '{bookmark.CorrelationKey}': payload JSON", "{}");
        await output.WriteLineAsync($"  [event] {key} <- {payload}");
        await host.PublishEventAsync(bookmark.Name!, bookmark.CorrelationKey, JsonNode.Parse(payload));
    }

    private static string Describe(Bookmark bookmark)
    {
        var groups = bookmark.Data?["candidateGroups"]?.AsArray().Select(g => g?.ToString()).ToList() ?? [];
        var assignee = bookmark.Data?["assignee"]?.ToString();
        return assignee ?? (groups.Count > 0 ? "group " + string.Join(", ", groups) : "anyone");
    }

    private async Task<string> AskAsync(string question, string fallback)
    {
        if (nonInteractive)
        {
            return fallback;
        }

        await output.WriteAsync($"{question} ({fallback}): ");
        var line = await input.ReadLineAsync();
        return string.IsNullOrWhiteSpace(line) ? fallback : line.Trim();
    }

    private async Task PrintJournalAsync(InMemoryWorkflowHost host, WorkflowInstance instance)
    {
        await output.WriteLineAsync();
        foreach (var item in host.Instances.OrderBy(i => i.CreatedAt))
        {
            var role = item == instance ? "instance" : $"child of {item.ParentInstanceId?[^8..]}";
            await output.WriteLineAsync($"{item.DefinitionId} {item.Id[^8..]} ({role}): {item.Status}");
            await output.WriteLineAsync($"  {"#",3}  {"node",-12} {"activity",-11} {"status",-9} {"outcome",-16} {"duration",12}");
            foreach (var entry in item.Journal)
            {
                var duration = entry.Duration is { } d ? FormatDuration(d) : "-";
                await output.WriteLineAsync($"  {entry.Sequence,3}  {entry.NodeId,-12} {entry.ActivityType,-11} {entry.Status,-9} {entry.Outcome ?? entry.Error ?? "",-16} {duration,12}");
            }

            if (item.Output.Count > 0)
            {
                await output.WriteLineAsync($"  output: {string.Join(", ", item.Output.Select(o => $"{o.Key}={o.Value?.ToJsonString() ?? "null"}"))}");
            }
        }
    }

    private static string FormatDuration(TimeSpan d) =>
        d.TotalDays >= 1 ? $"{d.TotalDays:0.#} d" : d.TotalHours >= 1 ? $"{d.TotalHours:0.#} h" : d.TotalSeconds >= 1 ? $"{d.TotalSeconds:0.#} s" : $"{d.TotalMilliseconds:0.###} ms";

    private int Validate(string[] files)
    {
        using var javaScript = new JintExpressionEvaluator(new JavaScriptOptions(), TimeProvider.System);
        var validator = new WorkflowEngine(ActivityRegistry.CreateDefault(), [javaScript], TimeProvider.System, new GuidIdGenerator()).Validator;
        var errors = 0;
        foreach (var file in files)
        {
            var problems = validator.Validate(Load(file));
            output.WriteLine($"{file}: {(problems.Count == 0 ? "ok" : $"{problems.Count} problem(s)")}");
            foreach (var problem in problems)
            {
                output.WriteLine("  " + problem);
            }

            errors += problems.Count(p => p.Severity == ProblemSeverity.Error);
        }

        return errors == 0 ? 0 : 1;
    }

    private int Format(string[] files)
    {
        foreach (var file in files)
        {
            File.WriteAllText(file, WorkflowJson.Write(Load(file)));
            output.WriteLine($"formatted {file}");
        }

        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name && args[i + 1].Split('=', 2) is [var key, var value])
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
