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
}
