namespace FlowCenter.Server.Security;

/// <summary>
/// <c>FlowCenter:Security:InitialAdministrator</c>: a user name and password for the first administrator of a new
/// installation (made once, when no administrator exists; change the password after the first sign-in).
/// </summary>
public sealed class InitialAdministratorSettings
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool IsSet => UserName is { Length: > 0 } && Password is { Length: > 0 };
}
