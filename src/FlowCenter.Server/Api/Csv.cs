using FlowCenter.Connectors.Files;

namespace FlowCenter.Server.Api;

/// <summary>CSV for the exports (audit log, instances): one rule for quoting and for never writing a formula.</summary>
internal static class Csv
{
    /// <summary>A cell: quoted when it must be, and never a formula for a spreadsheet.</summary>
    public static string Cell(string? value)
    {
        var safe = FileFormats.Neutralised(value ?? "");
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
