using System.Text.Json.Nodes;
using FlowCenter.Studio.Designer;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlowCenter.Studio.Tests.Designer;

/// <summary>The visual mapper: source fields from a sample, target fields with transforms, the result for the sample.</summary>
public sealed class DataMapperDialogTests : StudioTestContext
{
    private const string Sample = """{ "orderNo": "CO-7", "customer": { "code": "C001", "name": "华东机械" }, "weightKg": 1250, "dueDate": "2026-12-07T00:00:00Z", "region": "E" }""";

    [Fact]
    public async Task ClickingSourceFields_MapsThem_TransformsShowInThePreview_AndApplyGivesTheMappings()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await dialogs.ShowAsync<DataMapperDialog>("Map", new DialogParameters<DataMapperDialog>
        {
            { d => d.Mappings, JsonNode.Parse("""[ { "target": "crmOrderNo", "source": "orderNo" } ]""")!.AsArray() },
        }));

        provider.WaitForElement("[data-testid=mapper-row-0]");
        // The sample opened as the shape of the existing mapping; the designer pastes a real one.
        Assert.Contains("orderNo", provider.Find("textarea[data-testid=mapper-sample]").GetAttribute("value") ?? provider.Find("textarea[data-testid=mapper-sample]").TextContent, StringComparison.Ordinal);
        provider.Find("textarea[data-testid=mapper-sample]").Input(Sample);
        // MudBlazor applies typed values and clicks asynchronously: each step waits for its render.
        provider.WaitForElement("[data-testid='mapper-field-customer.code']").Click();
        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll("[data-testid^=mapper-row-]").Count));
        provider.Find("[data-testid=mapper-field-weightKg]").Click();
        provider.WaitForAssertion(() => Assert.Equal(3, provider.FindAll("[data-testid^=mapper-row-]").Count));
        provider.Find("[data-testid=mapper-field-region]").Click();
        provider.WaitForAssertion(() => Assert.Equal(4, provider.FindAll("[data-testid^=mapper-row-]").Count));

        provider.Find("input[data-testid=mapper-target-1]").Input("customerCode");
        provider.Find("input[data-testid=mapper-target-2]").Input("weightT");
        await provider.InvokeAsync(() => provider.FindComponents<MudSelect<string>>()[2].Instance.SelectOption("number"));
        provider.WaitForElement("input[data-testid=mapper-factor-2]").Input("0.001");
        await provider.InvokeAsync(() => provider.FindComponents<MudSelect<string>>()[3].Instance.SelectOption("lookup"));
        provider.WaitForElement("textarea[data-testid=mapper-table-3]").Input("E=华东\nN=华北");

        provider.WaitForAssertion(() =>
        {
            var preview = JsonNode.Parse(provider.Find("[data-testid=mapper-preview]").TextContent)!;
            Assert.Equal("CO-7", preview["crmOrderNo"]?.GetValue<string>());
            Assert.Equal("C001", preview["customerCode"]?.GetValue<string>());
            Assert.Equal(1.25, preview["weightT"]?.GetValue<double>());
            Assert.Equal("华东", preview["region"]?.GetValue<string>());
        });

        provider.Find("[data-testid=mapper-save]").Click();
        var result = await dialog!.Result;
        var mappings = Assert.IsType<JsonArray>(result!.Data);
        Assert.Equal(
            """[{"target":"crmOrderNo","source":"orderNo"},{"target":"customerCode","source":"customer.code"},{"target":"weightT","source":"weightKg","transform":"number","factor":0.001},{"target":"region","source":"region","transform":"lookup","table":{"E":"华东","N":"华北"}}]""",
            mappings.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task FieldWithoutATarget_IsRefusedOnApply()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<DataMapperDialog>("Map", new DialogParameters<DataMapperDialog>()));

        provider.WaitForElement("[data-testid=mapper-add]").Click();
        provider.WaitForElement("input[data-testid=mapper-target-0]").Input("");
        provider.Find("[data-testid=mapper-save]").Click();

        provider.WaitForAssertion(() => Assert.Contains("Every field needs a target.", provider.Markup, StringComparison.Ordinal));
        Assert.NotEmpty(provider.FindAll("[data-testid=mapper-row-0]"));
    }
}
