namespace FlowCenter.Runtime.Organization;

/// <summary>A change to the organisation that cannot be made, with every reason found.</summary>
public sealed class OrganizationException : Exception
{
    public OrganizationException()
    {
    }

    public OrganizationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public OrganizationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public OrganizationException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
