using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Funding.Model;

/// <summary>An application of a lead Comune (with partner Comuni) to a call. Its status moves only through
/// <see cref="Applications.ApplicationTransitions"/>, each move with its reason in <see cref="FundingApplicationStatusChange"/>.</summary>
public sealed class FundingApplication : IVersioned
{
    public long Id { get; set; }
    public long CallId { get; set; }
    public string LeadIstat { get; set; } = "";
    public string Title { get; set; } = "";
    public decimal RequestedAmount { get; set; }
    /// <summary>What the applicant asks of the Città metropolitana (technical support, project office, procurement).</summary>
    public string? SupportRequested { get; set; }
    /// <summary>The zone whose coordinator assembled the partnership (its Comuni only); null for a Comune's own application.</summary>
    public string? CoordinatorZone { get; set; }
    /// <summary>The project the application became when funded (its CUP).</summary>
    public string? ProjectCup { get; set; }
    /// <summary>One of <see cref="ApplicationStatuses"/>.</summary>
    public string Status { get; set; } = ApplicationStatuses.Draft;
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public sealed class FundingApplicationPartner
{
    public long ApplicationId { get; set; }
    public string IstatCode { get; set; } = "";
}

/// <summary>A partner of the application that is not a Comune: an organisation of the Territory registry.</summary>
public sealed class FundingApplicationOrganisation
{
    public long ApplicationId { get; set; }
    public long OrganisationId { get; set; }
}

/// <summary>A document of an application, stored under the evidence rules (type, size, content, SHA-256).</summary>
public sealed class FundingApplicationDocument
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

public sealed class FundingApplicationStatusChange
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public string FromStatus { get; set; } = "";
    public string ToStatus { get; set; } = "";
    public string? Reason { get; set; }
    public string? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}

public static class ApplicationStatuses
{
    public const string Draft = "draft", Submitted = "submitted", Admitted = "admitted", Funded = "funded", NotFunded = "not-funded", Withdrawn = "withdrawn";
    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Admitted, Funded, NotFunded, Withdrawn];
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
    public static string Label(string code) => code switch
    {
        Draft => "Bozza", Submitted => "Presentata", Admitted => "Ammessa", Funded => "Finanziata", NotFunded => "Non finanziata", Withdrawn => "Ritirata", _ => code,
    };
    public static string Badge(string code) => code switch
    {
        Funded => "bg-success", Submitted or Admitted => "bg-primary", Draft => "bg-secondary", _ => "bg-dark",
    };
}

internal sealed class FundingApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> b)
    {
        b.ToTable("funding_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.LeadIstat).HasMaxLength(6);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.RequestedAmount).HasPrecision(18, 2);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SupportRequested).HasMaxLength(2000);
        b.Property(x => x.CoordinatorZone).HasMaxLength(64);
        b.Property(x => x.ProjectCup).HasMaxLength(15);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CallId);
        b.HasIndex(x => x.LeadIstat);
        b.HasOne<FundingCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(Metropoli.Territory.Contracts.TerritoryContract.MunicipalityEntity), null).WithMany()
            .HasForeignKey(nameof(FundingApplication.LeadIstat)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingApplicationPartnerConfiguration : IEntityTypeConfiguration<FundingApplicationPartner>
{
    public void Configure(EntityTypeBuilder<FundingApplicationPartner> b)
    {
        b.ToTable("funding_application_partners");
        b.HasKey(x => new { x.ApplicationId, x.IstatCode });
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => x.IstatCode);
        b.HasOne<FundingApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(Metropoli.Territory.Contracts.TerritoryContract.MunicipalityEntity), null).WithMany()
            .HasForeignKey(nameof(FundingApplicationPartner.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingApplicationStatusChangeConfiguration : IEntityTypeConfiguration<FundingApplicationStatusChange>
{
    public void Configure(EntityTypeBuilder<FundingApplicationStatusChange> b)
    {
        b.ToTable("funding_application_status_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.FromStatus).HasMaxLength(16);
        b.Property(x => x.ToStatus).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<FundingApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingApplicationOrganisationConfiguration : IEntityTypeConfiguration<FundingApplicationOrganisation>
{
    public void Configure(EntityTypeBuilder<FundingApplicationOrganisation> b)
    {
        b.ToTable("funding_application_organisations");
        b.HasKey(x => new { x.ApplicationId, x.OrganisationId });
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<FundingApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(Metropoli.Territory.Contracts.TerritoryContract.OrganisationEntity), null).WithMany()
            .HasForeignKey(nameof(FundingApplicationOrganisation.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingApplicationDocumentConfiguration : IEntityTypeConfiguration<FundingApplicationDocument>
{
    public void Configure(EntityTypeBuilder<FundingApplicationDocument> b)
    {
        b.ToTable("funding_application_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.StoredName).HasMaxLength(100);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => x.ApplicationId);
        b.HasOne<FundingApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
