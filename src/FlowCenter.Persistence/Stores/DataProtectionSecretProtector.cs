using FlowCenter.Runtime.Connections;
using Microsoft.AspNetCore.DataProtection;

namespace FlowCenter.Persistence.Stores;

/// <summary>Secrets encrypted with ASP.NET Core Data Protection; its key ring lives in the FlowCenter database, so every node can read them.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("FlowCenter.Connections.Secrets");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
