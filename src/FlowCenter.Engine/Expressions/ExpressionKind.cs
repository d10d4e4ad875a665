namespace FlowCenter.Engine.Expressions;

public enum ExpressionKind
{
    /// <summary>A single expression whose value is the result, such as <c>order.amount &gt; 1000</c>.</summary>
    Value,

    /// <summary>Statements run as a function body; <c>return</c> gives the result.</summary>
    Script,
}
