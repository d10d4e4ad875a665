using System.Net.Http.Json;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>Customer master data sync from CRM to ERP: changes since the watermark, validation, de-duplication, the conflict rule, the report.</summary>
public sealed class CustomerSyncTests
{
    [Fact]
    public async Task CrmChanges_ReachErpOnce_InvalidDuplicateAndConflictingOnesLandInTheReport()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("customer-sync");
        var systems = scenario.Systems;
        // Someone in finance changed C002 in ERP; meanwhile sales renamed it in CRM: a conflict.
        await PutAsync(systems, "/api/erp/customers/C002", new { name = "苏州精工电子有限公司", taxNo = "91320500MA1FL0002Y", city = "昆山", email = "buyer@jinggong.example" });

        await PutAsync(systems, "/api/crm/customers/C002", new { name = "苏州精工电子集团", taxNo = "91320500MA1FL0002Y", city = "苏州", email = "buyer@jinggong.example" });
        await PutAsync(systems, "/api/crm/customers/C005", new { name = "坏数据 Bad data", taxNo = "123", email = "not-an-address" });
        await PutAsync(systems, "/api/crm/customers/C006", new { name = "华东机械（重复）", taxNo = "91310000MA1FL0001X", city = "上海" });
        await scenario.WaitForCompletedAsync("customer-sync", 3);
        await Eventually.ThatAsync(() => Task.FromResult(ReportRows(scenario).Count), n => n >= 5, "five rows in the sync reports"); // (a scheduled run may share the batches)

        var c001 = await systems.GetAsync("/api/erp/customers/C001");
        Assert.Equal((2, 2, 500000), (c001["version"]!.GetValue<int>(), c001["syncVersion"]!.GetValue<int>(), c001["creditLimit"]!.GetValue<int>())); // updated, ERP's own fields kept
        var c003 = await systems.GetAsync("/api/erp/customers/C003");
        Assert.Equal(("Ningbo Harbour Tools Co.", "CRM", 1), (c003["name"]!.ToString(), c003["source"]!.ToString(), c003["syncVersion"]!.GetValue<int>()));
        var c002 = await systems.GetAsync("/api/erp/customers/C002");
        Assert.Equal(("苏州精工电子有限公司", "昆山"), (c002["name"]!.ToString(), c002["city"]!.ToString())); // ERP kept
        var erpCodes = (await systems.GetAsync("/api/erp/customers")).AsArray().Select(c => c!["code"]!.ToString()).Order().ToList();
        Assert.Equal(["C001", "C002", "C003"], erpCodes);

        var rows = ReportRows(scenario);
        Assert.Equal(["C001 updated", "C002 conflict", "C003 created", "C005 rejected", "C006 duplicate"], rows.Select(r => $"{r["code"]} {r["action"]}").Order(StringComparer.Ordinal));
        Assert.Contains("city ERP=昆山 CRM=苏州", rows.Single(r => r["code"] == "C002")["detail"], StringComparison.Ordinal);
        Assert.Contains("tax number must be 18", rows.Single(r => r["code"] == "C005")["detail"], StringComparison.Ordinal);
        Assert.Equal("same tax number as C001", rows.Single(r => r["code"] == "C006")["detail"]);

        // A later change is taken once, and only it.
        await PutAsync(systems, "/api/crm/customers/C003", new { name = "Ningbo Harbour Tools Co.", taxNo = "91330200MA1FL0003Z", city = "宁波", email = "orders@harbour-tools.example", phone = "0574-2288-0000" });
        await Eventually.ThatAsync(async () => (await systems.GetAsync("/api/erp/customers/C003"))["phone"]?.ToString(), phone => phone == "0574-2288-0000", "C003's new phone number in ERP");
        await scenario.WaitForCompletedAsync("customer-sync", 4);

        Assert.Equal("0574-2288-0000", (await systems.GetAsync("/api/erp/customers/C003"))["phone"]!.ToString());
        Assert.Equal(["C003 updated"], ReportRows(scenario).Skip(rows.Count).Select(r => $"{r["code"]} {r["action"]}")); // the newest file holds it alone
    }

    private static async Task PutAsync(Simulators systems, string path, object body)
    {
        using var response = await systems.Client.PutAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The rows of every report written so far, oldest file first.</summary>
    private static List<Dictionary<string, string>> ReportRows(EnterpriseScenario scenario)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var file in Directory.EnumerateFiles(scenario.ReportsFolder, "customer-sync-*.csv").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            var header = lines[0].Split(',');
            rows.AddRange(lines.Skip(1).Select(line => header.Zip(SplitCsv(line)).ToDictionary(p => p.First, p => p.Second)));
        }

        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
