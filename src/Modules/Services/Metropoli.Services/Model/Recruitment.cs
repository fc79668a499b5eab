using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Services.Model;

/// <summary>A staffing need of a Comune sent to the joint recruitment office (Ufficio Unico Concorsi): the profile, the
/// area of the CCNL Funzioni locali 2019-2021 (<see cref="StaffAreas"/>), the posts and by when. The office aggregates
/// needs of the same area into one <see cref="Competition"/>.</summary>
public sealed class StaffingNeed
{
    public long Id { get; set; }
    public long ServiceId { get; set; }
    public string IstatCode { get; set; } = "";
    /// <summary>The convention in force through which the Comune had joined the service when it sent the need.</summary>
    public long AgreementId { get; set; }
    public string Profile { get; set; } = "";
    public string Area { get; set; } = StaffAreas.Instructors;
    public int Posts { get; set; }
    public DateOnly NeededBy { get; set; }
    public string? Notes { get; set; }
    public long? CompetitionId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A joint competition for several Comuni: the notice is on inPA (Metropoli keeps the reference and the dates).</summary>
public sealed class Competition : IVersioned
{
    public long Id { get; set; }
    public long ServiceId { get; set; }
    public string Title { get; set; } = "";
    public string Profile { get; set; } = "";
    public string Area { get; set; } = StaffAreas.Instructors;
    /// <summary>The code of the notice on the inPA portal.</summary>
    public string? NoticeReference { get; set; }
    public string? NoticeUrl { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? ApplicationsCloseOn { get; set; }
    /// <summary>One of <see cref="CompetitionStatuses"/>.</summary>
    public string Status { get; set; } = CompetitionStatuses.Planned;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The posts a competition fills for one Comune.</summary>
public sealed class CompetitionPost
{
    public long CompetitionId { get; set; }
    public string IstatCode { get; set; } = "";
    public int Posts { get; set; }
}

/// <summary>The approved ranking list of a competition: the approval act, the validity, the entries by rank.</summary>
public sealed class RankingList
{
    public long Id { get; set; }
    public long CompetitionId { get; set; }
    public string ActNumber { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public int EntryCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One position of a ranking list: a pseudonymous candidate code only (no names or personal data in Metropoli).</summary>
public sealed class RankingEntry
{
    public long RankingListId { get; set; }
    public int Rank { get; set; }
    public string CandidateCode { get; set; } = "";
}

/// <summary>The log of a ranking list, in order: a hire by a Comune of the competition, a use of the list by another
/// Comune under a convention, or a rank passed over with its reason. A rank appears at most once (unique index), and so
/// does a sequence number: two concurrent draws never get the same rank.</summary>
public sealed class RankingDraw
{
    public long Id { get; set; }
    public long RankingListId { get; set; }
    public int Sequence { get; set; }
    public int Rank { get; set; }
    public string IstatCode { get; set; } = "";
    /// <summary>One of <see cref="DrawKinds"/>.</summary>
    public string Kind { get; set; } = DrawKinds.Hire;
    public long? AgreementId { get; set; }
    public string? Reason { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The areas of the classification of the CCNL Funzioni locali 2019-2021 (art. 12).</summary>
public static class StaffAreas
{
    public const string Operators = "operatori";
    public const string SkilledOperators = "operatori-esperti";
    public const string Instructors = "istruttori";
    public const string Officials = "funzionari-eq";

    public static readonly IReadOnlyList<string> All = [Operators, SkilledOperators, Instructors, Officials];

    public static string Label(string code) => code switch
    {
        Operators => "Area degli Operatori",
        SkilledOperators => "Area degli Operatori esperti",
        Instructors => "Area degli Istruttori",
        Officials => "Area dei Funzionari e dell'Elevata qualificazione",
        _ => code,
    };
}

public static class CompetitionStatuses
{
    public const string Planned = "planned";
    public const string Published = "published";
    public const string Exams = "exams";
    public const string ListApproved = "list-approved";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Planned, Published, Exams, ListApproved, Cancelled];

    public static int Order(string s) => s switch { Planned => 0, Published => 1, Exams => 2, ListApproved => 3, _ => 9 };

    public static string Label(string code) => code switch
    {
        Planned => "In programmazione",
        Published => "Bando pubblicato",
        Exams => "Prove in corso",
        ListApproved => "Graduatoria approvata",
        Cancelled => "Annullato",
        _ => code,
    };
}

public static class DrawKinds
{
    public const string Hire = "hire";
    public const string Use = "use";
    public const string Skip = "skip";

    public static string Label(string code) => code switch
    {
        Hire => "Assunzione",
        Use => "Utilizzo della graduatoria",
        Skip => "Posizione saltata",
        _ => code,
    };
}

internal sealed class StaffingNeedConfiguration : IEntityTypeConfiguration<StaffingNeed>
{
    public void Configure(EntityTypeBuilder<StaffingNeed> b)
    {
        b.ToTable("services_staffing_needs");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.Profile).HasMaxLength(200);
        b.Property(x => x.Area).HasMaxLength(32);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.IstatCode);
        b.HasIndex(x => x.CompetitionId);
        b.HasOne<SharedService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(StaffingNeed.IstatCode)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(AgreementsContract.AgreementEntity), null).WithMany().HasForeignKey(nameof(StaffingNeed.AgreementId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompetitionConfiguration : IEntityTypeConfiguration<Competition>
{
    public void Configure(EntityTypeBuilder<Competition> b)
    {
        b.ToTable("services_competitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Profile).HasMaxLength(200);
        b.Property(x => x.Area).HasMaxLength(32);
        b.Property(x => x.NoticeReference).HasMaxLength(64);
        b.Property(x => x.NoticeUrl).HasMaxLength(500);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Profile);
        b.HasOne<SharedService>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompetitionPostConfiguration : IEntityTypeConfiguration<CompetitionPost>
{
    public void Configure(EntityTypeBuilder<CompetitionPost> b)
    {
        b.ToTable("services_competition_posts");
        b.HasKey(x => new { x.CompetitionId, x.IstatCode });
        b.Property(x => x.IstatCode).HasMaxLength(6);
        // A Comune's competitions from its side (covering: the competition ids are in the index).
        b.HasIndex(x => new { x.IstatCode, x.CompetitionId });
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(CompetitionPost.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RankingListConfiguration : IEntityTypeConfiguration<RankingList>
{
    public void Configure(EntityTypeBuilder<RankingList> b)
    {
        b.ToTable("services_ranking_lists");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActNumber).HasMaxLength(64);
        b.HasIndex(x => x.CompetitionId).IsUnique();
        b.HasIndex(x => x.ValidUntil);
        b.HasOne<Competition>().WithMany().HasForeignKey(x => x.CompetitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RankingEntryConfiguration : IEntityTypeConfiguration<RankingEntry>
{
    public void Configure(EntityTypeBuilder<RankingEntry> b)
    {
        b.ToTable("services_ranking_entries");
        b.HasKey(x => new { x.RankingListId, x.Rank });
        b.Property(x => x.CandidateCode).HasMaxLength(32);
        b.HasIndex(x => new { x.RankingListId, x.CandidateCode }).IsUnique();
        b.HasOne<RankingList>().WithMany().HasForeignKey(x => x.RankingListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RankingDrawConfiguration : IEntityTypeConfiguration<RankingDraw>
{
    public void Configure(EntityTypeBuilder<RankingDraw> b)
    {
        b.ToTable("services_ranking_draws");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.Kind).HasMaxLength(8);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => new { x.RankingListId, x.Rank }).IsUnique();
        b.HasIndex(x => new { x.RankingListId, x.Sequence }).IsUnique();
        // The lists a Comune drew on, from its side (covering).
        b.HasIndex(x => new { x.IstatCode, x.RankingListId });
        b.HasOne<RankingList>().WithMany().HasForeignKey(x => x.RankingListId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(RankingDraw.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}
