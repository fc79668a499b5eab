using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Metropoli.Platform.Audit;

namespace Metropoli.Platform.Security;

/// <summary>The certificate that encrypts the Data Protection keys at rest (issue 18, point 19; docs/adr/0029). The keys
/// sign and encrypt session cookies, antiforgery tokens and the 2FA state and live in the database so that every
/// instance shares them; unencrypted, a copy of the database was enough to forge a session. The certificate is a PKCS#12
/// file outside the database: <c>Security:DataProtectionCertificate</c> (with <c>Security:DataProtectionCertificatePassword</c>
/// if it has one), by default <c>{Database:DataFolder}/keys/data-protection.pfx</c>. A missing file is created once
/// (a self-signed RSA certificate, readable by the app's user only); instances on other machines must be given the same
/// file, and a backup of the database is useless without it.</summary>
public static class DataProtectionCertificate
{
    public static X509Certificate2 Load(IConfiguration config, IHostEnvironment env)
    {
        var dataFolder = Path.Combine(env.ContentRootPath, config["Database:DataFolder"] is { Length: > 0 } d ? d : "data");
        var path = Path.GetFullPath(config["Security:DataProtectionCertificate"] is { Length: > 0 } p
            ? Path.Combine(env.ContentRootPath, p)
            : Path.Combine(dataFolder, "keys", "data-protection.pfx"));
        var password = config["Security:DataProtectionCertificatePassword"];
        var bytes = KeyFiles.ReadOrCreate(path, () => Create(password));
        try
        {
            return X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"Security:DataProtectionCertificate = {path}: il certificato non si apre ({e.Message}). "
                + "Serve un file PKCS#12 con la chiave privata (e Security:DataProtectionCertificatePassword se ha una password).", e);
        }
    }

    private static byte[] Create(string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Metropoli Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        return certificate.Export(X509ContentType.Pkcs12, password);
    }
}
