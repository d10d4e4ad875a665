namespace FlowCenter.Persistence.Records;

public sealed class AttachmentRecord
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string GroupId { get; set; } = "";

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public byte[] Content { get; set; } = [];
}
