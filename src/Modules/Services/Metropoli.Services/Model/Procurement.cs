using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Services.Model;

/// <summary>A procurement procedure run by the Stazione Unica Appaltante for one or more Comuni (D.Lgs. 36/2023): object,
/// CUP and CIGs, amount, procedure type and award criterion, the dates of its phases in order
/// (<see cref="Procurements.ProcurementPhases"/>), bids, award and winner, and the record of the certified platform
/// (Sintel), which Metropoli does not replace. Award data are public.</summary>
public sealed class Procurement : IVersioned
{
    public long Id { get; set; }
    public long ServiceId { get; set; }
    /// <summary>The request it came from, when a Comune asked through the desk.</summary>
    public long? RequestId { get; set; }
    public string Object { get; set; } = "";
    public string? Cup { get; set; }
    /// <summary>The CIGs, comma-separated (one per lot).</summary>
    public string Cigs { get; set; } = "";
    /// <summary>The base amount in euro, VAT excluded.</summary>
    public decimal Amount { get; set; }
    /// <summary>One of <see cref="ProcedureTypes"/>.</summary>
    public string ProcedureType { get; set; } = ProcedureTypes.Open;
    /// <summary>One of <see cref="AwardCriteria"/>.</summary>
    public string AwardCriterion { get; set; } = AwardCriteria.LowestPrice;
    public DateOnly RequestedOn { get; set; }
    public DateOnly? DecisionOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? BidsReceivedOn { get; set; }
    public DateOnly? AwardedOn { get; set; }
    public DateOnly? ContractSignedOn { get; set; }
    public int? BidsCount { get; set; }
    public decimal? AwardValue { get; set; }
    /// <summary>The winner's fiscal code or VAT number.</summary>
    public string? WinnerTaxCode { get; set; }
    public string? WinnerName { get; set; }
    /// <summary>The procedure on the certified e-procurement platform (Sintel).</summary>
    public string? PlatformUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The Comuni a procedure serves.</summary>
public sealed class ProcurementMunicipality
{
    public long ProcurementId { get; set; }
    public string IstatCode { get; set; } = "";
}

/// <summary>The procedures of the code of public contracts (D.Lgs. 36/2023, artt. 50, 71, 72, 76…).</summary>
public static class ProcedureTypes
{
    public const string DirectAward = "affidamento-diretto";
    public const string NegotiatedWithoutNotice = "procedura-negoziata-senza-bando";
    public const string Open = "procedura-aperta";
    public const string Restricted = "procedura-ristretta";
    public const string CompetitiveNegotiated = "procedura-competitiva-con-negoziazione";
    public const string CompetitiveDialogue = "dialogo-competitivo";

    public static readonly IReadOnlyList<string> All = [DirectAward, NegotiatedWithoutNotice, Open, Restricted, CompetitiveNegotiated, CompetitiveDialogue];

    public static string Label(string code) => code switch
    {
        DirectAward => "Affidamento diretto",
        NegotiatedWithoutNotice => "Procedura negoziata senza bando",
        Open => "Procedura aperta",
        Restricted => "Procedura ristretta",
        CompetitiveNegotiated => "Procedura competitiva con negoziazione",
        CompetitiveDialogue => "Dialogo competitivo",
        _ => code,
    };
}

public static class AwardCriteria
{
    public const string LowestPrice = "minor-prezzo";
    public const string BestValue = "offerta-economicamente-piu-vantaggiosa";

    public static readonly IReadOnlyList<string> All = [LowestPrice, BestValue];

    public static string Label(string code) => code == BestValue ? "Offerta economicamente più vantaggiosa" : "Minor prezzo";
}

internal sealed class ProcurementConfiguration : IEntityTypeConfiguration<Procurement>
{
    public void Configure(EntityTypeBuilder<Procurement> b)
    {
        b.ToTable("services_procurements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Object).HasMaxLength(500);
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.Cigs).HasMaxLength(500);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.AwardValue).HasPrecision(18, 2);
        b.Property(x => x.ProcedureType).HasMaxLength(48);
        b.Property(x => x.AwardCriterion).HasMaxLength(48);
        b.Property(x => x.WinnerTaxCode).HasMaxLength(16);
        b.Property(x => x.WinnerName).HasMaxLength(300);
        b.Property(x => x.PlatformUrl).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ServiceId);
        b.HasIndex(x => x.RequestId);
        // The lists' order (latest request first): a page is read from the index, not sorted from the whole table.
        b.HasIndex(x => new { x.RequestedOn, x.Id });
        b.HasOne<SharedService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcurementMunicipalityConfiguration : IEntityTypeConfiguration<ProcurementMunicipality>
{
    public void Configure(EntityTypeBuilder<ProcurementMunicipality> b)
    {
        b.ToTable("services_procurement_municipalities");
        b.HasKey(x => new { x.ProcurementId, x.IstatCode });
        b.Property(x => x.IstatCode).HasMaxLength(6);
        // A Comune's (or a zone's) procedures from its side: the procedure ids are in the index (covering).
        b.HasIndex(x => new { x.IstatCode, x.ProcurementId });
        b.HasOne<Procurement>().WithMany().HasForeignKey(x => x.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(ProcurementMunicipality.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}
