using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace FlowCenter.Server.Security;

/// <summary>
/// The Data Protection keys (sign-in cookies, anti-forgery tokens, the connections' secrets) are kept in the
/// database, so every node shares them. With <c>FlowCenter:Security:DataProtectionCertificate</c> (a PFX file,
/// and <c>DataProtectionCertificatePassword</c>) each key is encrypted with that certificate; without one the
/// keys are protected by the database's own access rules only, which the log says once at start-up instead of
/// the framework's warning for every key.
/// </summary>
public static partial class KeyProtection
{
    public const string CertificateSetting = "FlowCenter:Security:DataProtectionCertificate";

    public const string PasswordSetting = "FlowCenter:Security:DataProtectionCertificatePassword";

    public static WebApplicationBuilder AddFlowCenterKeyProtection(this WebApplicationBuilder builder)
    {
        var path = builder.Configuration[CertificateSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
            builder.Services.AddHostedService<UnencryptedKeysNotice>();
            return builder;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificateSetting}: the certificate file '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration[PasswordSetting]);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificateSetting}: '{path}' has no private key; the keys could not be read back.");
        }

        builder.Services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        return builder;
    }

    private sealed partial class UnencryptedKeysNotice(ILogger<UnencryptedKeysNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogUnencrypted(logger, CertificateSetting);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys are kept in the database unencrypted; set {Setting} to a certificate (PFX) to encrypt them")]
        private static partial void LogUnencrypted(ILogger logger, string setting);
    }
}
