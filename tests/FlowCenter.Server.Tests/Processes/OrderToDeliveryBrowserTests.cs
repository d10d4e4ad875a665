using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>
/// Order to delivery as a person does it after the README's run command, in Chromium: confirm the order on the
/// CRM page, report production finished on the MES page, approve the shipment in FlowCenter's inbox, and see
/// the order shipped on the CRM page.
/// </summary>
public sealed class OrderToDeliveryBrowserTests
{
    [BrowserFact]
    public async Task CrmPage_ToInbox_AndBackToTheCrmPage()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("order-to-delivery");
        Assertions.SetDefaultExpectTimeout(30_000);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var systems = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        systems.SetDefaultTimeout(30_000);

        await systems.GotoAsync(scenario.Systems.Url + "/crm");
        await systems.Locator("[data-testid=confirm-CO-0001]").ClickAsync();
        await Assertions.Expect(systems.Locator("[data-testid=done]")).ToContainTextAsync("CO-0001");
        await systems.GotoAsync(scenario.Systems.Url + "/mes");
        await Assertions.Expect(systems.Locator("[data-testid=finish-MO-0001]")).ToBeVisibleAsync(); // the work order reaches MES; the page refreshes itself
        await systems.Locator("[data-testid=finish-MO-0001]").ClickAsync();

        var inbox = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        inbox.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(inbox, scenario.Server.Client.BaseAddress!, "zhou.min", "/tasks");
        await Assertions.Expect(inbox.Locator("[data-testid=todo-table]")).ToContainTextAsync("CO-0001");
        await inbox.Locator("[data-testid=task-link]").First.ClickAsync();
        await Assertions.Expect(inbox.Locator("body")).ToContainTextAsync("系统事件：CRM 订单确认 / Order confirmed"); // started by the CRM's event, named by the step it starts at
        await Browser.PickAsync(inbox, inbox.Locator("[data-testid=form-field-carrier]"), "Deppon");
        await inbox.Locator("textarea[data-testid=task-comment]").FillAsync("德邦发货");
        await inbox.Locator("[data-testid=decide-approve]").ClickAsync();

        await systems.GotoAsync(scenario.Systems.Url + "/crm");
        var orders = systems.Locator("[data-testid=crm-orders]");
        await Assertions.Expect(orders).ToContainTextAsync("shipped"); // the page refreshes itself as the process moves on
        await Assertions.Expect(orders).ToContainTextAsync("SH-0001");
        await Assertions.Expect(orders).ToContainTextAsync("DP");
        await Assertions.Expect(systems.Locator("[data-testid=crm-notifications]")).ToContainTextAsync("Deppon");
    }
}
