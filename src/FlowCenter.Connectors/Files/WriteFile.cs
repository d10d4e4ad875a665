using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Connectors.Files;

/// <summary>Writes a value as a CSV, JSON, XML or text file into a folder connection; written whole or not at all.</summary>
[Activity("WriteFile", Category = "Connectors", DisplayName = "Write file", Description = "Writes a value as a CSV, JSON, XML or text file into a folder connection.")]
public sealed class WriteFile(FolderFiles files) : IActivity
{
    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A folder connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> FilePath = Inputs.String("path", "The file's path inside the folder; an expression can build it.", required: true);

    public static readonly ActivityInput<string?> Format = Inputs.String("format", "csv (a list of objects), json, xml or text.", defaultValue: "json", choices: FileFormats.All, literalOnly: true);

    public static readonly ActivityInput<JsonNode?> Value = Inputs.Any("value", "What to write.", required: true);

    public static readonly ActivityInput<string?> RootElement = Inputs.String("rootElement", "For XML: the root element's name.");

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var path = await files.PathAsync(context.Get(Connection)!, context.Get(FilePath)!);
        var text = FileFormats.Write(context.Get(Format) ?? "json", context.Get(Value), context.Get(RootElement) ?? "");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and moved into place, so that a reader never sees half a file.
        var temporary = path + ".writing";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, path, overwrite: true);
        context.Complete(Ports.Done);
    }
}
