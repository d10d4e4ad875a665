using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>User accounts, which ERP, CRM and WMS each keep for themselves (opened during onboarding).</summary>
public static class Accounts
{
    public static async Task<JsonNode> OpenAsync(EnterpriseStore store, string system, JsonObject body)
    {
        var userName = Text(body, "userName");
        if (await store.GetAsync(system, "accounts", userName) is not null)
        {
            throw new BusinessException(StatusCodes.Status409Conflict, $"{system.ToUpperInvariant()} already has an account {userName}.");
        }

        return store.Add(system, "accounts", userName, new JsonObject
        {
            ["userName"] = userName,
            ["employeeNo"] = Text(body, "employeeNo"),
            ["name"] = OptionalText(body, "name"),
            ["roles"] = body["roles"]?.DeepClone() ?? new JsonArray(),
        });
    }
}
