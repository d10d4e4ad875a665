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

    [Fact]
    public async Task Convert_ElsaToBpmnAndBack_WithoutAServer_ThenRunsTheResult()
    {
        var elsa = RepositoryPaths.Fixture("elsa", "loop-setvariable-javascript-decision-legacy.json");
        var folder = Path.Combine(Path.GetTempPath(), $"convert-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var bpmn = Path.Combine(folder, "loop.bpmn");
            var (code, text) = await RunAsync("convert", elsa, "--to", "bpmn", "--out", bpmn);
            Assert.Equal(0, code);
            Assert.Contains("(Elsa): 68e6bca3d86c4a5a8dfb825f1d5c0875: 5 imported, 2 changed, 0 not imported", text, StringComparison.Ordinal);
            Assert.Contains("getCounter() + 1 → Counter + 1", text, StringComparison.Ordinal);
            Assert.StartsWith("<?xml", await File.ReadAllTextAsync(bpmn), StringComparison.Ordinal);

            var json = Path.Combine(folder, "loop.json");
            (code, _) = await RunAsync("convert", bpmn, "--to", "json", "--out", json);
            Assert.Equal(0, code);
            (code, text) = await RunAsync("run", json);
            Assert.Equal(0, code);
            Assert.Contains("Completed", text, StringComparison.Ordinal);

            (code, text) = await RunAsync("convert", elsa, "--to", "visio");
            Assert.Equal(1, code);
            Assert.Contains("--to must be json, elsa or bpmn", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await new ConsoleApp(new StringReader(""), output, nonInteractive: true).RunAsync(args);
        return (code, output.ToString());
    }
}
