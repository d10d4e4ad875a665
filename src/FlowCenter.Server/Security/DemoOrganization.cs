using FlowCenter.Runtime.Organization;

namespace FlowCenter.Server.Security;

/// <summary>The demo organisation of the embedded default: a small manufacturer with a user for each role.</summary>
public static class DemoOrganization
{
    public static OrganizationSnapshot Create() => new()
    {
        Departments =
        [
            new("hq", "总经办 / Head office", null, "chen.jie"),
            new("purchasing", "采购部 / Purchasing", "hq", "li.na"),
            new("finance", "财务部 / Finance", "hq", "wang.fang"),
            new("hr", "人力资源部 / HR", "hq", "zhao.lei"),
            new("production", "生产部 / Production", "hq"),
            new("it", "信息部 / IT", "hq", "admin"),
            new("sales", "销售物流部 / Sales and logistics", "hq", "zhou.min"),
            new("maintenance", "设备部 / Maintenance", "production", "wu.gang"),
            new("facilities", "行政部 / Facilities", "hq", "qian.jun"),
        ],
        Positions =
        [
            new("general-manager", "总经理 / General manager", "hq"),
            new("buyer", "采购员 / Buyer", "purchasing"),
            new("purchasing-manager", "采购经理 / Purchasing manager", "purchasing"),
            new("finance-manager", "财务经理 / Finance manager", "finance"),
            new("hr-specialist", "人事专员 / HR specialist", "hr"),
            new("process-engineer", "流程工程师 / Process engineer", "it"),
            new("logistics-manager", "物流经理 / Logistics manager", "sales"),
            new("technician", "维修技师 / Maintenance technician", "maintenance"),
            new("facilities-coordinator", "行政专员 / Facilities coordinator", "facilities"),
        ],
        Users =
        [
            new("chen.jie", "陈杰") { DepartmentId = "hq", PositionId = "general-manager", Email = "chen.jie@example.com" },
            new("admin", "系统管理员 Admin") { DepartmentId = "it", Roles = [Roles.Administrator], ManagerUserName = "chen.jie", Email = "admin@example.com" },
            new("designer", "流程设计师 Designer") { DepartmentId = "it", PositionId = "process-engineer", Roles = [Roles.Designer], ManagerUserName = "admin", Email = "designer@example.com" },
            new("operator", "运维 Operator") { DepartmentId = "it", Roles = [Roles.Operator], ManagerUserName = "admin", Email = "operator@example.com" },
            new("li.na", "李娜") { DepartmentId = "purchasing", PositionId = "purchasing-manager", ManagerUserName = "chen.jie", Email = "li.na@example.com" },
            new("zhang.wei", "张伟") { DepartmentId = "purchasing", PositionId = "buyer", ManagerUserName = "li.na", Email = "zhang.wei@example.com" },
            new("wang.fang", "王芳") { DepartmentId = "finance", PositionId = "finance-manager", Roles = ["Finance"], ManagerUserName = "chen.jie", Email = "wang.fang@example.com" },
            new("zhao.lei", "赵磊") { DepartmentId = "hr", PositionId = "hr-specialist", Roles = ["HR"], ManagerUserName = "chen.jie", Email = "zhao.lei@example.com" },
            new("zhou.min", "周敏") { DepartmentId = "sales", PositionId = "logistics-manager", Roles = ["Logistics"], ManagerUserName = "chen.jie", Email = "zhou.min@example.com" },
            new("wu.gang", "吴刚") { DepartmentId = "maintenance", PositionId = "technician", Roles = ["Maintenance"], ManagerUserName = "chen.jie", Email = "wu.gang@example.com" },
            new("zheng.hao", "郑浩") { DepartmentId = "maintenance", PositionId = "technician", Roles = ["Maintenance"], ManagerUserName = "wu.gang", Email = "zheng.hao@example.com" },
            new("qian.jun", "钱军") { DepartmentId = "facilities", PositionId = "facilities-coordinator", Roles = ["Facilities"], ManagerUserName = "chen.jie", Email = "qian.jun@example.com" },
        ],
    };

    public static string Describe() => "admin (Administrator), designer (Designer), operator (Operator), zhang.wei (buyer), li.na (purchasing manager), wang.fang (finance), chen.jie (general manager), zhao.lei (HR), zhou.min (logistics), wu.gang and zheng.hao (maintenance), qian.jun (facilities)";
}
