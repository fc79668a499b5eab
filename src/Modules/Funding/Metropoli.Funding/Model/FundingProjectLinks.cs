using Metropoli.Agreements.Contracts;
using Metropoli.Platform.Modules;
using Metropoli.StrategicPlan.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Funding.Model;

/// <summary>A funded project serves a plan objective (ADR 0041, third slice).</summary>
public sealed class FundingProjectObjective
{
    public string Cup { get; set; } = "";
    public long ObjectiveId { get; set; }
}

/// <summary>A funded project carries out a plan action.</summary>
public sealed class FundingProjectAction
{
    public string Cup { get; set; } = "";
    public long ActionId { get; set; }
}

/// <summary>A funded project rests on an agreement (a convention, a protocol) of the register.</summary>
public sealed class FundingProjectAgreement
{
    public string Cup { get; set; } = "";
    public long AgreementId { get; set; }
}

internal sealed class FundingProjectObjectiveConfiguration : IEntityTypeConfiguration<FundingProjectObjective>
{
    public void Configure(EntityTypeBuilder<FundingProjectObjective> b)
    {
        b.ToTable("funding_project_objectives");
        b.HasKey(x => new { x.Cup, x.ObjectiveId });
        b.Property(x => x.Cup).HasMaxLength(15);
        b.HasIndex(x => x.ObjectiveId);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ObjectiveEntity), null).WithMany().HasForeignKey(nameof(FundingProjectObjective.ObjectiveId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingProjectActionConfiguration : IEntityTypeConfiguration<FundingProjectAction>
{
    public void Configure(EntityTypeBuilder<FundingProjectAction> b)
    {
        b.ToTable("funding_project_actions");
        b.HasKey(x => new { x.Cup, x.ActionId });
        b.Property(x => x.Cup).HasMaxLength(15);
        b.HasIndex(x => x.ActionId);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ActionEntity), null).WithMany().HasForeignKey(nameof(FundingProjectAction.ActionId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FundingProjectAgreementConfiguration : IEntityTypeConfiguration<FundingProjectAgreement>
{
    public void Configure(EntityTypeBuilder<FundingProjectAgreement> b)
    {
        b.ToTable("funding_project_agreements");
        b.HasKey(x => new { x.Cup, x.AgreementId });
        b.Property(x => x.Cup).HasMaxLength(15);
        b.HasIndex(x => x.AgreementId);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(AgreementsContract.AgreementEntity), null).WithMany().HasForeignKey(nameof(FundingProjectAgreement.AgreementId)).OnDelete(DeleteBehavior.Restrict);
    }
}
