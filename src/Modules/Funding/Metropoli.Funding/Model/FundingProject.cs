using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Funding.Model;

/// <summary>A funded project, known by its CUP (codice unico di progetto): what it is, who runs it, where, and the
/// money of each source (<see cref="FundingLine"/>) that adds up to its total cost.</summary>
public sealed class FundingProject : IVersioned
{
    public string Cup { get; set; } = "";
    public string Title { get; set; } = "";
    public string? NatureCode { get; set; }
    public string? Nature { get; set; }
    public string Programme { get; set; } = FundingProgrammes.Pnrr;
    public string? Mission { get; set; }
    public string? MissionName { get; set; }
    public string? Component { get; set; }
    public string? ComponentName { get; set; }
    public string? Measure { get; set; }
    public string? MeasureName { get; set; }
    public string? Submeasure { get; set; }
    public string? SubmeasureName { get; set; }
    /// <summary>The administration responsible for the measure (amministrazione titolare).</summary>
    public string? Owner { get; set; }
    public string? LocalCode { get; set; }
    /// <summary>The lead body (soggetto programmatore) by codice fiscale and name.</summary>
    public string? LeadTaxCode { get; set; }
    public string? LeadName { get; set; }
    /// <summary>The implementing body (soggetto attuatore).</summary>
    public string? ImplementerTaxCode { get; set; }
    public string? ImplementerName { get; set; }
    public string? BeneficiaryName { get; set; }
    public decimal TotalCost { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Source { get; set; } = "manual";
    /// <summary>The Comune whose municipality officer reports the project's expenditures and progress (ISTAT code).</summary>
    public string? ImplementerIstat { get; set; }
    /// <summary>The application the project comes from, when it was funded here.</summary>
    public long? ApplicationId { get; set; }
    /// <summary>The DUP (Documento unico di programmazione) Missione, two digits ("08"), D.Lgs. 118/2011 schema.</summary>
    public string? DupMission { get; set; }
    /// <summary>The DUP Programma within the Missione, two digits ("01").</summary>
    public string? DupProgramme { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A Comune where a project is, by ISTAT code.</summary>
public sealed class FundingProjectComune
{
    public string Cup { get; set; } = "";
    public string IstatCode { get; set; } = "";
}

/// <summary>The money of one source for a project.</summary>
public sealed class FundingLine
{
    public long Id { get; set; }
    public string Cup { get; set; } = "";
    /// <summary>One of <see cref="FundingSources"/>.</summary>
    public string Source { get; set; } = "";
    public decimal Amount { get; set; }
}

public static class FundingSources
{
    public const string Eu = "eu", Region = "region", Province = "province", Comune = "comune", OtherPublic = "other-public", Private = "private",
        ToFind = "to-find", Pnrr = "pnrr", Pnc = "pnc";
    public static readonly IReadOnlyList<string> All = [Pnrr, Pnc, Eu, Region, Province, Comune, OtherPublic, Private, ToFind];
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    /// <summary>The source of the money a call of <paramref name="programme"/> gives.</summary>
    public static string ForProgramme(string programme) => programme switch
    {
        FundingProgrammes.Pnrr => Pnrr, "fesr" or "fse-plus" => Eu, FundingProgrammes.Regional => Region, FundingProgrammes.Own => Province, _ => OtherPublic,
    };

    public static string Label(string code) => code switch
    {
        Eu => "Unione europea", Region => "Regione", Province => "Provincia", Comune => "Comune", OtherPublic => "Altro pubblico",
        Private => "Privato", ToFind => "Da reperire", Pnrr => "PNRR", Pnc => "Piano nazionale complementare", _ => code,
    };
}

public static class PnrrMissions
{
    public static string Label(string code) => code switch
    {
        "M1" => "M1 Digitalizzazione, innovazione, competitività, cultura e turismo",
        "M2" => "M2 Rivoluzione verde e transizione ecologica",
        "M3" => "M3 Infrastrutture per una mobilità sostenibile",
        "M4" => "M4 Istruzione e ricerca",
        "M5" => "M5 Inclusione e coesione",
        "M6" => "M6 Salute",
        _ => code,
    };
}

internal sealed class FundingProjectConfiguration : IEntityTypeConfiguration<FundingProject>
{
    public void Configure(EntityTypeBuilder<FundingProject> b)
    {
        b.ToTable("funding_projects");
        b.HasKey(x => x.Cup);
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.Title).HasMaxLength(2000);
        b.Property(x => x.NatureCode).HasMaxLength(8);
        b.Property(x => x.Nature).HasMaxLength(200);
        b.Property(x => x.Programme).HasMaxLength(16);
        b.Property(x => x.Mission).HasMaxLength(8);
        b.Property(x => x.MissionName).HasMaxLength(200);
        b.Property(x => x.Component).HasMaxLength(16);
        b.Property(x => x.ComponentName).HasMaxLength(300);
        b.Property(x => x.Measure).HasMaxLength(32);
        b.Property(x => x.MeasureName).HasMaxLength(500);
        b.Property(x => x.Submeasure).HasMaxLength(32);
        b.Property(x => x.SubmeasureName).HasMaxLength(500);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.LocalCode).HasMaxLength(100);
        b.Property(x => x.LeadTaxCode).HasMaxLength(16);
        b.Property(x => x.LeadName).HasMaxLength(300);
        b.Property(x => x.ImplementerTaxCode).HasMaxLength(16);
        b.Property(x => x.ImplementerName).HasMaxLength(300);
        b.Property(x => x.BeneficiaryName).HasMaxLength(300);
        b.Property(x => x.TotalCost).HasPrecision(18, 2);
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Mission);
        b.HasIndex(x => x.ImplementerTaxCode);
        b.Property(x => x.ImplementerIstat).HasMaxLength(6);
        b.HasIndex(x => x.ImplementerIstat);
        b.Property(x => x.DupMission).HasMaxLength(2);
        b.Property(x => x.DupProgramme).HasMaxLength(2);
    }
}

internal sealed class FundingProjectComuneConfiguration : IEntityTypeConfiguration<FundingProjectComune>
{
    public void Configure(EntityTypeBuilder<FundingProjectComune> b)
    {
        b.ToTable("funding_project_comuni");
        b.HasKey(x => new { x.Cup, x.IstatCode });
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => x.IstatCode);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(Metropoli.Territory.Contracts.TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(FundingProjectComune.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingLineConfiguration : IEntityTypeConfiguration<FundingLine>
{
    public void Configure(EntityTypeBuilder<FundingLine> b)
    {
        b.ToTable("funding_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => x.Cup);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
    }
}
