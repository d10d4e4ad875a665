namespace FlowCenter.Runtime.Connections;

/// <summary>Encrypts secrets for storage and decrypts them for use (ASP.NET Core Data Protection in a FlowCenter node).</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
