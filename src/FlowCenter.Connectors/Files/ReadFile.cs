using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Connectors.Files;

/// <summary>Reads a CSV, JSON, XML or text file from a folder connection into a variable (CSV as rows, XML as JSON).</summary>
[Activity("ReadFile", Category = "Connectors", DisplayName = "Read file", Description = "Reads a CSV, JSON, XML or text file from a folder connection into a variable.", Ports = [Ports.Done, ReadFile.Missing])]
public sealed class ReadFile(FolderFiles files) : IActivity
{
    public const string Missing = "missing";

    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A folder connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> FilePath = Inputs.String("path", "The file's path inside the folder; an expression can build it.", required: true);

    public static readonly ActivityInput<string?> Format = Inputs.String("format", "csv, json, xml or text.", defaultValue: "json", choices: FileFormats.All, literalOnly: true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "The variable that receives the content.", required: true);

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var relative = context.Get(FilePath)!;
        var path = await files.PathAsync(context.Get(Connection)!, relative);
        if (!File.Exists(path))
        {
            context.Complete(Missing);
            return;
        }

        if (new FileInfo(path).Length > FolderFiles.MaxFileBytes)
        {
            throw new ActivityException($"'{relative}' is larger than {FolderFiles.MaxFileBytes / 1024 / 1024} MiB.");
        }

        var content = FileFormats.Read(context.Get(Format) ?? "json", await File.ReadAllTextAsync(path), $"'{relative}'");
        context.SetVariable(context.Get(ResultVariable)!, content);
        context.Complete(Ports.Done);
    }
}
