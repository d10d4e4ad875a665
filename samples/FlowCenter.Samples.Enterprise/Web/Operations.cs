using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Samples.Enterprise.Web;

/// <summary>A request a system refuses: the status and the reason go back to the caller, nothing is saved.</summary>
public sealed class BusinessException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// How every changing request runs: once per Idempotency-Key (a retried request gets the first answer again),
/// its changes, webhooks and remembered answer saved in one transaction, a refusal saving nothing.
/// </summary>
public static class Operations
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<IResult> RunAsync(HttpContext http, EnterpriseStore store, Func<Task<JsonNode>> work, int status = StatusCodes.Status200OK)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        var scope = $"{http.Request.Method} {http.Request.Path}|{key}";
        if (key.Length > 0 && await store.FindAnswerAsync(scope) is { } earlier)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(earlier.Body, "application/json", statusCode: earlier.Status);
        }

        JsonNode answer;
        try
        {
            answer = await work();
            if (key.Length > 0)
            {
                store.Remember(scope, status, answer);
            }

            await store.SaveAsync();
        }
        catch (BusinessException ex)
        {
            store.Forget();
            return Results.Json(new JsonObject { ["error"] = ex.Message }, statusCode: ex.Status);
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // The same request arrived twice at once and the other one won: give its answer.
            store.Forget();
            var winner = await store.FindAnswerAsync(scope);
            if (winner is null)
            {
                throw;
            }

            return Results.Text(winner.Body, "application/json", statusCode: winner.Status);
        }

        return Results.Json(answer, statusCode: status);
    }

    /// <summary>Copies the <paramref name="fields"/> a request gives onto a record (a PATCH of what may change).</summary>
    public static void CopyFields(JsonObject body, JsonObject record, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (body[field] is { } value)
            {
                record[field] = value.DeepClone();
            }
        }
    }

    public static string Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.ToString() is { Length: > 0 } text
            ? text
            : throw new BusinessException(StatusCodes.Status400BadRequest, $"'{name}' is required.");

    public static string? OptionalText(JsonObject body, string name) => body[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;

    public static decimal Number(JsonObject body, string name) =>
        body[name] is JsonValue value && decimal.TryParse(value.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BusinessException(StatusCodes.Status400BadRequest, $"'{name}' must be a number.");

    /// <summary>Document lines <c>[{ sku, quantity, price }]</c>, each checked.</summary>
    public static JsonArray Lines(JsonObject body)
    {
        if (body["lines"] is not JsonArray { Count: > 0 } lines)
        {
            throw new BusinessException(StatusCodes.Status400BadRequest, "'lines' must hold at least one line.");
        }

        var result = new JsonArray();
        var index = 0;
        foreach (var line in lines)
        {
            index++;
            if (line is not JsonObject fields)
            {
                throw new BusinessException(StatusCodes.Status400BadRequest, $"Line {index} is not an object.");
            }

            var item = new JsonObject { ["line"] = index, ["sku"] = Text(fields, "sku"), ["quantity"] = Number(fields, "quantity") };
            if (fields["price"] is not null)
            {
                item["price"] = Number(fields, "price");
            }

            result.Add(item);
        }

        return result;
    }

    public static JsonObject NotFound(string what, string key) => throw new BusinessException(StatusCodes.Status404NotFound, $"There is no {what} {key}.");
}
