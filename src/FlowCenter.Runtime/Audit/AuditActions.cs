namespace FlowCenter.Runtime.Audit;

/// <summary>The actions the audit log records, by name.</summary>
public static class AuditActions
{
    public const string SignIn = "signin.success";
    public const string SignInFailed = "signin.failure";
    public const string DefinitionSaved = "definition.save";
    public const string DefinitionPublished = "definition.publish";
    public const string DefinitionRetracted = "definition.retract";
    public const string DefinitionImported = "definition.import";
    public const string DefinitionDeleted = "definition.delete";
    public const string InstanceStarted = "instance.start";
    public const string InstanceCancelled = "instance.cancel";

    public const string InstanceSuspended = "instance.suspend";

    public const string InstanceResumed = "instance.resume";

    public const string InstanceModified = "instance.modify";

    public const string BatchStarted = "instance.batch";

    public const string AlertRuleSaved = "alert.rule";

    public const string AlertRuleDeleted = "alert.rule-delete";

    public const string AlertAcknowledged = "alert.acknowledge";
    public const string BookmarkResumed = "instance.resume";
    public const string IncidentRetried = "incident.retry";
    public const string IncidentSkipped = "incident.skip";
    public const string EventPublished = "event.publish";
    public const string TaskAction = "task.";
    public const string OrganizationChanged = "organization.";
    public const string ConnectionSaved = "connection.save";
    public const string ConnectionDeleted = "connection.delete";
    public const string TokenCreated = "token.create";
    public const string TokenRevoked = "token.revoke";
    public const string DelegationAdded = "delegation.add";
    public const string DelegationDeleted = "delegation.delete";
}
