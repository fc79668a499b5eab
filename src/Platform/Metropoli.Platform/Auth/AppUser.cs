using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Auth;

/// <summary>A local account. The scopes limit what the user's role reaches: a municipality officer
/// acts for one Comune (ISTAT code), a zone coordinator for one zone, and so on.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? SectorCode { get; set; }
    public string? MunicipalityIstat { get; set; }
    public string? ZoneCode { get; set; }
    public long? OrganisationId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>"it" or "en": the language of the user's e-mails, set when they switch the site's language
    /// (null: Italian).</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>The person's codice fiscale: SPID and CIE sign-in finds the account by it (ADR 0049). Unique when set.</summary>
    public string? FiscalCode { get; set; }

    /// <summary>Set for an account created with a one-time password: the first sign-in leads to the password change.</summary>
    public bool MustChangePassword { get; set; }
}

public sealed class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.SectorCode).HasMaxLength(64);
        b.Property(u => u.MunicipalityIstat).HasMaxLength(6);
        b.Property(u => u.PreferredLanguage).HasMaxLength(8);
        b.Property(u => u.ZoneCode).HasMaxLength(64);
        b.Property(u => u.FiscalCode).HasMaxLength(16);
        b.HasIndex(u => u.FiscalCode).IsUnique();
        // Existing accounts chose their password: the column added by AccountsSessionsAccessLog starts false (ADR 0030).
        b.Property(u => u.MustChangePassword).HasDefaultValue(false);
    }
}
