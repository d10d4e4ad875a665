using System.Text.Json.Nodes;
using Json.Schema;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;

namespace FlowCenter.Engine.Tests.Serialization;

public sealed class WorkflowJsonTests
{
    public static TheoryData<string> ShippedFiles() => [.. RepositoryPaths.WorkflowFiles.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ParseThenWrite_ShippedFile_KeepsTheSameBytes(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file));

        var written = WorkflowJson.Write(WorkflowJson.ParseDefinition(text, file));

        Assert.Equal(text, written);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedFile_MatchesTheCheckedInSchema(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file)));

        Assert.Empty(SchemaErrors(document));
    }

    [Fact]
    public void Schema_CheckedInFile_IsTheOneTheModelGenerates()
    {
        var checkedIn = File.ReadAllText(RepositoryPaths.SchemaFile);

        // If this fails after a model change: dotnet run --project samples/FlowCenter.Samples.Console -- schema > workflows/workflow.schema.json
        Assert.Equal(WorkflowJson.GetSchema(), checkedIn);
    }

    [Fact]
    public void Schema_RejectsADocumentWithAnUnknownProperty()
    {
        var document = JsonNode.Parse("""{"schemaVersion":1,"id":"x","name":"x","nodes":[{"id":"a","type":"Start","colour":"red"}]}""");

        var errors = SchemaErrors(document);

        Assert.Contains(errors, e => e.StartsWith("/nodes/0/colour:", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_NewDefinition_IsCamelCaseInDeclarationOrderWithoutEmptyParts()
    {
        var definition = new WorkflowBuilder("order").Node("start", "Start").Node("end", "End").Chain("start", "end").Build();

        var json = WorkflowJson.Write(definition);

        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"id\": \"order\",\n  \"name\": \"order\",\n  \"version\": 1,\n  \"nodes\": [", json, StringComparison.Ordinal);
        Assert.DoesNotContain("variables", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChineseText_StaysReadable()
    {
        var definition = new WorkflowDefinition { Id = "leave", Name = "请假申请" };

        Assert.Contains("\"请假申请\"", WorkflowJson.Write(definition), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"nodes\": [ {\"id\": \"a\", \"type\": \"Start\", \"colour\": 1} ]}", "colour", "line 1")]
    [InlineData("{\n  \"id\": \"x\",\n  \"nodes\": [\n    {\"id\": \"a\" \"type\": \"Start\"}\n  ]\n}", "line 4", "nodes")]
    [InlineData("{\"id\": \"x\", \"version\": \"one\"}", "version", "line 1")]
    [InlineData("{\"schemaVersion\": 9, \"id\": \"x\"}", "schemaVersion 9", "")]
    [InlineData("null", "empty", "")]
    public void ParseDefinition_BadInput_NamesWhatAndWhere(string json, string what, string where)
    {
        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowJson.ParseDefinition(json, "order.json"));

        Assert.Contains("order.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDefinition_TooLarge_IsRefused()
    {
        var json = "{\"id\": \"x\", \"description\": \"" + new string('x', WorkflowJson.MaxDefinitionBytes) + "\"}";

        var error = Assert.Throws<WorkflowFormatException>(() => WorkflowJson.ParseDefinition(json, "big.json"));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InputValue_LiteralAndExpression_RoundTrip()
    {
        var json = """{"schemaVersion":1,"id":"x","name":"x","version":1,"nodes":[{"id":"a","type":"SetVariable","inputs":{"name":{"literal":"total"},"value":{"expression":{"language":"javascript","source":"1 + 2"}}}}]}""";

        var node = WorkflowJson.ParseDefinition(json).Nodes[0];

        Assert.Equal("total", node.Inputs["name"].Literal!.GetValue<string>());
        Assert.Equal("1 + 2", node.Inputs["value"].Expression!.Source);
    }

    /// <summary>Where the checked-in schema refuses the document and why ("/nodes/0/colour: ..."), by JsonSchema.Net.</summary>
    private static List<string> SchemaErrors(JsonNode? document)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(RepositoryPaths.SchemaFile));
        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. results.Details.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))];
    }
}
