using Metropoli.StrategicPlan.Contracts;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Agreements.Model;

/// <summary>An agreement of the "sistema delle intese": an intesa quadro, a convenzione, an accordo,
/// a protocollo, a patto… with its parties, obligations, documents and governance. Its status moves
/// only through <see cref="AgreementTransitions"/>.</summary>
public sealed class Agreement : IVersioned
{
    public long Id { get; set; }
    /// <summary>The register number given by the metropolitan city (e.g. "INT-2024/003"); unique when set.</summary>
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>One of <see cref="AgreementTypes"/>.</summary>
    public string Type { get; set; } = AgreementTypes.Protocol;
    public string? Subject { get; set; }
    public string? LegalBasis { get; set; }
    public string? ApprovalActBody { get; set; }
    public string? ApprovalActNumber { get; set; }
    public DateOnly? ApprovalActDate { get; set; }
    public DateOnly? SignatureDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    /// <summary>The duration in months when the text states one; with an effective date and no expiry
    /// date, the expiry date is derived from it.</summary>
    public int? DurationMonths { get; set; }
    /// <summary>Tacit renewal: at expiry the expiry job extends the agreement by its duration instead of expiring it.</summary>
    public bool AutoRenewal { get; set; }
    /// <summary>Economic value in euro, if any.</summary>
    public decimal? Value { get; set; }
    public string? Funding { get; set; }
    /// <summary>One of <see cref="AgreementVisibility"/>.</summary>
    public string Visibility { get; set; } = AgreementVisibility.Public;
    /// <summary>One of <see cref="AgreementStatuses"/>.</summary>
    public string Status { get; set; } = AgreementStatuses.Proposal;
    /// <summary>The sector of the metropolitan city that follows the agreement (receives its alerts).</summary>
    public string? OwnerSector { get; set; }
    /// <summary>Days before expiry and due dates at which alerts go out; null uses the configured default.</summary>
    public int? AlertDays { get; set; }
    /// <summary>The agreement this one renews.</summary>
    public long? PredecessorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class AgreementTypes
{
    public const string FrameworkAgreement = "framework-agreement";
    public const string FrameworkConvention = "framework-convention";
    public const string ProgrammeAgreement = "programme-agreement";
    public const string CollaborationAgreement = "collaboration-agreement";
    public const string Convention = "convention";
    public const string Protocol = "protocol";
    public const string Pact = "pact";
    public const string Avvalimento = "avvalimento";
    public const string TerritorialInvestment = "territorial-investment";

    public static readonly IReadOnlyList<string> All =
        [FrameworkAgreement, FrameworkConvention, ProgrammeAgreement, CollaborationAgreement, Convention, Protocol, Pact, Avvalimento, TerritorialInvestment];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        FrameworkAgreement => "Intesa quadro",
        FrameworkConvention => "Convenzione quadro",
        ProgrammeAgreement => "Accordo di programma",
        CollaborationAgreement => "Accordo di collaborazione (art. 15 L. 241/1990)",
        Convention => "Convenzione (art. 30 TUEL)",
        Protocol => "Protocollo d'intesa",
        Pact => "Patto",
        Avvalimento => "Avvalimento",
        TerritorialInvestment => "Progetto di investimento territoriale (Smart Land)",
        _ => code,
    };
}

public static class AgreementVisibility
{
    public const string Public = "public";
    public const string Restricted = "restricted";

    public static readonly IReadOnlyList<string> All = [Public, Restricted];

    public static string Label(string code) => code == Restricted ? "riservata" : "pubblica";
}

/// <summary>The life of an agreement: proposal → under review → approved → signed → in force →
/// concluded | expired, or withdrawn at any point before its end (see ADR 13).</summary>
public static class AgreementStatuses
{
    public const string Proposal = "proposal";
    public const string UnderReview = "under-review";
    public const string Approved = "approved";
    public const string Signed = "signed";
    public const string InForce = "in-force";
    public const string Concluded = "concluded";
    public const string Expired = "expired";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Proposal, UnderReview, Approved, Signed, InForce, Concluded, Expired, Withdrawn];

    /// <summary>The statuses of the public register (with public visibility): in force and ended.</summary>
    public static readonly IReadOnlyList<string> Published = [InForce, Concluded, Expired];

    /// <summary>Drafts: never public, whatever the visibility.</summary>
    public static readonly IReadOnlyList<string> Drafts = [Proposal, UnderReview, Approved];

    public static readonly IReadOnlyList<string> Final = [Concluded, Expired, Withdrawn];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Proposal => "proposta",
        UnderReview => "in istruttoria",
        Approved => "approvata",
        Signed => "sottoscritta",
        InForce => "in vigore",
        Concluded => "conclusa",
        Expired => "scaduta",
        Withdrawn => "ritirata",
        _ => code,
    };

    public static string Badge(string code) => code switch
    {
        InForce => "bg-success",
        Signed or Approved => "bg-primary",
        Proposal or UnderReview => "bg-warning text-dark",
        Expired or Withdrawn => "bg-danger",
        _ => "bg-secondary",
    };
}

