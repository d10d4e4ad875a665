using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Connections;
using FlowCenter.Connectors.Tests.TestSupport;

namespace FlowCenter.Connectors.Tests.Files;

/// <summary>Reading, writing and converting CSV, JSON and XML in a real folder.</summary>
public sealed class FileActivityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-files-").FullName;
    private readonly ConnectorHost _connector = new();

    public FileActivityTests()
    {
        _connector.Connections.SaveAsync(new Connection("drop", ConnectionKind.Folder) { Settings = new JsonObject { ["path"] = _folder } });
    }

    public void Dispose()
    {
        _connector.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Csv_ReadThenWrittenBack_KeepsQuotedCommasQuotesAndChinese()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "in.csv"), "sku,name,qty\nB-6204,\"轴承, 深沟球\",100\nX-1,\"Say \"\"hi\"\"\",2\n");

        var instance = await RunAsync(b => b
            .Node("read", "ReadFile", ("connection", "drop"), ("path", "in.csv"), ("format", "csv"), ("resultVariable", "rows"))
            .Node("write", "WriteFile", ("connection", "drop"), ("path", "out/copy.csv"), ("format", "csv"), ("value", new Js("rows"))),
            "read", "write");

        Assert.Equal("轴承, 深沟球", instance.Variables["rows"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Say \"hi\"", instance.Variables["rows"]![1]!["name"]!.GetValue<string>());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_folder, "in.csv")), (await File.ReadAllTextAsync(Path.Combine(_folder, "out", "copy.csv"))).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Xml_ReadAsJson_AndJsonWrittenAsXml()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "invoice.xml"), "<invoice no=\"INV-7\"><line><sku>A</sku><qty>2</qty></line><line><sku>B</sku><qty>3</qty></line><total>50.5</total></invoice>");

        var instance = await RunAsync(b => b
            .Node("read", "ReadFile", ("connection", "drop"), ("path", "invoice.xml"), ("format", "xml"), ("resultVariable", "invoice"))
            .Node("write", "WriteFile", ("connection", "drop"), ("path", "order.xml"), ("format", "xml"), ("rootElement", "order"), ("value", new Js("({ '@no': 'PO-1', line: invoice.invoice.line })"))),
            "read", "write");

        var invoice = instance.Variables["invoice"]!["invoice"]!;
        Assert.Equal("INV-7", invoice["@no"]!.GetValue<string>());
        Assert.Equal("3", invoice["line"]![1]!["qty"]!.GetValue<string>());
        Assert.Equal("<order no=\"PO-1\">\n  <line>\n    <sku>A</sku>\n    <qty>2</qty>\n  </line>\n  <line>\n    <sku>B</sku>\n    <qty>3</qty>\n  </line>\n</order>\n",
            (await File.ReadAllTextAsync(Path.Combine(_folder, "order.xml"))).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Convert_JsonToXmlAndBack_RoundTrips()
    {
        var instance = await RunAsync(b => b
            .Node("toXml", "ConvertFormat", ("from", "json"), ("to", "xml"), ("rootElement", "customer"), ("value", new Js("({ id: 'C1', name: '华东机械' })")), ("resultVariable", "xml"))
            .Node("toJson", "ConvertFormat", ("from", "xml"), ("to", "json"), ("value", new Js("xml")), ("resultVariable", "json")),
            "toXml", "toJson");

        Assert.Contains("<name>华东机械</name>", instance.Variables["xml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("C1", instance.Variables["json"]!["customer"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("../escape.json", "outside the folder")]
    [InlineData("bad.json", "'bad.json' is not valid JSON")]
    [InlineData("bad.csv", "'bad.csv' is not valid CSV")]
    public async Task Read_BadPathOrContent_FailsTheNodeSayingWhat(string path, string expected)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.json"), "{ \"a\": ");
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.csv"), "a,b\n1,\"never closed\n");

        var instance = await RunAsync(b => b.Node("read", "ReadFile", ("connection", "drop"), ("path", path), ("format", path.EndsWith(".csv", StringComparison.Ordinal) ? "csv" : "json"), ("resultVariable", "x")), "read");

        Assert.Contains(expected, Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingFile_LeavesByMissing()
    {
        var instance = await RunAsync(b => b.Node("read", "ReadFile", ("connection", "drop"), ("path", "none.json"), ("resultVariable", "x")).Node("absent", "End").Connect("read", "absent", "missing"), "read");

        Assert.Contains("absent", instance.CompletedPath());
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public async Task Read_XmlNestedDeeperThanTheLimit_FailsTheNodeNamingTheLimit_WithoutStalling(int depth)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "deep.xml"), string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var instance = await RunAsync(b => b.Node("read", "ReadFile", ("connection", "drop"), ("path", "deep.xml"), ("format", "xml"), ("resultVariable", "x")), "read");

        Assert.Contains("nested deeper than 32 levels", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ReadAndWrite_ThroughASymbolicLinkOutOfTheFolder_AreRefused()
    {
        var outside = Directory.CreateTempSubdirectory("fc-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.json"), "{ \"secret\": 1 }");
            Directory.CreateSymbolicLink(Path.Combine(_folder, "escape"), outside);
            File.CreateSymbolicLink(Path.Combine(_folder, "secret.json"), Path.Combine(outside, "secret.json"));

            var read = await RunAsync(b => b.Node("read", "ReadFile", ("connection", "drop"), ("path", "escape/secret.json"), ("resultVariable", "x")), "read");
            var readFile = await RunAsync(b => b.Node("read", "ReadFile", ("connection", "drop"), ("path", "secret.json"), ("resultVariable", "x")), "read");
            var write = await RunAsync(b => b.Node("write", "WriteFile", ("connection", "drop"), ("path", "escape/planted.json"), ("value", new Js("({ a: 1 })"))), "write");

            Assert.Contains("symbolic link", Assert.Single(read.Incidents).Message, StringComparison.Ordinal);
            Assert.Contains("symbolic link", Assert.Single(readFile.Incidents).Message, StringComparison.Ordinal);
            Assert.Contains("symbolic link", Assert.Single(write.Incidents).Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outside, "planted.json")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task WriteCsv_CellsThatASpreadsheetWouldRun_AreNeutralised_NumbersStay()
    {
        var instance = await RunAsync(b => b.Node("write", "WriteFile", ("connection", "drop"), ("path", "report.csv"), ("format", "csv"),
            ("value", new Js("[{ name: '=HYPERLINK(\"http://x\")', note: '+1', at: '@SUM(A1)', dash: '-2', n: -5, plain: 'ok' }]"))), "write");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("name,note,at,dash,n,plain\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'@SUM(A1),'-2,-5,ok\n",
            (await File.ReadAllTextAsync(Path.Combine(_folder, "report.csv"))).ReplaceLineEndings("\n"));
    }

    private async Task<WorkflowInstance> RunAsync(Func<WorkflowBuilder, WorkflowBuilder> nodes, params string[] chain)
    {
        var id = "files-" + Guid.NewGuid().ToString("N")[..6];
        var builder = nodes(new WorkflowBuilder(id).Variable("rows").Variable("invoice").Variable("xml").Variable("json").Variable("x").Node("start", "Start").Node("end", "End"));
        _connector.Host.Register(builder.Chain(["start", .. chain, "end"]).Build());
        return await _connector.Host.StartAsync(id);
    }
}
