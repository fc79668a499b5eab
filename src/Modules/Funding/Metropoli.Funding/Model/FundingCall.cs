using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Funding.Model;

/// <summary>A call for funding (bando o avviso): who issues it, from which programme or fund, for whom, how much,
/// when it opens and closes. Who may apply is not code but <see cref="FundingCallRule"/> rows, read by one evaluator
/// (<see cref="Eligibility.EligibilityEvaluator"/>).</summary>
public sealed class FundingCall : IVersioned
{
    public long Id { get; set; }
    /// <summary>The source's own number ("PNRR-246" for the portal's serial number); unique when set, the key of a re-import.</summary>
    public string? Code { get; set; }
    public string Title { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string? IssuerTaxCode { get; set; }
    /// <summary>One of <see cref="FundingProgrammes"/>.</summary>
    public string Programme { get; set; } = FundingProgrammes.Pnrr;
    /// <summary>The PNRR mission-component-investment code ("M2C4I2.2", "M1C1I1.02.00") or the fund's line.</summary>
    public string? MeasureCode { get; set; }
    public string? MeasureName { get; set; }
    /// <summary>Themes, comma separated (free text).</summary>
    public string? Themes { get; set; }
    /// <summary>Who may apply, as the call says it ("Comuni", "Pubbliche amministrazioni centrali").</summary>
    public string? Recipients { get; set; }
    public int? PartnersMin { get; set; }
    public int? PartnersMax { get; set; }
    /// <summary>The applicant's minimum share of the cost, in percent (0–100).</summary>
    public decimal? CofinancingPercent { get; set; }
    public decimal? Budget { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    /// <summary>Open until the money runs out ("fino ad esaurimento risorse").</summary>
    public bool UntilFundsRunOut { get; set; }
    public string? Link { get; set; }
    /// <summary>One of <see cref="FundingCallStatuses"/>.</summary>
    public string Status { get; set; } = FundingCallStatuses.Open;
    /// <summary>"italia-domani" for the portal's open data, "manual" for calls written here.</summary>
    public string Source { get; set; } = "manual";
    public int? Applicants { get; set; }
    public int? Awarded { get; set; }
    public decimal? AwardedAmount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One eligibility rule of a call: a kind (<see cref="RuleKinds"/>) and its parameter.</summary>
public sealed class FundingCallRule
{
    public long Id { get; set; }
    public long CallId { get; set; }
    public int Position { get; set; }
    public string Kind { get; set; } = "";
    public string Parameter { get; set; } = "";
}

public static class FundingProgrammes
{
    public const string Pnrr = "pnrr", Fsc = "fsc", Fesr = "fesr", FsePlus = "fse-plus", Regional = "regional", National = "national", Own = "own";
    public static readonly IReadOnlyList<string> All = [Pnrr, Fsc, Fesr, FsePlus, Regional, National, Own];
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
    public static string Label(string code) => code switch
    {
        Pnrr => "PNRR", Fsc => "FSC", Fesr => "FESR", FsePlus => "FSE+", Regional => "Regionale", National => "Nazionale", Own => "Risorse proprie", _ => code,
    };
}

public static class FundingCallStatuses
{
    public const string Planned = "planned", Open = "open", Closed = "closed", Awarded = "awarded";
    public static readonly IReadOnlyList<string> All = [Planned, Open, Closed, Awarded];
    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
    public static string Label(string code) => code switch
    {
        Planned => "Di prossima apertura", Open => "Aperto", Closed => "Chiuso", Awarded => "Aggiudicato", _ => code,
    };
    public static string Badge(string code) => code switch
    {
        Open => "bg-success", Planned => "bg-primary", Awarded => "bg-secondary", _ => "bg-dark",
    };
}

/// <summary>The kinds of eligibility rule; every kind reads its <see cref="FundingCallRule.Parameter"/> its own way.</summary>
public static class RuleKinds
{
    /// <summary>The call is for Comuni: the parameter is the call's recipients, which must name Comuni.</summary>
    public const string Recipients = "recipients";
    /// <summary>At least N inhabitants.</summary>
    public const string PopulationMin = "population-min";
    /// <summary>At most N inhabitants.</summary>
    public const string PopulationMax = "population-max";
    /// <summary>Small Comuni: fewer than N inhabitants (5,000 by law, L. 158/2017).</summary>
    public const string SmallComune = "small-comune";
    /// <summary>In one of the zones (codes, comma separated).</summary>
    public const string Zones = "zones";
    /// <summary>One of the named Comuni (ISTAT codes, comma separated).</summary>
    public const string Comuni = "comuni";
    /// <summary>None of the named Comuni (ISTAT codes, comma separated).</summary>
    public const string ExcludeComuni = "exclude-comuni";

    public static readonly IReadOnlyList<string> All = [Recipients, PopulationMin, PopulationMax, SmallComune, Zones, Comuni, ExcludeComuni];
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> b)
    {
        b.ToTable("funding_calls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Issuer).HasMaxLength(300);
        b.Property(x => x.IssuerTaxCode).HasMaxLength(16);
        b.Property(x => x.Programme).HasMaxLength(16);
        b.Property(x => x.MeasureCode).HasMaxLength(32);
        b.Property(x => x.MeasureName).HasMaxLength(500);
        b.Property(x => x.Themes).HasMaxLength(500);
        b.Property(x => x.Recipients).HasMaxLength(500);
        b.Property(x => x.CofinancingPercent).HasPrecision(5, 2);
        b.Property(x => x.Budget).HasPrecision(18, 2);
        b.Property(x => x.AwardedAmount).HasPrecision(18, 2);
        b.Property(x => x.Link).HasMaxLength(1000);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.ClosesOn);
        b.HasIndex(x => x.Status);
    }
}

internal sealed class FundingCallRuleConfiguration : IEntityTypeConfiguration<FundingCallRule>
{
    public void Configure(EntityTypeBuilder<FundingCallRule> b)
    {
        b.ToTable("funding_call_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Parameter).HasMaxLength(2000);
        b.HasIndex(x => x.CallId);
        b.HasOne<FundingCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
