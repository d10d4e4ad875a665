using System.Text.Json.Nodes;
using FlowCenter.Studio.Designer;
using FlowCenter.Studio.Tasks;

namespace FlowCenter.Studio.Tests.Tasks;

public sealed class FormViewTests : StudioTestContext
{
    private static readonly JsonObject Form = JsonNode.Parse("""
        { "fields": [
          { "name": "amount", "label": "Amount", "type": "number", "required": true },
          { "name": "secret", "label": "Secret", "type": "text" },
          { "name": "reason", "label": "Reason", "type": "text" },
          { "name": "lines", "label": "Lines", "type": "table", "columns": [ { "name": "sku", "label": "Item" } ] } ] }
        """)!.AsObject();

    [Fact]
    public void FormView_FieldAccess_HidesAndLocksFieldsAtThisStep()
    {
        var values = new JsonObject { ["amount"] = 1200, ["reason"] = "urgent", ["lines"] = new JsonArray(new JsonObject { ["sku"] = "A-1" }) };

        var view = Render<FormView>(p => p.Add(x => x.Form, Form).Add(x => x.Access, JsonNode.Parse("""{ "secret": "hidden", "amount": "readonly" }""")!.AsObject()).Add(x => x.Values, values));

        Assert.Empty(view.FindAll("[data-testid=form-field-secret]"));
        Assert.True(view.Find("[data-testid=form-field-amount] input").HasAttribute("readonly"));
        Assert.False(view.Find("[data-testid=form-field-reason] input").HasAttribute("readonly"));
        Assert.Equal("A-1", view.Find("input[data-testid=cell-lines-0-sku]").GetAttribute("value"));
    }

    [Fact]
    public void FormView_FieldsNarrowerThanTheForm_StandSideBySide_AndTheDesignerKeepsTheirWidth()
    {
        var documents = JsonNode.Parse("""
            { "fields": [
              { "name": "differences", "label": "Differences", "type": "table", "columns": [ { "name": "problem", "label": "Problem" } ] },
              { "name": "order", "label": "Order", "type": "table", "width": "third", "columns": [ { "name": "sku", "label": "Item" } ] },
              { "name": "receipt", "label": "Receipt", "type": "table", "width": "third", "columns": [ { "name": "sku", "label": "Item" } ] },
              { "name": "note", "label": "Note", "type": "text", "width": "sideways" } ] }
            """)!.AsObject();

        var view = Render<FormView>(p => p.Add(x => x.Form, documents).Add(x => x.Values, new JsonObject()));

        Assert.Contains("fc-w-full", view.Find("[data-testid=form-field-differences]").ClassName, StringComparison.Ordinal);
        Assert.Contains("fc-w-third", view.Find("[data-testid=form-field-order]").ClassName, StringComparison.Ordinal);
        Assert.Contains("fc-w-third", view.Find("[data-testid=form-field-receipt]").ClassName, StringComparison.Ordinal);
        Assert.Contains("fc-w-full", view.Find("[data-testid=form-field-note]").ClassName, StringComparison.Ordinal); // an unknown width is full
        var field = FormFieldModel.From(documents["fields"]![1]!.AsObject(), null);
        Assert.Equal("third", field.Width);
        Assert.Equal("third", field.ToJson()["width"]!.GetValue<string>());
        Assert.Null(FormFieldModel.From(documents["fields"]![0]!.AsObject(), null).ToJson()["width"]);
    }

    [Fact]
    public void FormView_AddRow_AddsAnEmptyRowToTheTable()
    {
        var values = new JsonObject();
        var view = Render<FormView>(p => p.Add(x => x.Form, Form).Add(x => x.Values, values));

        view.Find("[data-testid=add-row-lines]").Click();

        Assert.Single(values["lines"]!.AsArray());
        Assert.NotNull(view.Find("input[data-testid=cell-lines-0-sku]"));
    }

    [Fact]
    public void FormFieldModel_RoundTripsEveryKindOfField()
    {
        foreach (var field in JsonNode.Parse("""
            [ { "name": "kind", "label": "Kind", "type": "choice", "required": true, "options": [ "a", "b" ] },
              { "name": "qty", "label": "Qty", "type": "number", "min": 1, "max": 10 },
              { "name": "code", "label": "Code", "type": "text", "pattern": "^[A-Z]+$" },
              { "name": "lines", "label": "Lines", "type": "table", "columns": [ { "name": "sku", "label": "Item", "type": "text", "required": true }, { "name": "qty", "label": "Qty", "type": "number" } ] } ]
            """)!.AsArray().OfType<JsonObject>())
        {
            var model = FormFieldModel.From(field, JsonNode.Parse("""{ "kind": "readonly" }""")!.AsObject());

            Assert.True(JsonNode.DeepEquals(field, model.ToJson()), $"{field.ToJsonString()} became {model.ToJson().ToJsonString()}");
            Assert.Equal(field["name"]!.GetValue<string>() == "kind" ? "readonly" : "editable", model.Access);
        }
    }
}
