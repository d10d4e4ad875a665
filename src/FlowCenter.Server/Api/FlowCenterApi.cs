using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Serialization;
using FlowCenter.Interop;
using System.Security.Claims;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Requests;
using FlowCenter.Server.Security;

namespace FlowCenter.Server.Api;

/// <summary>The REST API over the runtime: definitions, instances, bookmarks, events and incidents.</summary>
public static class FlowCenterApi
{
    public static IEndpointRouteBuilder MapFlowCenterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        // Every process's latest version; with ?startable=true only the published ones the caller may start (as New request offers).
        api.MapGet("/definitions", async (bool? startable, DefinitionService definitions, RequestService requests, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (startable != true)
            {
                return Results.Ok((await definitions.ListLatestAsync(ct)).Select(d => new { d.DefinitionId, d.Version, d.Name, d.Status, d.IsCurrent, d.PublishedAt }));
            }

            var published = await definitions.ListCurrentAsync(ct);

            var offered = (await requests.StartableAsync([.. published.Select(DefinitionService.ParseStored)], Caller.From(user), ct)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            return Results.Ok(published.Where(d => offered.Contains(d.DefinitionId)).Select(d => new { d.DefinitionId, d.Version, d.Name, d.Status, d.IsCurrent, d.PublishedAt }));
        });

        api.MapGet("/definitions/{id}/versions/{version:int}/json", async (string id, int version, IDefinitionStore store, CancellationToken ct) =>
            await store.FindAsync(id, version, ct) is { } stored
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(stored.Json), "application/json", $"{id}.v{version}.json")
                : Results.NotFound(new ApiError($"Definition '{id}' has no version {version}.")))
            .RequireAuthorization(Policies.Design);

