using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// HRM (employees; approving a hire announces <c>hire.approved</c>; onboarding results reported back), OA
/// (approval records and the knowledge base) and SRM (suppliers).
/// </summary>
public static class People
{
    public const string Hrm = "hrm";
    public const string Oa = "oa";
    public const string Srm = "srm";

    public static void Map(IEndpointRouteBuilder app)
    {
        var hrm = app.MapGroup("/api/hrm");
        hrm.MapPost("/employees", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => AddCandidateAsync(store, body), StatusCodes.Status201Created));
        hrm.MapGet("/employees/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(Hrm, "employees", no) is { } employee ? Results.Json(employee) : Results.NotFound());
        hrm.MapPost("/employees/{no}/approve-hire", (HttpContext http, EnterpriseStore store, string no) =>
            RunAsync(http, store, () => ApproveHireAsync(store, no)));
        hrm.MapPost("/employees/{no}/onboarding", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var report = new JsonObject { ["item"] = Text(body, "item"), ["result"] = Text(body, "result"), ["by"] = OptionalText(body, "by") };
                return await store.UpdateAsync(Hrm, "employees", no, employee =>
                {
                    var reports = employee["onboarding"] as JsonArray ?? [];
                    reports.Add(report);
                    employee["onboarding"] = reports.DeepClone();
                    if (body["complete"] is JsonValue complete && complete.TryGetValue<bool>(out var done) && done)
                    {
                        employee["status"] = "onboarded";
                    }
                }) ?? NotFound("employee", no);
            }));

        var oa = app.MapGroup("/api/oa");
        oa.MapPost("/approvals", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () => await store.CreateAsync(Oa, "approvals", "OA", new JsonObject
            {
                ["subject"] = Text(body, "subject"),
                ["reference"] = OptionalText(body, "reference"),
                ["decision"] = Text(body, "decision"),
                ["by"] = OptionalText(body, "by"),
                ["comment"] = OptionalText(body, "comment"),
            }), StatusCodes.Status201Created));
        oa.MapPost("/knowledge", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () => await store.CreateAsync(Oa, "knowledge", "KB", new JsonObject
            {
                ["title"] = Text(body, "title"),
                ["equipment"] = OptionalText(body, "equipment"),
                ["faultType"] = OptionalText(body, "faultType"),
                ["summary"] = OptionalText(body, "summary"),
                ["parts"] = body["parts"]?.DeepClone(),
                ["reference"] = OptionalText(body, "reference"),
            }), StatusCodes.Status201Created));
        oa.MapGet("/knowledge", async (EnterpriseStore store) => Results.Json(await store.ListAsync(Oa, "knowledge")));

        app.MapGet("/api/srm/suppliers", async (EnterpriseStore store) => Results.Json(await store.ListAsync(Srm, "suppliers")));
    }

    public static async Task<JsonNode> AddCandidateAsync(EnterpriseStore store, JsonObject body) =>
        await store.CreateAsync(Hrm, "employees", "EMP", new JsonObject
        {
            ["name"] = Text(body, "name"),
            ["userName"] = Text(body, "userName"),
            ["position"] = Text(body, "position"),
            ["department"] = Text(body, "department"),
            ["startDate"] = OptionalText(body, "startDate"),
            ["status"] = "candidate",
        });

    public static async Task<JsonNode> ApproveHireAsync(EnterpriseStore store, string no)
    {
        var current = await store.GetAsync(Hrm, "employees", no) ?? NotFound("employee", no);
        if (current["status"]?.ToString() != "candidate")
        {
            throw new BusinessException(StatusCodes.Status409Conflict, $"Employee {no} is {current["status"]}, not a candidate.");
        }

        var employee = (await store.UpdateAsync(Hrm, "employees", no, e => e["status"] = "hired"))!;
        store.Raise("hire.approved", new JsonObject
        {
            ["employeeNo"] = no,
            ["name"] = current["name"]!.DeepClone(),
            ["userName"] = current["userName"]!.DeepClone(),
            ["position"] = current["position"]!.DeepClone(),
            ["department"] = current["department"]!.DeepClone(),
            ["startDate"] = current["startDate"]?.DeepClone(),
        }, no);
        return employee;
    }
}
