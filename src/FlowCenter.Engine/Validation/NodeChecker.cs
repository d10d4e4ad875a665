using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Engine.Validation;

/// <summary>The rules of one node: its type, inputs, waiting settings and retry policy.</summary>
internal sealed class NodeChecker(NodeDefinition node, ActivityDescriptor? descriptor, WorkflowDefinition definition, List<ValidationProblem> problems, ExpressionEvaluators evaluators)
{
    public void Check()
    {
        if (descriptor is null)
        {
            Error(ProblemCodes.UnknownActivity, $"unknown activity type '{node.Type}'", node.Type);
            return;
        }

        foreach (var (name, value) in node.Inputs)
        {
            CheckInput(name, value);
        }

        foreach (var input in descriptor.Inputs.Where(i => i.Required && i.Default is null && !node.Inputs.ContainsKey(i.Name)))
        {
            Error(ProblemCodes.MissingInput, $"required input '{input.Name}' has no value", input.Name);
        }

        CheckWaiting();
        CheckRetry();
        if (descriptor.Activity is INodeValidator validator)
        {
            validator.Validate(new NodeValidationContext(node, descriptor, definition, problems, evaluators));
        }
    }

    private void CheckInput(string name, InputValue value)
    {
        var input = descriptor!.FindInput(name);
        if (input is null)
        {
            Error(ProblemCodes.UnknownInput, $"{node.Type} has no input '{name}'; its inputs are: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}", "input", name);
            return;
        }

        if (value.Expression is { } expression)
        {
            if (input.LiteralOnly)
            {
                Error(ProblemCodes.LiteralRequired, $"input '{name}' must be a literal value, not an expression", name);
                return;
            }

            WorkflowValidator.CheckExpression(evaluators, expression, ExpressionKind.Value, $"input '{name}'", problems, node.Id, null);
            return;
        }

        if (value.Literal is null && input.Required && input.Default is null)
        {
            Error(ProblemCodes.MissingInput, $"required input '{name}' has no value", name);
        }
        else if (JsonValues.CheckType(input.Type, value.Literal) is { } problem)
        {
            Error(ProblemCodes.WrongInputType, $"input '{name}': {problem}", "input", name);
        }
        else if (input.Choices is { } choices && JsonValues.ToText(value.Literal) is { } text && !choices.Contains(text))
        {
            Error(ProblemCodes.WrongInputType, $"input '{name}': '{text}' is not one of {string.Join(", ", choices)}", name, text, string.Join(", ", choices));
        }
        else if (input.Type == DataType.Script && JsonValues.ToText(value.Literal) is { } source)
        {
            WorkflowValidator.CheckExpression(evaluators, WorkflowExpression.Js(source), ExpressionKind.Script, $"input '{name}'", problems, node.Id, null);
        }
    }

    private void CheckWaiting()
    {
        if ((node.Timeout is not null || node.Reminder is not null || node.Events is { Count: > 0 }) && !descriptor!.CanWait)
        {
            Error(ProblemCodes.InvalidSetting, $"{node.Type} does not wait, so it cannot have a timeout, reminder or events to listen for", "noWait");
        }

        CheckListeners();

        if (node.Timeout is { } timeout && !JsonValues.TryParseDuration(timeout, out _))
        {
            Error(ProblemCodes.InvalidSetting, $"timeout \"{timeout}\" is not a duration such as \"PT30M\"", "timeout", timeout);
        }

        if (node.Reminder is { } reminder && (!JsonValues.TryParseDuration(reminder.Interval, out var interval) || interval <= TimeSpan.Zero))
        {
            Error(ProblemCodes.InvalidSetting, $"reminder interval \"{reminder.Interval}\" is not a positive duration such as \"PT4H\"", "reminder", reminder.Interval);
        }

        var outgoing = definition.Connections.Where(c => c.Source == node.Id).ToList();
        if (node.Timeout is null && outgoing.Any(c => c.SourcePort == Ports.Timeout))
        {
            Warning(ProblemCodes.UnusedPort, "the timeout port is connected but the node has no timeout", Ports.Timeout);
        }

        if (node.Reminder is null && outgoing.Any(c => c.SourcePort == Ports.Reminder))
        {
            Warning(ProblemCodes.UnusedPort, "the reminder port is connected but the node has no reminder", Ports.Reminder);
        }
    }

    private void CheckListeners()
    {
        var ports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listener in node.Events ?? [])
        {
            if (string.IsNullOrWhiteSpace(listener.Event))
            {
                Error(ProblemCodes.InvalidSetting, $"an event listener (port '{listener.Port}') names no event", "listenerEvent", listener.Port);
            }

            if (string.IsNullOrWhiteSpace(listener.Port))
            {
                Error(ProblemCodes.InvalidSetting, $"the listener for the event '{listener.Event}' has no port", "listenerPort", listener.Event);
            }
            else if (!ports.Add(listener.Port) || descriptor!.PortsOf(new NodeDefinition { Type = node.Type, Inputs = node.Inputs }).Contains(listener.Port))
            {
                Error(ProblemCodes.InvalidSetting, $"the listener for the event '{listener.Event}' leaves by port '{listener.Port}', which the step already has", "listenerPortTaken", listener.Event, listener.Port);
            }

            if (listener.CorrelationKey is { Source.Length: > 0 } key)
            {
                WorkflowValidator.CheckExpression(evaluators, key, ExpressionKind.Value, "correlation key", problems, node.Id, null);
            }
        }
    }

    private void CheckRetry()
    {
        if (node.Retry is not { } retry)
        {
            return;
        }

        if (retry.MaxAttempts < 1)
        {
            Error(ProblemCodes.InvalidSetting, "retry.maxAttempts must be at least 1", "retryAttempts");
        }

        foreach (var (field, text) in new[] { ("delay", retry.Delay), ("maxDelay", retry.MaxDelay) })
        {
            if (text is not null && !JsonValues.TryParseDuration(text, out _))
            {
                Error(ProblemCodes.InvalidSetting, $"retry.{field} \"{text}\" is not a duration such as \"PT10S\"", "retryDuration", text);
            }
        }
    }

    private void Error(string code, string message, params string[] arguments) => problems.Add(new(ProblemSeverity.Error, code, message, node.Id) { Arguments = arguments });

    private void Warning(string code, string message, params string[] arguments) => problems.Add(new(ProblemSeverity.Warning, code, message, node.Id) { Arguments = arguments });
}
