namespace FlowCenter.Runtime.Organization;

/// <summary>What an organisation import added and updated.</summary>
public sealed record ImportSummary(int Departments, int Positions, int UsersAdded, int UsersUpdated);