/// <summary>A step of an agreement's life: from, to, who and why. The audit trail has the same facts;
/// this table makes them a readable history of the agreement.</summary>
public sealed class AgreementStatusChange
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public string FromStatus { get; set; } = "";
    public string ToStatus { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>The user's e-mail, or "sistema" for the jobs.</summary>
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAt { get; set; }
}

/// <summary>Themes of an agreement, Comuni and zones it concerns, and the plan objectives and actions it implements.</summary>
public sealed class AgreementThemeLink
{
    public long AgreementId { get; set; }
    public string ThemeCode { get; set; } = "";
}

public sealed class AgreementMunicipality
{
    public long AgreementId { get; set; }
    public string IstatCode { get; set; } = "";
}

public sealed class AgreementZone
{
    public long AgreementId { get; set; }
    public string ZoneCode { get; set; } = "";
}

public sealed class AgreementObjective
{
    public long AgreementId { get; set; }
    public long ObjectiveId { get; set; }
}

public sealed class AgreementAction
{
    public long AgreementId { get; set; }
    public long ActionId { get; set; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("agreement_agreements");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(50);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Type).HasMaxLength(32);
        b.Property(a => a.Subject).HasMaxLength(4000);
        b.Property(a => a.LegalBasis).HasMaxLength(500);
        b.Property(a => a.ApprovalActBody).HasMaxLength(200);
        b.Property(a => a.ApprovalActNumber).HasMaxLength(50);
        b.Property(a => a.Value).HasPrecision(18, 2);
        b.Property(a => a.Funding).HasMaxLength(500);
        b.Property(a => a.Visibility).HasMaxLength(16);
        b.Property(a => a.Status).HasMaxLength(16);
        b.Property(a => a.OwnerSector).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => a.Status);
        b.HasIndex(a => a.ExpiryDate);
        b.HasIndex(a => a.PredecessorId);
        // One renewal in progress or registered per agreement (a withdrawn one does not count), held by the database (docs/adr/0031).
        b.HasIndex(a => a.PredecessorId, "IX_agreement_agreements_one_renewal").IsUnique()
            .HasFilter("\"PredecessorId\" IS NOT NULL AND \"Status\" <> 'withdrawn'");
        b.HasOne<Agreement>().WithMany().HasForeignKey(a => a.PredecessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementStatusChangeConfiguration : IEntityTypeConfiguration<AgreementStatusChange>
{
    public void Configure(EntityTypeBuilder<AgreementStatusChange> b)
    {
        b.ToTable("agreement_status_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.FromStatus).HasMaxLength(16);
        b.Property(x => x.ToStatus).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.HasIndex(x => x.AgreementId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementThemeLinkConfiguration : IEntityTypeConfiguration<AgreementThemeLink>
{
    public void Configure(EntityTypeBuilder<AgreementThemeLink> b)
    {
        b.ToTable("agreement_agreement_themes");
        b.HasKey(x => new { x.AgreementId, x.ThemeCode });
        b.Property(x => x.ThemeCode).HasMaxLength(64);
        b.HasIndex(x => x.ThemeCode);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgreementTheme>().WithMany().HasForeignKey(x => x.ThemeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementMunicipalityConfiguration : IEntityTypeConfiguration<AgreementMunicipality>
{
    public void Configure(EntityTypeBuilder<AgreementMunicipality> b)
    {
        b.ToTable("agreement_municipalities");
        b.HasKey(x => new { x.AgreementId, x.IstatCode });
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => x.IstatCode);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(AgreementMunicipality.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementZoneConfiguration : IEntityTypeConfiguration<AgreementZone>
{
    public void Configure(EntityTypeBuilder<AgreementZone> b)
    {
        b.ToTable("agreement_zones");
        b.HasKey(x => new { x.AgreementId, x.ZoneCode });
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.HasIndex(x => x.ZoneCode);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.ZoneEntity), null).WithMany().HasForeignKey(nameof(AgreementZone.ZoneCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementObjectiveConfiguration : IEntityTypeConfiguration<AgreementObjective>
{
    public void Configure(EntityTypeBuilder<AgreementObjective> b)
    {
        b.ToTable("agreement_objectives");
        b.HasKey(x => new { x.AgreementId, x.ObjectiveId });
        b.HasIndex(x => x.ObjectiveId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ObjectiveEntity), null).WithMany().HasForeignKey(nameof(AgreementObjective.ObjectiveId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementActionConfiguration : IEntityTypeConfiguration<AgreementAction>
{
    public void Configure(EntityTypeBuilder<AgreementAction> b)
    {
        b.ToTable("agreement_actions");
        b.HasKey(x => new { x.AgreementId, x.ActionId });
        b.HasIndex(x => x.ActionId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ActionEntity), null).WithMany().HasForeignKey(nameof(AgreementAction.ActionId)).OnDelete(DeleteBehavior.Restrict);
    }
}
