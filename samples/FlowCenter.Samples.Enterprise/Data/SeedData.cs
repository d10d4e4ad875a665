using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Samples.Enterprise.Data;

/// <summary>The demo data of an empty database: customers in CRM and ERP, stock, suppliers, ledger accounts, a candidate and a draft order.</summary>
public static class SeedData
{
    public static async Task SeedAsync(EnterpriseDb db, EnterpriseStore store, TimeProvider clock)
    {
        if (await db.Records.AnyAsync())
        {
            return;
        }

        var customers = new[]
        {
            ("C001", "上海华东机械有限公司", "91310000MA1FL0001X", "上海", "purchasing@huadong-machinery.example"),
            ("C002", "苏州精工电子有限公司", "91320500MA1FL0002Y", "苏州", "buyer@jinggong.example"),
            ("C003", "Ningbo Harbour Tools Co.", "91330200MA1FL0003Z", "宁波", "orders@harbour-tools.example"),
        };
        foreach (var (code, name, taxNo, city, email) in customers)
        {
            store.Add("crm", "customers", code, new JsonObject { ["code"] = code, ["name"] = name, ["taxNo"] = taxNo, ["city"] = city, ["email"] = email });
        }

        // ERP knows the first two customers (the third arrives by the master-data sync).
        store.Add("erp", "customers", "C001", new JsonObject { ["code"] = "C001", ["name"] = "上海华东机械有限公司", ["taxNo"] = "91310000MA1FL0001X", ["city"] = "上海", ["email"] = "purchasing@huadong-machinery.example", ["creditLimit"] = 500000 });
        store.Add("erp", "customers", "C002", new JsonObject { ["code"] = "C002", ["name"] = "苏州精工电子有限公司", ["taxNo"] = "91320500MA1FL0002Y", ["city"] = "苏州", ["email"] = "buyer@jinggong.example", ["creditLimit"] = 200000 });

        var due = clock.GetLocalNow().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await store.CreateAsync("crm", "orders", "CO", new JsonObject { ["customer"] = "C001", ["product"] = "HP-200", ["quantity"] = 20, ["dueDate"] = due, ["status"] = "draft" });

        foreach (var (sku, quantity) in new[] { ("HP-200", 0), ("BRG-6205", 40), ("SEAL-KIT", 15), ("MOTOR-5KW", 3), ("STEEL-Q235", 100) })
        {
            store.Add("wms", "stock", sku, new JsonObject { ["sku"] = sku, ["quantity"] = quantity });
        }

        store.Add("srm", "suppliers", "S001", new JsonObject { ["code"] = "S001", ["name"] = "宁波宝钢材料有限公司", ["contact"] = "王磊", ["phone"] = "0574-8800-1234" });
        store.Add("srm", "suppliers", "S002", new JsonObject { ["code"] = "S002", ["name"] = "常州轴承制造厂", ["contact"] = "李敏", ["phone"] = "0519-8600-5678" });

        foreach (var (code, name) in new[] { ("2202", "应付账款 Accounts payable"), ("5101", "制造费用 Manufacturing overhead"), ("6602", "维修费 Repairs and maintenance") })
        {
            store.Add("finance", "accounts", code, new JsonObject { ["code"] = code, ["name"] = name });
        }

        await store.CreateAsync("hrm", "employees", "EMP", new JsonObject
        {
            ["name"] = "刘洋", ["userName"] = "liu.yang", ["position"] = "Sales engineer", ["department"] = "Sales",
            ["startDate"] = clock.GetLocalNow().AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["status"] = "candidate",
        });
        await store.SaveAsync();
    }
}
