using FlowCenter.Runtime.Organization;

namespace FlowCenter.Server.Security;

/// <summary>The authorization policies of pages and endpoints; an Administrator passes every one.</summary>
public static class Policies
{
    public const string Design = "Design";

    public const string Operate = "Operate";

    public const string Administer = "Administer";

    public static readonly string[] DesignRoles = [Roles.Designer, Roles.Administrator];

    public static readonly string[] OperateRoles = [Roles.Operator, Roles.Administrator];
}
