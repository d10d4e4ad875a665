namespace FlowCenter.Engine.Execution;

public enum JoinMode
{
    /// <summary>Fires when a token has arrived on every incoming connection (a parallel join).</summary>
    All,

    /// <summary>Fires on the first arrival; later arrivals of the same round end there.</summary>
    Any,

    /// <summary>Fires when tokens have arrived on N incoming connections.</summary>
    Count,

    /// <summary>Fires when no other live path can still arrive (the inclusive merge).</summary>
    Inclusive,
}
