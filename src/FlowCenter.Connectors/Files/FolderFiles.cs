using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Files;

/// <summary>Files inside a folder connection; a path that would leave the folder is refused.</summary>
public sealed class FolderFiles(IConnectionStore connections)
{
    public const long MaxFileBytes = 50 * 1024 * 1024;

    public async Task<string> PathAsync(string connection, string relative)
    {
        var folder = await connections.FindAsync(connection) ?? throw new ActivityException($"There is no connection '{connection}'.");
        if (folder.Kind != ConnectionKind.Folder || JsonValues.ToText(folder.Settings["path"]) is not { Length: > 0 } root)
        {
            throw new ActivityException($"Connection '{connection}' is not a folder connection with a path.");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            throw new ActivityException($"'{relative}' is outside the folder of connection '{connection}'.");
        }

        return full;
    }
}
