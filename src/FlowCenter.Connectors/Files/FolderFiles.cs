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

        RefuseLinks(rootFull, full, relative, connection);
        return full;
    }

    /// <summary>
    /// A symbolic link inside the folder could point anywhere on the machine, so no part of the path below the
    /// folder may be one (the folder itself may be a link its administrator chose).
    /// </summary>
    private static void RefuseLinks(string rootFull, string full, string relative, string connection)
    {
        var current = rootFull.TrimEnd(Path.DirectorySeparatorChar);
        foreach (var segment in full[rootFull.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is { } target)
            {
                throw new ActivityException($"'{relative}' passes through a symbolic link ('{segment}' points to '{target}'); a folder connection does not follow links out of '{connection}'.");
            }

            if (!info.Exists && info is FileInfo { LinkTarget: { } dangling })
            {
                throw new ActivityException($"'{relative}' is a symbolic link to '{dangling}'; a folder connection does not follow links out of '{connection}'.");
            }
        }
    }
}
