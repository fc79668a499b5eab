using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>The leaf of a plan's tree, and what is monitored: who carries it (owner sector, lead and
/// partner organisations), when, with how much money, how far it has got, where (Comuni and zones), and
/// its place in the budget (DUP Missione/Programma). The plan id is repeated from the objective so
/// that codes are unique per plan and the action lists filter by plan without joins.</summary>
public sealed class PlanAction : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public long ObjectiveId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The sector of the metropolitan administration that carries the action, as the code its
    /// sector officers carry in their scope claim (e.g. "ambiente").</summary>
    public string OwnerSector { get; set; } = "";
    public long? LeadOrganisationId { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Euro, two decimals.</summary>
    public decimal? Budget { get; set; }
    /// <summary>One of <see cref="ActionStatuses"/>.</summary>
    public string Status { get; set; } = ActionStatuses.NotStarted;
    /// <summary>Percentage, 0–100.</summary>
    public int Progress { get; set; }
    /// <summary>What the owner sector reports about the state of the action (public).</summary>
    public string? Narrative { get; set; }
    public string? DupMissionCode { get; set; }
    public string? DupProgrammeCode { get; set; }
    /// <summary>The code of the DUP strategic or operational objective, free text as each DUP numbers its own.</summary>
    public string? DupObjectiveCode { get; set; }
    /// <summary>The action of an earlier plan this one carries over.</summary>
    public long? PreviousActionId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The two measures of lateness, with one name and one definition each wherever a figure is shown
/// (dashboard, Comune and zone pages, action pages, the monitoring report): what the owner declares, and what
/// the calendar says. An action can be one, the other, both or neither.</summary>
public static class Lateness
{
    public const string DeclaredName = "Dichiarate in ritardo";
    public const string DeclaredDefinition = "Azioni che il settore responsabile ha indicato nello stato «in ritardo».";
    public const string PastEndName = "Oltre la data di fine";
    public const string PastEndDefinition = "Azioni con la data di fine prevista già passata e non completate né sospese, qualunque stato abbiano.";

    public static bool IsDeclared(string status) => status == ActionStatuses.Late;

    public static bool IsPastEnd(string status, DateOnly? endDate, DateOnly today) =>
        endDate is { } end && end < today && status is not (ActionStatuses.Completed or ActionStatuses.Suspended);
}

/// <summary>The state of an action as its owner reports it.</summary>
public static class ActionStatuses
{
    public const string NotStarted = "not-started";
    public const string OnTrack = "on-track";
    public const string AtRisk = "at-risk";
    public const string Late = "late";
    public const string Completed = "completed";
    public const string Suspended = "suspended";

    public static readonly IReadOnlyList<string> All = [NotStarted, OnTrack, AtRisk, Late, Completed, Suspended];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        NotStarted => "non avviata",
        OnTrack => "in linea",
        AtRisk => "a rischio",
        Late => "in ritardo",
        Completed => "completata",
        Suspended => "sospesa",
        _ => code,
    };

    /// <summary>Bootstrap Italia badge colour; the label always goes with it, colour is never the only cue.</summary>
    public static string Badge(string code) => code switch
    {
        OnTrack => "bg-success",
        AtRisk => "bg-warning text-dark",
        Late => "bg-danger",
        Completed => "bg-primary",
        Suspended => "bg-secondary",
        _ => "bg-light text-dark",
    };
}

public sealed class PlanActionPartner
{
    public long ActionId { get; set; }
    public long OrganisationId { get; set; }
}

public sealed class PlanActionMunicipality
{
    public long ActionId { get; set; }
    public string IstatCode { get; set; } = "";
}

public sealed class PlanActionZone
{
    public long ActionId { get; set; }
    public string ZoneCode { get; set; } = "";
}

public sealed class PlanActionTag
{
    public long ActionId { get; set; }
    public string TagCode { get; set; } = "";
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("plan_actions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Code).HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.OwnerSector).HasMaxLength(64);
        b.Property(a => a.Budget).HasPrecision(15, 2);
        b.Property(a => a.Status).HasMaxLength(16);
        b.Property(a => a.Narrative).HasMaxLength(4000);
        b.Property(a => a.DupMissionCode).HasMaxLength(2);
        b.Property(a => a.DupProgrammeCode).HasMaxLength(5);
        b.Property(a => a.DupObjectiveCode).HasMaxLength(50);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.PlanId, a.Code }).IsUnique();
        b.HasIndex(a => a.ObjectiveId);
        b.HasIndex(a => a.OwnerSector);
        b.HasIndex(a => a.Status);
        b.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanObjective>().WithMany().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(PlanAction.LeadOrganisationId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DupMission>().WithMany().HasForeignKey(a => a.DupMissionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DupProgramme>().WithMany().HasForeignKey(a => a.DupProgrammeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.PreviousActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionPartnerConfiguration : IEntityTypeConfiguration<PlanActionPartner>
{
    public void Configure(EntityTypeBuilder<PlanActionPartner> b)
    {
        b.ToTable("plan_action_partners");
        b.HasKey(x => new { x.ActionId, x.OrganisationId });
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.OrganisationEntity), null).WithMany().HasForeignKey(nameof(PlanActionPartner.OrganisationId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionMunicipalityConfiguration : IEntityTypeConfiguration<PlanActionMunicipality>
{
    public void Configure(EntityTypeBuilder<PlanActionMunicipality> b)
    {
        b.ToTable("plan_action_municipalities");
        b.HasKey(x => new { x.ActionId, x.IstatCode });
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => x.IstatCode);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(PlanActionMunicipality.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionZoneConfiguration : IEntityTypeConfiguration<PlanActionZone>
{
    public void Configure(EntityTypeBuilder<PlanActionZone> b)
    {
        b.ToTable("plan_action_zones");
        b.HasKey(x => new { x.ActionId, x.ZoneCode });
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.HasIndex(x => x.ZoneCode);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.ZoneEntity), null).WithMany().HasForeignKey(nameof(PlanActionZone.ZoneCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanActionTagConfiguration : IEntityTypeConfiguration<PlanActionTag>
{
    public void Configure(EntityTypeBuilder<PlanActionTag> b)
    {
        b.ToTable("plan_action_tags");
        b.HasKey(x => new { x.ActionId, x.TagCode });
        b.Property(x => x.TagCode).HasMaxLength(32);
        b.HasIndex(x => x.TagCode);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanTag>().WithMany().HasForeignKey(x => x.TagCode).OnDelete(DeleteBehavior.Restrict);
    }
}
