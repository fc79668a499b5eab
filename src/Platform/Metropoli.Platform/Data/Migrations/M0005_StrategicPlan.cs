using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>The strategic plan: plans, their tree (areas → objectives → actions), the actions' partners,
/// Comuni, zones and tags, and the reference data they point at (DUP Missioni/Programmi, tags). The
/// reference rows are not inserted here but by <c>PlanReferenceSeed</c>, which runs at every start, so a
/// correction to the shipped CSV reaches databases migrated earlier as well.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000005_StrategicPlan")]
public sealed class M0005_StrategicPlan : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("plan_dup_missions", t => new
        {
            Code = t.Column<string>(maxLength: 2, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_plan_dup_missions", x => x.Code));

        m.CreateTable("plan_dup_programmes", t => new
        {
            Code = t.Column<string>(maxLength: 5, nullable: false),
            MissionCode = t.Column<string>(maxLength: 2, nullable: false),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            RegionsOnly = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_dup_programmes", x => x.Code);
            t.ForeignKey("FK_plan_dup_programmes_plan_dup_missions_MissionCode", x => x.MissionCode, "plan_dup_missions", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_dup_programmes_MissionCode", "plan_dup_programmes", "MissionCode");

        m.CreateTable("plan_tags", t => new
        {
            Code = t.Column<string>(maxLength: 32, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_plan_tags", x => x.Code));

        m.CreateTable("plan_plans", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            StartYear = t.Column<int>(nullable: false),
            EndYear = t.Column<int>(nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            AdoptionActBody = t.Column<string>(maxLength: 200, nullable: true),
            AdoptionActNumber = t.Column<string>(maxLength: 50, nullable: true),
            AdoptionActDate = t.Column<DateOnly>(nullable: true),
            ApprovalActBody = t.Column<string>(maxLength: 200, nullable: true),
            ApprovalActNumber = t.Column<string>(maxLength: 50, nullable: true),
            ApprovalActDate = t.Column<DateOnly>(nullable: true),
            PreviousPlanId = t.Column<long>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_plans", x => x.Id);
            t.ForeignKey("FK_plan_plans_plan_plans_PreviousPlanId", x => x.PreviousPlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_plans_Name", "plan_plans", "Name", unique: true);
        m.CreateIndex("IX_plan_plans_Status", "plan_plans", "Status");
        m.CreateIndex("IX_plan_plans_PreviousPlanId", "plan_plans", "PreviousPlanId");

        m.CreateTable("plan_areas", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PlanId = t.Column<long>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_areas", x => x.Id);
            t.ForeignKey("FK_plan_areas_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_areas_PlanId_Code", "plan_areas", ["PlanId", "Code"], unique: true);

        m.CreateTable("plan_objectives", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PlanId = t.Column<long>(nullable: false),
            AreaId = t.Column<long>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            SortOrder = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_objectives", x => x.Id);
            t.ForeignKey("FK_plan_objectives_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_objectives_plan_areas_AreaId", x => x.AreaId, "plan_areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_objectives_PlanId_Code", "plan_objectives", ["PlanId", "Code"], unique: true);
        m.CreateIndex("IX_plan_objectives_AreaId", "plan_objectives", "AreaId");

        m.CreateTable("plan_actions", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PlanId = t.Column<long>(nullable: false),
            ObjectiveId = t.Column<long>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            SortOrder = t.Column<int>(nullable: false),
            OwnerSector = t.Column<string>(maxLength: 64, nullable: false),
            LeadOrganisationId = t.Column<long>(nullable: true),
            StartDate = t.Column<DateOnly>(nullable: true),
            EndDate = t.Column<DateOnly>(nullable: true),
            Budget = t.Column<decimal>(precision: 15, scale: 2, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Progress = t.Column<int>(nullable: false),
            Narrative = t.Column<string>(maxLength: 4000, nullable: true),
            DupMissionCode = t.Column<string>(maxLength: 2, nullable: true),
            DupProgrammeCode = t.Column<string>(maxLength: 5, nullable: true),
            DupObjectiveCode = t.Column<string>(maxLength: 50, nullable: true),
            PreviousActionId = t.Column<long>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_actions", x => x.Id);
            t.ForeignKey("FK_plan_actions_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_actions_plan_objectives_ObjectiveId", x => x.ObjectiveId, "plan_objectives", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_actions_territory_organisations_LeadOrganisationId", x => x.LeadOrganisationId, "territory_organisations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_actions_plan_dup_missions_DupMissionCode", x => x.DupMissionCode, "plan_dup_missions", "Code", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_actions_plan_dup_programmes_DupProgrammeCode", x => x.DupProgrammeCode, "plan_dup_programmes", "Code", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_actions_plan_actions_PreviousActionId", x => x.PreviousActionId, "plan_actions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_actions_PlanId_Code", "plan_actions", ["PlanId", "Code"], unique: true);
        m.CreateIndex("IX_plan_actions_ObjectiveId", "plan_actions", "ObjectiveId");
        m.CreateIndex("IX_plan_actions_OwnerSector", "plan_actions", "OwnerSector");
        m.CreateIndex("IX_plan_actions_Status", "plan_actions", "Status");
        m.CreateIndex("IX_plan_actions_LeadOrganisationId", "plan_actions", "LeadOrganisationId");
        m.CreateIndex("IX_plan_actions_DupMissionCode", "plan_actions", "DupMissionCode");
        m.CreateIndex("IX_plan_actions_DupProgrammeCode", "plan_actions", "DupProgrammeCode");
        m.CreateIndex("IX_plan_actions_PreviousActionId", "plan_actions", "PreviousActionId");

        m.CreateTable("plan_action_partners", t => new
        {
            ActionId = t.Column<long>(nullable: false),
            OrganisationId = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_action_partners", x => new { x.ActionId, x.OrganisationId });
            t.ForeignKey("FK_plan_action_partners_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_plan_action_partners_territory_organisations_OrganisationId", x => x.OrganisationId, "territory_organisations", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_action_partners_OrganisationId", "plan_action_partners", "OrganisationId");

        m.CreateTable("plan_action_municipalities", t => new
        {
            ActionId = t.Column<long>(nullable: false),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_action_municipalities", x => new { x.ActionId, x.IstatCode });
            t.ForeignKey("FK_plan_action_municipalities_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Cascade);
            // EF shortens names past PostgreSQL's 63-byte limit this way; the migration must use the same name.
            t.ForeignKey("FK_plan_action_municipalities_territory_municipalities_IstatCo~", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_action_municipalities_IstatCode", "plan_action_municipalities", "IstatCode");

        m.CreateTable("plan_action_zones", t => new
        {
            ActionId = t.Column<long>(nullable: false),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_action_zones", x => new { x.ActionId, x.ZoneCode });
            t.ForeignKey("FK_plan_action_zones_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_plan_action_zones_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_action_zones_ZoneCode", "plan_action_zones", "ZoneCode");

        m.CreateTable("plan_action_tags", t => new
        {
            ActionId = t.Column<long>(nullable: false),
            TagCode = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_action_tags", x => new { x.ActionId, x.TagCode });
            t.ForeignKey("FK_plan_action_tags_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_plan_action_tags_plan_tags_TagCode", x => x.TagCode, "plan_tags", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_action_tags_TagCode", "plan_action_tags", "TagCode");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "plan_action_tags", "plan_action_zones", "plan_action_municipalities", "plan_action_partners",
            "plan_actions", "plan_objectives", "plan_areas", "plan_plans", "plan_tags", "plan_dup_programmes", "plan_dup_missions",
        })
        {
            m.DropTable(table);
        }
    }
}
