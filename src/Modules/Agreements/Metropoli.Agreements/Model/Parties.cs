using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Agreements.Model;

/// <summary>An organisation of the registry taking part in an agreement, with its role. One role per
/// organisation per agreement.</summary>
public sealed class AgreementParty : IVersioned
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long OrganisationId { get; set; }
    /// <summary>One of <see cref="PartyRoles"/>.</summary>
    public string Role { get; set; } = PartyRoles.Signatory;
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class PartyRoles
{
    public const string Promoter = "promoter";
    public const string Signatory = "signatory";
    public const string Adherent = "adherent";
    public const string Lead = "lead";

    public static readonly IReadOnlyList<string> All = [Promoter, Lead, Signatory, Adherent];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Promoter => "Promotore",
        Signatory => "Firmatario",
        Adherent => "Aderente",
        Lead => "Capofila",
        _ => code,
    };
}

/// <summary>What a party owes by a date (an obligation) or a step to reach (a milestone), with its
/// status and the evidence of its fulfilment. Open and past due means overdue.</summary>
public sealed class AgreementObligation : IVersioned
{
    public long Id { get; set; }
    public long AgreementId { get; set; }
    public long PartyId { get; set; }
    /// <summary>obligation or milestone.</summary>
    public string Kind { get; set; } = ObligationKinds.Obligation;
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>One of <see cref="ObligationStatuses"/>.</summary>
    public string Status { get; set; } = ObligationStatuses.Open;
    public DateOnly? CompletedOn { get; set; }
    public string? EvidenceNote { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class ObligationKinds
{
    public const string Obligation = "obligation";
    public const string Milestone = "milestone";

    public static readonly IReadOnlyList<string> All = [Obligation, Milestone];

    public static string Label(string code) => code == Milestone ? "traguardo" : "obbligo";
}

public static class ObligationStatuses
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Waived = "waived";

    public static readonly IReadOnlyList<string> All = [Open, Done, Waived];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Open => "da adempiere",
        Done => "adempiuto",
        Waived => "non più dovuto",
        _ => code,
    };

    public static bool IsOverdue(string status, DateOnly due, DateOnly today) => status == Open && due < today;
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.ToTable("agreement_parties");
        b.HasKey(x => x.Id);
        b.Property(x => x.Role).HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AgreementId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(AgreementParty.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementObligationConfiguration : IEntityTypeConfiguration<AgreementObligation>
{
    public void Configure(EntityTypeBuilder<AgreementObligation> b)
    {
        b.ToTable("agreement_obligations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.EvidenceNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.AgreementId);
        b.HasIndex(x => x.PartyId);
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AgreementParty>().WithMany().HasForeignKey(x => x.PartyId).OnDelete(DeleteBehavior.Restrict);
    }
}
