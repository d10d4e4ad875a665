using FlowCenter.Engine.Json;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Tests.Validation;

/// <summary>Cron schedules and time zones are checked as the scheduler (Cronos, Hangfire's parser) reads them.</summary>
public sealed class CronSyntaxTests
{
    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 9-17 * * MON-FRI")]
    [InlineData("0 0 1 JAN,JUL *")]
    [InlineData("0 0 L * *")]
    [InlineData("30 0 2 * * *")]
    public void Check_AcceptsWhatTheSchedulerRuns(string cron) => Assert.Null(CronSyntax.Check(cron));

    [Theory]
    [InlineData("61 * * * *", "minute")]
    [InlineData("0 25 * * *", "hour")]
    [InlineData("0 0 32 * *", "day of month")]
    [InlineData("0 0 * 13 *", "month")]
    [InlineData("0 0 * * 9", "day of week")]
    [InlineData("0 0 * * FRIDAY", "day of week")]
    [InlineData("60 0 2 * * *", "second")]
    public void Check_NamesTheFieldTheSchedulerRefuses(string cron, string field) =>
        Assert.StartsWith($"cron field {field} ", CronSyntax.Check(cron), StringComparison.Ordinal);

    [Fact]
    public void Check_CountsTheFields() => Assert.Contains("has 3", CronSyntax.Check("0 2 *"), StringComparison.Ordinal);

    [Fact]
    public void CronTrigger_InAnUnknownTimeZone_IsAProblemOfThatSetting()
    {
        using var harness = new EngineHarness();
        var definition = new WorkflowBuilder()
            .Node("nightly", "Cron", ("cron", "0 2 * * *"), ("timeZone", "Mars/Olympus_Mons")).Node("end", "End").Chain("nightly", "end").Build();
        var known = new WorkflowBuilder()
            .Node("nightly", "Cron", ("cron", "0 2 * * *"), ("timeZone", "Asia/Shanghai")).Node("end", "End").Chain("nightly", "end").Build();

        var problem = Assert.Single(harness.Engine.Validator.Validate(definition), p => p.Severity == ProblemSeverity.Error);

        Assert.Equal((ProblemCodes.InvalidSetting, "nightly"), (problem.Code, problem.NodeId));
        Assert.Equal(["timeZone", "Mars/Olympus_Mons"], problem.Arguments);
        Assert.DoesNotContain(harness.Engine.Validator.Validate(known), p => p.Severity == ProblemSeverity.Error);
    }
}
