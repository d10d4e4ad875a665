namespace FlowCenter.Engine.Validation;

/// <summary>Stable codes of validation problems, for tools and tests.</summary>
public static class ProblemCodes
{
    public const string MissingId = "MissingId";
    public const string DuplicateId = "DuplicateId";
    public const string UnknownActivity = "UnknownActivity";
    public const string UnknownInput = "UnknownInput";
    public const string MissingInput = "MissingInput";
    public const string WrongInputType = "WrongInputType";
    public const string LiteralRequired = "LiteralRequired";
    public const string ExpressionSyntax = "ExpressionSyntax";
    public const string UnknownLanguage = "UnknownLanguage";
    public const string DanglingConnection = "DanglingConnection";
    public const string UnknownPort = "UnknownPort";
    public const string UnreachableNode = "UnreachableNode";
    public const string NoStartNode = "NoStartNode";
    public const string TriggerWithIncoming = "TriggerWithIncoming";
    public const string InvalidSetting = "InvalidSetting";
    public const string MissingCondition = "MissingCondition";
    public const string UnusedPort = "UnusedPort";
    public const string NoAssignee = "NoAssignee";
    public const string SeveralStarts = "SeveralStarts";
}
