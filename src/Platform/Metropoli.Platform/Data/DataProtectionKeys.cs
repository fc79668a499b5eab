using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Data;

/// <summary>The Data Protection key ring (cookies, antiforgery, 2FA) lives in the shared database so that every
/// app instance reads what the others issued. The repository is the package's
/// (<c>PersistKeysToDbContext&lt;AppDbContext&gt;()</c>); its entity is mapped onto the table the hand-written
/// repository used before (same columns: int identity key, FriendlyName, Xml), so existing keys and logins stay valid.
/// Key rows are never copied into the audit trail (<see cref="Audit.AuditRecorder"/>): they hold the key material.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("platform_data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
        b.Property(k => k.Xml).IsRequired();
    }
}
