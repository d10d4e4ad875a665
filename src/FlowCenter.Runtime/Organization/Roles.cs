namespace FlowCenter.Runtime.Organization;

/// <summary>The roles FlowCenter itself knows; an organisation may add its own for task assignment.</summary>
public static class Roles
{
    /// <summary>Manages users, the organisation, connections and everything else.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Draws, imports and publishes processes.</summary>
    public const string Designer = "Designer";

    /// <summary>Watches instances and handles their incidents.</summary>
    public const string Operator = "Operator";

    /// <summary>For role lists (<c>[Authorize(Roles = ...)]</c>): who may design processes.</summary>
    public const string DesignerOrAdministrator = Designer + "," + Administrator;

    /// <summary>For role lists: who may operate instances.</summary>
    public const string OperatorOrAdministrator = Operator + "," + Administrator;

    public static IReadOnlyList<string> BuiltIn { get; } = [Administrator, Designer, Operator];
}
