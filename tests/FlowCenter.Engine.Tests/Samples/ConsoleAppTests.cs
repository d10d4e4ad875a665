using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Samples.Console;

namespace FlowCenter.Engine.Tests.Samples;

public sealed class ConsoleAppTests
{
    [Fact]
    public async Task Run_NoArguments_RunsTheLeaveRequestAndPrintsItsJournal()
    {
        var (code, text) = await RunAsync();

        Assert.Equal(0, code);
        Assert.Contains("leave-request", text, StringComparison.Ordinal);
        Assert.Contains("manager      UserTask    Completed approve", text, StringComparison.Ordinal);
        Assert.Contains("output: approved=true", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAnswersAndEvents_FollowsThem()
    {
        var (code, text) = await RunAsync(
            Path.Combine(RepositoryPaths.Workflows, "sales-order.json"),
            "--input", "orderNo=SO-7", "--input", "amount=100", "--input", """customer={"id":"C","creditLimit":1000,"openAmount":0}""",
            "--event", """mes.produced={"qty":3}""");

        Assert.Equal(0, code);
        Assert.Contains("[event] mes.produced:SO-7 <- {\"qty\":3}", text, StringComparison.Ordinal);
        Assert.Contains("credit-check", text, StringComparison.Ordinal);
        Assert.Contains("output: credit=\"ok\", produced={\"qty\":3}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFile_ListsProblemsAndFails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"schemaVersion":1,"id":"b","name":"b","nodes":[{"id":"s","type":"Start"},{"id":"x","type":"Nope"}],"connections":[{"id":"c1","source":"s","target":"x"}]}""");
        try
        {
            var (code, text) = await RunAsync("validate", file);

            Assert.Equal(1, code);
            Assert.Contains("UnknownActivity: node 'x'", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await new ConsoleApp(new StringReader(""), output, nonInteractive: true).RunAsync(args);
        return (code, output.ToString());
    }
}