        // A version in FlowCenter's JSON, BPMN 2.0 or Elsa 3 JSON, as the process list's export offers it.
        api.MapGet("/definitions/{id}/versions/{version:int}/export", async (string id, int version, string? format, DefinitionImports imports, CancellationToken ct) =>
        {
            if (ParseFormat(format ?? "json") is not { } chosen)
            {
                return Results.BadRequest(new ApiError($"Unknown format '{format}': use json, bpmn or elsa."));
            }

            try
            {
                return await imports.ExportAsync(id, version, chosen, ct) is { } file
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(file.Text), file.ContentType, file.FileName)
                    : Results.NotFound(new ApiError($"Definition '{id}' has no version {version}."));
            }
            catch (NotSupportedException ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }
        })
            .RequireAuthorization(Policies.Design);

        // Reads a file of any format FlowCenter knows and reports on every element; with dryRun=true nothing is saved,
        // else each definition becomes a draft (published too with publish=true, when it has no errors).
        api.MapPost("/definitions/import", async (string? format, bool? dryRun, bool? publish, string? process, HttpRequest request, DefinitionImports imports, CancellationToken ct) =>
        {
            DefinitionFormat? chosen = null;
            if (format is not null && (chosen = ParseFormat(format)) is null)
            {
                return Results.BadRequest(new ApiError($"Unknown format '{format}': use json, bpmn or elsa, or leave it out to tell by the content."));
            }

            if (await RequestBodies.ReadAsync(request, WorkflowJson.MaxDefinitionBytes, ct) is not { } body)
            {
                return RequestBodies.TooLarge(WorkflowJson.MaxDefinitionBytes);
            }

            ImportPreview preview;
            try
            {
                preview = await imports.PreviewAsync(System.Text.Encoding.UTF8.GetString(body), chosen, "the request body", ct);
            }
            catch (WorkflowFormatException ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }

            // A collaboration holds a process per pool: process=<id> takes only that one.
            if (process is not null)
            {
                if (preview.Items.All(i => i.Definition.Id != process))
                {
                    return Results.BadRequest(new ApiError($"The file has no process '{process}'; it has {string.Join(", ", preview.Items.Select(i => i.Definition.Id))}."));
                }

                preview = preview with { Items = [.. preview.Items.Where(i => i.Definition.Id == process)] };
            }

            var saved = dryRun == true ? [] : await imports.SaveAsync(preview, publish == true, ct);
            return Results.Ok(new
            {
                format = FormatName(preview.Format),
                dryRun = dryRun == true,
                definitions = preview.Items.Select((item, i) => new
                {
                    id = item.Definition.Id,
                    name = item.Definition.Name,
                    savedVersion = i < saved.Count ? saved[i].Version : (int?)null,
                    status = i < saved.Count ? saved[i].Status.ToString() : null,
                    latestVersion = item.LatestVersion,
                    imported = item.Imported.Count(ImportStatus.Imported),
                    changed = item.Imported.Count(ImportStatus.Changed),
                    notImported = item.Imported.Count(ImportStatus.NotImported),
                    notes = item.Notes.Select(n => new { element = n.ElementId, type = n.ElementType, status = FormatStatus(n.Status), code = n.Code, message = n.Message, node = n.NodeId }),
                    problems = item.Problems.Select(p => new { severity = p.Severity.ToString().ToLowerInvariant(), code = p.Code, message = p.Message, node = p.NodeId, connection = p.ConnectionId }),
                }),
            });
        })
            .RequireAuthorization(Policies.Design);

        // Saves a definition as a draft (the latest draft, or a new version after a published one); a designer's work.
        api.MapPut("/definitions/{id}", async (string id, HttpRequest request, DefinitionService definitions, CancellationToken ct) =>
        {
            if (await RequestBodies.ReadAsync(request, RequestBodies.MaxApiBytes, ct) is not { } body)
            {
                return RequestBodies.TooLarge(RequestBodies.MaxApiBytes);
            }

            WorkflowDefinition definition;
            try
            {
                definition = WorkflowJson.ParseDefinition(System.Text.Encoding.UTF8.GetString(body), "the request body");
            }
            catch (WorkflowFormatException ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }

            if (definition.Id != id)
            {
                return Results.BadRequest(new ApiError($"The body's id '{definition.Id}' is not '{id}'."));
            }

            var saved = await definitions.SaveDraftAsync(definition, ct);
            return Results.Ok(new { saved.DefinitionId, saved.Version, saved.Status });
        })
            .RequireAuthorization(Policies.Design);

        // A person's start, under the same rules as New request: the start form's fields and rules, the requester
        // is the caller, unpublished versions for designers only.
        api.MapPost("/instances", async (StartInstanceBody body, RequestService requests, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var caller = Caller.From(user);
            try
            {
                var instance = await requests.SubmitAsync(body.DefinitionId, body.Input?.ToDictionary(p => p.Key, p => p.Value), caller, body.Version, body.BusinessKey, ct);
                return Results.Created($"/api/instances/{instance.Id}", InstanceView.For(instance, caller));
            }
            catch (Exception ex) when (ex is DefinitionVersionException or StartRefusedException)
            {
                return Results.Json(new ApiError(ex.Message), statusCode: StatusCodes.Status403Forbidden);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or ArgumentException or FlowCenter.Engine.Validation.WorkflowValidationException)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }
        });

        api.MapInstanceLists();
        api.MapBatches();
        api.MapAlerts();

        // A case for those who take part in it and for operators; anyone else learns nothing, not even that it exists.
        api.MapGet("/instances/{id}", async (string id, CaseReader cases, ClaimsPrincipal user, CancellationToken ct) =>
            await cases.GetInstanceAsync(id, Caller.From(user), ct) is { } instance
                ? Results.Ok(InstanceView.For(instance, Caller.From(user)))
                : Results.NotFound(new ApiError($"No instance '{id}'.")));

        api.MapPost("/instances/{id}/bookmarks/{bookmarkId}", async (string id, string bookmarkId, HttpRequest request, IWorkflowRuntime runtime, AuditTrail audit, ClaimsPrincipal user, CancellationToken ct) =>
        {
            return await Answer(async () =>
            {
                var payload = await ReadPayloadAsync(request, ct);
                var outcome = await runtime.ResumeAsync(id, bookmarkId, payload, "operator:" + user.Identity!.Name, ct);
                await audit.RecordAsync(AuditActions.BookmarkResumed, $"instance:{id}", $"bookmark {bookmarkId}: {outcome}", ct);
                return outcome is ResumeOutcome.Resumed or ResumeOutcome.Held
                    ? Results.Ok(new { outcome })
                    : Results.Conflict(new ApiError($"Bookmark '{bookmarkId}' was already handled."));
            });
        })
            .RequireAuthorization(Policies.Operate);

        // Events are for systems (signed webhooks, the message trigger) and operators; the journal names the sender.
        api.MapPost("/events/{name}", (string name, string? key, HttpRequest request, IWorkflowRuntime runtime, AuditTrail audit, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                var outcome = await runtime.PublishEventAsync(name, key, await ReadPayloadAsync(request, ct), "operator:" + user.Identity!.Name, ct);
                await audit.RecordAsync(AuditActions.EventPublished, $"event:{name}", $"key {key ?? "-"}: resumed {outcome.Resumed}, started {outcome.StartedInstanceIds.Count}", ct);
                return Results.Ok(outcome);
            }))
            .RequireAuthorization(Policies.Operate);

        // Repairs go through the operators' service, which checks the caller and writes the audit log.
        api.MapPost("/instances/{id}/cancel", (string id, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                await operations.CancelAsync(id, Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        // Body (optional): { "reason": "why" }.
        api.MapPost("/instances/{id}/suspend", (string id, HttpRequest request, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                var body = await ReadPayloadAsync(request, ct);
                var reason = body is JsonObject fields ? fields["reason"]?.GetValue<string>() : null;
                await operations.SuspendAsync(id, reason, Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        api.MapPost("/instances/{id}/resume", (string id, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                await operations.ResumeAsync(id, Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        // Body: { "cancel": [path ids], "placeAt": [step ids], "move": [{ "path": id, "to": "step" }], "reason": "why" }.
        api.MapPost("/instances/{id}/modification/preview", (string id, HttpRequest request, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                var (modification, _) = ModificationBody.Read(await ReadPayloadAsync(request, ct));
                return Results.Ok(await operations.PlanModificationAsync(id, modification, Caller.From(user), ct));
            }))
            .RequireAuthorization(Policies.Operate);

        api.MapPost("/instances/{id}/modification", (string id, HttpRequest request, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                var (modification, reason) = ModificationBody.Read(await ReadPayloadAsync(request, ct));
                return Results.Ok(await operations.ModifyAsync(id, modification, reason, Caller.From(user), ct));
            }))
            .RequireAuthorization(Policies.Operate);

        api.MapPost("/instances/{id}/incidents/{incidentId:int}/retry", (string id, int incidentId, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                await operations.RetryAsync(id, incidentId, Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        api.MapPost("/instances/{id}/incidents/{incidentId:int}/skip", (string id, int incidentId, string? port, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                await operations.SkipAsync(id, incidentId, port, Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        // A case's journal and variables: for its people and operators, like the case itself.
        api.MapGet("/instances/{id}/journal", async (string id, CaseReader cases, ClaimsPrincipal user, CancellationToken ct) =>
            await cases.GetInstanceAsync(id, Caller.From(user), ct) is { } instance
                ? Results.Ok(instance.Journal)
                : Results.NotFound(new ApiError($"No instance '{id}'.")));

        api.MapGet("/instances/{id}/variables", async (string id, CaseReader cases, ClaimsPrincipal user, CancellationToken ct) =>
            await cases.GetInstanceAsync(id, Caller.From(user), ct) is { } instance
                ? Results.Ok(instance.Variables)
                : Results.NotFound(new ApiError($"No instance '{id}'.")));

        // Body: { "value": <any JSON>, "reason": "why" }.
        api.MapPut("/instances/{id}/variables/{name}", (string id, string name, HttpRequest request, InstanceOperations operations, ClaimsPrincipal user, CancellationToken ct) =>
            Answer(async () =>
            {
                var body = await ReadPayloadAsync(request, ct) as JsonObject
                    ?? throw new ArgumentException("The body must be an object: { \"value\": ..., \"reason\": \"...\" }.");
                if (!body.ContainsKey("value"))
                {
                    throw new ArgumentException("The body has no 'value'.");
                }

                await operations.SetVariableAsync(id, name, body["value"]?.DeepClone(), body["reason"]?.GetValue<string>() ?? "", Caller.From(user), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Operate);

        // What this node maps, for administrators and for the rights table's test.
        api.MapGet("/endpoints", (EndpointDataSource endpoints) => endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new { method = m, route = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/') }))
            .Distinct())
            .RequireAuthorization(Policies.Administer);
        return app;
    }

    /// <summary>The JSON body, sent with a length or chunked, within the API's limit; null when there is none.</summary>
    internal static async Task<JsonNode?> ReadPayloadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBodies.ReadAsync(request, RequestBodies.MaxApiBytes, ct)
            ?? throw new PayloadTooLargeException(RequestBodies.MaxApiBytes);
        var text = System.Text.Encoding.UTF8.GetString(body);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    internal static async Task<IResult> Answer(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (InstanceNotFoundException ex)
        {
            return Results.NotFound(new ApiError(ex.Message));
        }
        catch (PayloadTooLargeException ex)
        {
            return RequestBodies.TooLarge(ex.Limit);
        }
        catch (Exception ex) when (ex is AmbiguousCorrelationException or Runtime.Batches.BatchCountChangedException)
        {
            return Results.Conflict(new ApiError(ex.Message));
        }
        catch (Exception ex) when (ex is ResumeRejectedException or InvalidOperationException or ArgumentException)
        {
            return Results.BadRequest(new ApiError(ex.Message));
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.BadRequest(new ApiError("The body is not valid JSON: " + ex.Message));
        }
    }

    private static DefinitionFormat? ParseFormat(string format) => format.ToLowerInvariant() switch
    {
        "json" or "flowcenter" => DefinitionFormat.FlowCenter,
        "bpmn" or "xml" => DefinitionFormat.Bpmn,
        "elsa" => DefinitionFormat.Elsa,
        _ => null,
    };

    private static string FormatName(DefinitionFormat format) => format switch
    {
        DefinitionFormat.FlowCenter => "json",
        DefinitionFormat.Bpmn => "bpmn",
        _ => "elsa",
    };

    private static string FormatStatus(ImportStatus status) => status switch
    {
        ImportStatus.Imported => "imported",
        ImportStatus.Changed => "changed",
        _ => "notImported",
    };
}
