using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Mapping;

/// <summary>
/// Compares a purchase order, its goods receipt and the supplier's invoice line by line (lines are matched by
/// <c>sku</c>, or another key field): received against ordered quantity, invoiced against received quantity,
/// invoiced against ordered price, each within its tolerance in percent. Leaves by <c>matched</c>, or by
/// <c>mismatched</c> with every difference listed (also a line present in one document and missing in another).
/// </summary>
[Activity("ThreeWayMatch", Category = "Connectors", DisplayName = "Three-way match", Description = "Matches purchase order, goods receipt and invoice line by line within quantity and price tolerances.",
    Ports = [ThreeWayMatch.Matched, ThreeWayMatch.Mismatched])]
public sealed class ThreeWayMatch : IActivity
{
    public const string Matched = "matched";
    public const string Mismatched = "mismatched";

    public static readonly ActivityInput<JsonNode?> Order = Inputs.Any("order", "The purchase order: { lines: [ { sku, quantity, price } ] }.", required: true);

    public static readonly ActivityInput<JsonNode?> Receipt = Inputs.Any("receipt", "The goods receipt: { lines: [ { sku, quantity } ] }.", required: true);

    public static readonly ActivityInput<JsonNode?> Invoice = Inputs.Any("invoice", "The invoice: { lines: [ { sku, quantity, price } ] }.", required: true);

    public static readonly ActivityInput<double> QuantityTolerance = Inputs.Number("quantityTolerance", "Allowed quantity difference in percent (0 = exact).", defaultValue: 0);

    public static readonly ActivityInput<double> PriceTolerance = Inputs.Number("priceTolerance", "Allowed price difference in percent (0 = exact).", defaultValue: 0);

    public static readonly ActivityInput<string?> KeyField = Inputs.String("keyField", "The field that identifies a line in all three documents.", defaultValue: "sku", literalOnly: true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { matched, lines, differences, orderTotal, invoiceTotal }.", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var key = context.Get(KeyField) ?? "sku";
        var order = Lines(context.Get(Order), "order", key);
        var receipt = Lines(context.Get(Receipt), "receipt", key);
        var invoice = Lines(context.Get(Invoice), "invoice", key);
        var quantityTolerance = context.Get(QuantityTolerance) / 100d;
        var priceTolerance = context.Get(PriceTolerance) / 100d;

        var differences = new JsonArray();
        var lines = new JsonArray();
        foreach (var item in order.Keys.Concat(receipt.Keys).Concat(invoice.Keys).Distinct())
        {
            var ordered = order.GetValueOrDefault(item);
            var received = receipt.GetValueOrDefault(item);
            var invoiced = invoice.GetValueOrDefault(item);
            var problems = new List<string>();
            void Differ(string field, string message, double? expected, double? actual)
            {
                problems.Add(message);
                differences.Add(new JsonObject { [key] = item, ["field"] = field, ["expected"] = expected, ["actual"] = actual, ["message"] = $"{item}: {message}" });
            }

            if (ordered is null)
            {
                Differ("line", "not on the purchase order", null, null);
            }

            if (received is null)
            {
                Differ("line", "not received", ordered?.Quantity, null);
            }

            if (invoiced is null)
            {
                Differ("line", "not invoiced", received?.Quantity ?? ordered?.Quantity, null);
            }

            if (ordered is not null && received is not null && !Within(received.Quantity, ordered.Quantity, quantityTolerance))
            {
                Differ("receivedQuantity", $"received {N(received.Quantity)}, ordered {N(ordered.Quantity)}", ordered.Quantity, received.Quantity);
            }

            if (received is not null && invoiced is not null && !Within(invoiced.Quantity, received.Quantity, quantityTolerance))
            {
                Differ("invoicedQuantity", $"invoiced {N(invoiced.Quantity)}, received {N(received.Quantity)}", received.Quantity, invoiced.Quantity);
            }

            if (ordered?.Price is { } orderPrice && invoiced is not null)
            {
                if (invoiced.Price is not { } invoicePrice)
                {
                    Differ("price", "the invoice line has no price", orderPrice, null);
                }
                else if (!Within(invoicePrice, orderPrice, priceTolerance))
                {
                    Differ("price", $"invoiced at {N(invoicePrice)}, ordered at {N(orderPrice)} ({N(Math.Round((invoicePrice - orderPrice) / orderPrice * 100, 2))}%)", orderPrice, invoicePrice);
                }
            }

            lines.Add(new JsonObject
            {
                [key] = item,
                ["ordered"] = ordered?.Quantity,
                ["received"] = received?.Quantity,
                ["invoiced"] = invoiced?.Quantity,
                ["orderPrice"] = ordered?.Price,
                ["invoicePrice"] = invoiced?.Price,
                ["matched"] = problems.Count == 0,
                ["problems"] = new JsonArray([.. problems.Select(p => (JsonNode)p)]),
            });
        }

        var matched = differences.Count == 0;
        context.SetVariable(context.Get(ResultVariable)!, new JsonObject
        {
            ["matched"] = matched,
            ["lines"] = lines,
            ["differences"] = differences,
            ["orderTotal"] = order.Values.Sum(l => l.Quantity * (l.Price ?? 0)),
            ["invoiceTotal"] = invoice.Values.Sum(l => l.Quantity * (l.Price ?? 0)),
        });
        if (matched)
        {
            context.Complete(Matched);
        }
        else
        {
            Outcomes.Failure(context, Mismatched, () => $"The documents do not match: {string.Join("; ", differences.Select(d => JsonValues.ToText(d!["message"])))}");
        }

        return ValueTask.CompletedTask;
    }

    private sealed record Line(double Quantity, double? Price);

    private static bool Within(double actual, double expected, double tolerance) =>
        Math.Abs(actual - expected) <= Math.Abs(expected) * tolerance + 1e-9;

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static double? Number(JsonNode? value, string where, string field)
    {
        try
        {
            return value is null ? null : JsonValues.ToNumber(value);
        }
        catch (FormatException ex)
        {
            throw new ActivityException($"The {field} on {where}: {ex.Message}.", ex);
        }
    }

    private static Dictionary<string, Line> Lines(JsonNode? document, string name, string key)
    {
        var lines = document is JsonObject o ? o["lines"] : document;
        if (lines is not JsonArray array)
        {
            throw new ActivityException($"The {name} has no lines (an array, or an object with 'lines').");
        }

        var result = new Dictionary<string, Line>(StringComparer.Ordinal);
        var index = 0;
        foreach (var line in array)
        {
            index++;
            var id = line is JsonObject fields ? JsonValues.ToText(fields[key]) : null;
            if (id is null)
            {
                throw new ActivityException($"Line {index} of the {name} has no '{key}'.");
            }

            var quantity = Number(line!["quantity"], $"line {index} of the {name} ({id})", "quantity") ?? throw new ActivityException($"Line {index} of the {name} ({id}) has no quantity.");
            var price = Number(line["price"], $"line {index} of the {name} ({id})", "price");
            // The same item on two lines counts once, with its quantities added.
            result[id] = result.TryGetValue(id, out var earlier) ? new Line(earlier.Quantity + quantity, price ?? earlier.Price) : new Line(quantity, price);
        }

        return result;
    }
}
