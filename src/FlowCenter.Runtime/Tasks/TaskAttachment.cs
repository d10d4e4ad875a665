namespace FlowCenter.Runtime.Tasks;

/// <summary>A file attached to a case by someone taking part in it.</summary>
public sealed record TaskAttachment(long Id, string InstanceId, string GroupId, string FileName, string ContentType, long Size, string UploadedBy, DateTimeOffset At);
