using FlowCenter.Engine.Activities.Flow;
using FlowCenter.Engine.Activities.Primitives;
using FlowCenter.Engine.Activities.Timing;
using FlowCenter.Engine.Activities.Waiting;

namespace FlowCenter.Engine.Activities;

/// <summary>The activities every FlowCenter engine has.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IActivity> Create() =>
    [
        new Start(), new End(), new Terminate(), new Decision(), new Switch(), new Fork(), new Join(), new Inclusive(),
        new ForEach(), new While(), new Break(), new SubProcess(),
        new SetVariable(), new Script(), new Log(), new SetBusinessKey(), new Fail(),
        new Delay(), new Timing.Timer(), new Cron(),
        new WaitEvent(), new EventStart(), new PublishEvent(), new CaseEvent(), new UserTask(),
    ];
}
