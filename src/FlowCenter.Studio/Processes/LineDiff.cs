using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace FlowCenter.Studio.Processes;

/// <summary>A line-by-line diff of two definition versions (DiffPlex's Myers diff: linear memory, fast on large processes).</summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after) =>
        [.. InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(
                l.Type switch
                {
                    ChangeType.Deleted => DiffKind.Removed,
                    ChangeType.Inserted => DiffKind.Added,
                    _ => DiffKind.Same,
                },
                l.Text))];
}
