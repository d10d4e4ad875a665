using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>Employee onboarding: accounts in ERP, CRM and WMS by position and desk and badge by facilities, in parallel, reported to HRM.</summary>
public sealed class EmployeeOnboardingTests
{
    [Fact]
    public async Task ApprovedHire_GetsAccountsAndADesk_EachReportedToHrm_ThenIsOnboarded()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("employee-onboarding");
        var systems = scenario.Systems;
        // The warehouse had given Liu Yang an account already (a trainee last summer).
        await systems.PostAsync("/api/wms/accounts", new { userName = "liu.yang", employeeNo = "EMP-0001", roles = new[] { "Viewer" } });

        await systems.PostAsync("/api/hrm/employees/EMP-0001/approve-hire");
        var task = await scenario.WaitForTaskAsync("qian.jun");
        var waiting = await scenario.WaitForInstanceAsync("employee-onboarding", i => EnterpriseScenario.WaitsAt(i, "desk") && i["journal"]!.AsArray().Count(j => j!["nodeId"]!.ToString().EndsWith("Report", StringComparison.Ordinal)) == 3, "the accounts, facilities still working");

        Assert.Equal("SD-User", (await systems.GetAsync("/api/erp/accounts/liu.yang"))["roles"]![0]!.ToString());
        Assert.Equal("Sales", (await systems.GetAsync("/api/crm/accounts/liu.yang"))["roles"]![0]!.ToString());
        Assert.Equal("hired", (await systems.GetAsync("/api/hrm/employees/EMP-0001"))["status"]!.ToString());
        Assert.Contains("刘洋", task["title"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, (await systems.GetAsync("/api/hrm/employees/EMP-0001"))["onboarding"]!.AsArray().Count); // the accounts reported, desk pending
        Assert.Equal("waiting", waiting["status"]!.ToString());

        await scenario.DecideAsync("qian.jun", task["itemId"]!.ToString(), "done", data: new { desk = "A-3-12", badge = "B2026-118" });
        await scenario.WaitForInstanceAsync("employee-onboarding", EnterpriseScenario.IsCompleted, "completion");

        var employee = await systems.GetAsync("/api/hrm/employees/EMP-0001");
        Assert.Equal("onboarded", employee["status"]!.ToString());
        var reports = employee["onboarding"]!.AsArray().ToDictionary(r => r!["item"]!.ToString(), r => r!["result"]!.ToString());
        Assert.Equal("opened with roles SD-User", reports["ERP account"]);
        Assert.Equal("opened with roles Sales", reports["CRM account"]);
        Assert.Equal("existed already", reports["WMS account"]);
        Assert.Equal("desk A-3-12, badge B2026-118", reports["Desk and badge"]);
        Assert.Equal("complete", reports["Onboarding"]);
        Assert.Equal("Onboarding", employee["onboarding"]!.AsArray()[^1]!["item"]!.ToString());
    }
}
