using FlowCenter.Studio.Processes;

namespace FlowCenter.Studio.Tests.Processes;

public sealed class LineDiffTests
{
    [Fact]
    public void Compare_ChangedLine_IsOneRemovedAndOneAddedAmongSameLines()
    {
        var diff = LineDiff.Compare("{\n  \"version\": 1,\n  \"name\": \"a\"\n}", "{\n  \"version\": 2,\n  \"name\": \"a\"\n}");

        Assert.Equal(
            [DiffKind.Same, DiffKind.Removed, DiffKind.Added, DiffKind.Same, DiffKind.Same],
            diff.Select(d => d.Kind));
        Assert.Equal("  \"version\": 2,", diff.Single(d => d.Kind == DiffKind.Added).Text);
    }

    [Fact]
    public void Compare_IdenticalTexts_AreAllSame()
    {
        Assert.All(LineDiff.Compare("a\nb", "a\nb"), d => Assert.Equal(DiffKind.Same, d.Kind));
    }

    [Fact]
    public void Compare_IndentationChange_IsAChange()
    {
        Assert.Equal([DiffKind.Removed, DiffKind.Added], LineDiff.Compare("  a", "    a").Select(d => d.Kind));
    }

    [Fact]
    public void Compare_LargeVersions_KeepsEveryLineOnce()
    {
        var before = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"line {i}"));
        var after = string.Join('\n', Enumerable.Range(0, 20_000).Select(i => i % 1000 == 0 ? $"changed {i}" : $"line {i}"));

        var diff = LineDiff.Compare(before, after);

        Assert.Equal((19_980, 20, 20), (diff.Count(d => d.Kind == DiffKind.Same), diff.Count(d => d.Kind == DiffKind.Removed), diff.Count(d => d.Kind == DiffKind.Added)));
    }
}
