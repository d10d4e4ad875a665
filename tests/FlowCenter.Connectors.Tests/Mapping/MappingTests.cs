using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Connectors.Tests.TestSupport;

namespace FlowCenter.Connectors.Tests.Mapping;

public sealed class MappingTests : IDisposable
{
    private static readonly JsonNode Order = JsonNode.Parse("""
        { "customer": { "id": "C1", "first": "伟", "last": "张", "taxNo": "91310000MA1K4AB12X" },
          "product": "B", "weightKg": 1530, "due": "2026-12-01T08:00:00Z", "qty": "5" }
        """)!;

    private readonly ConnectorHost _connector = new();


    public void Dispose()
    {
        _connector.Dispose();
    }

    [Fact]
    public async Task Map_RenamesFormatsConvertsLooksUpJoinsAndDefaults()
    {
        var mappings = JsonNode.Parse("""
            [ { "target": "erp.customerNo", "source": "customer.id" },
              { "target": "erp.contact", "transform": "concat", "sources": [ "customer.last", "customer.first" ], "separator": "" },
              { "target": "erp.deliveryDate", "source": "due", "transform": "formatDate", "format": "yyyyMMdd" },
              { "target": "erp.weightT", "source": "weightKg", "transform": "number", "factor": 0.001, "decimals": 2 },
              { "target": "erp.material", "source": "product", "transform": "lookup", "table": { "A": "MAT-100", "B": "MAT-200" } },
              { "target": "erp.plant", "source": "plant", "default": "SH01" } ]
            """);
        var instance = await RunAsync(b => b.Node("map", "MapData", ("source", new Js("input")), ("mappings", mappings), ("resultVariable", "out")), "map");

        var erp = instance.Variables["out"]!["erp"]!;
        Assert.Equal("""{"customerNo":"C1","contact":"张伟","deliveryDate":"20261201","weightT":1.53,"material":"MAT-200","plant":"SH01"}""", erp.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task Map_ExpressionField_IsJavaScriptInTheProcessScope()
    {
        var mappings = JsonNode.Parse("""
            [ { "target": "code", "source": "customer.id" },
              { "target": "label", "transform": "expression", "expression": "input.customer.last + input.customer.first + ' (' + input.qty * 2 + ')'" } ]
            """);
        var instance = await RunAsync(b => b.Node("map", "MapData", ("source", new Js("input")), ("mappings", mappings), ("resultVariable", "out")), "map");

        Assert.Equal("张伟 (10)", instance.Variables["out"]!["label"]!.GetValue<string>());
    }

    [Fact]
    public void Validate_MappingWithoutTargetUnknownTransformOrBrokenExpression_IsReportedAtTheNode()
    {
        var definition = new WorkflowBuilder("bad-map").Variable("out")
            .Node("start", "Start")
            .Node("map", "MapData", ("source", new Js("input")), ("resultVariable", "out"), ("mappings", JsonNode.Parse("""
                [ { "source": "a" }, { "target": "b", "transform": "upper" }, { "target": "c", "transform": "expression", "expression": "input.a +" } ]
                """)))
            .Node("end", "End").Chain("start", "map", "end").Build();

        var problems = _connector.Validate(definition).Where(p => p.NodeId == "map").Select(p => p.Message).ToList();

        Assert.Contains("mapping 1 has no target", problems);
        Assert.Contains(problems, p => p.StartsWith("mapping 2 (b) has an unknown transform 'upper'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("mapping 3 (c)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_Violations_GoOutByInvalidWithEveryOne()
    {
        var rules = JsonNode.Parse("""
            [ { "field": "customer.taxNo", "required": true, "pattern": "^[0-9A-Z]{18}$" },
              { "field": "customer.email", "required": true, "message": "客户邮箱必填" },
              { "field": "qty", "min": 10, "max": 100 } ]
            """);
        var instance = await RunAsync(b => b
            .Node("check", "ValidateData", ("value", new Js("input")), ("rules", rules), ("violationsVariable", "problems"))
            .Node("fix", "End").Connect("check", "fix", "invalid"), "check");

        Assert.Contains("fix", instance.CompletedPath());
        var problems = instance.Variables["problems"]!.AsArray();
        Assert.Equal(["客户邮箱必填", "qty is below 10"], problems.Select(p => p!["message"]!.GetValue<string>()));
    }

    private async Task<WorkflowInstance> RunAsync(Func<WorkflowBuilder, WorkflowBuilder> nodes, string node)
    {
        var id = "map-" + Guid.NewGuid().ToString("N")[..6];
        var builder = nodes(new WorkflowBuilder(id).Variable("out").Variable("problems").Node("start", "Start").Node("end", "End"));
        _connector.Host.Register(builder.Connect("start", node).Connect(node, "end", node == "map" ? "done" : "valid").Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = Order.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone()) });
    }
}
