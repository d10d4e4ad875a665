using FlowCenter.Persistence.Records;
using Microsoft.AspNetCore.Identity;

namespace FlowCenter.Server.Security;

/// <summary>
/// A sign-in for a user name that does not exist (or is inactive) still verifies a password hash, so that the time
/// of the answer does not tell which user names exist.
/// </summary>
public sealed class EqualTiming(IPasswordHasher<FlowCenterUser> hasher)
{
    private readonly Lazy<string> _decoy = new(() => hasher.HashPassword(new FlowCenterUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public void SpendAsIfChecking(string password) => hasher.VerifyHashedPassword(new FlowCenterUser(), _decoy.Value, password);
}
