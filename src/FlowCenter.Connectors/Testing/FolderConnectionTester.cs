using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries a folder connection: the folder exists and a file can be written and removed there.</summary>
public sealed class FolderConnectionTester(IIdGenerator ids) : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Folder;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var path = JsonValues.ToText(connection.Settings["path"]);
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
        {
            return new ConnectionTestResult(false, $"The folder '{path}' does not exist.");
        }

        var probe = Path.Combine(path, $".flowcenter-test-{ids.NewId()}");
        try
        {
            await File.WriteAllTextAsync(probe, "test", cancellationToken);
            File.Delete(probe);
            return new ConnectionTestResult(true, $"'{path}' can be read and written.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ConnectionTestResult(false, $"'{path}' cannot be written: {ex.Message}");
        }
    }
}
