using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Monitoring campaigns of a plan, the tasks of the action owners, and the snapshot frozen at closing.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000008_Campaigns")]
public sealed class M0008_Campaigns : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("plan_campaigns", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PlanId = t.Column<long>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Year = t.Column<int>(nullable: false),
            Deadline = t.Column<DateOnly>(nullable: false),
            ReminderDays = t.Column<string>(maxLength: 50, nullable: false),
            Instructions = t.Column<string>(maxLength: 4000, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            OpenedAt = t.Column<DateTime>(nullable: false),
            OpenedBy = t.Column<string>(maxLength: 256, nullable: false),
            ClosedAt = t.Column<DateTime>(nullable: true),
            ClosedBy = t.Column<string>(maxLength: 256, nullable: true),
            SnapshotSha256 = t.Column<string>(maxLength: 64, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_campaigns", x => x.Id);
            t.ForeignKey("FK_plan_campaigns_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_campaigns_PlanId_Name", "plan_campaigns", ["PlanId", "Name"], unique: true);
        m.CreateIndex("IX_plan_campaigns_Status", "plan_campaigns", "Status");

        m.CreateTable("plan_campaign_tasks", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            CampaignId = t.Column<long>(nullable: false),
            ActionId = t.Column<long>(nullable: false),
            OwnerSector = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            ReportedStatus = t.Column<string>(maxLength: 16, nullable: true),
            ReportedProgress = t.Column<int>(nullable: true),
            Narrative = t.Column<string>(maxLength: 4000, nullable: true),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            SubmittedBy = t.Column<string>(maxLength: 256, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            ReviewedBy = t.Column<string>(maxLength: 256, nullable: true),
            ReviewNote = t.Column<string>(maxLength: 2000, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_campaign_tasks", x => x.Id);
            t.ForeignKey("FK_plan_campaign_tasks_plan_campaigns_CampaignId", x => x.CampaignId, "plan_campaigns", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_plan_campaign_tasks_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_campaign_tasks_CampaignId_ActionId", "plan_campaign_tasks", ["CampaignId", "ActionId"], unique: true);
        m.CreateIndex("IX_plan_campaign_tasks_OwnerSector_Status", "plan_campaign_tasks", ["OwnerSector", "Status"]);
        m.CreateIndex("IX_plan_campaign_tasks_ActionId", "plan_campaign_tasks", "ActionId");

        m.CreateTable("plan_campaign_snapshots", t => new
        {
            CampaignId = t.Column<long>(nullable: false),
            Json = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_campaign_snapshots", x => x.CampaignId);
            t.ForeignKey("FK_plan_campaign_snapshots_plan_campaigns_CampaignId", x => x.CampaignId, "plan_campaigns", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("plan_campaign_actions", t => new
        {
            CampaignId = t.Column<long>(nullable: false),
            ActionId = t.Column<long>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            AreaCode = t.Column<string>(maxLength: 20, nullable: false),
            AreaTitle = t.Column<string>(maxLength: 300, nullable: false),
            ObjectiveCode = t.Column<string>(maxLength: 20, nullable: false),
            ObjectiveTitle = t.Column<string>(maxLength: 300, nullable: false),
            OwnerSector = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            Progress = t.Column<int>(nullable: false),
            Late = t.Column<bool>(nullable: false),
            EndDate = t.Column<DateOnly>(nullable: true),
            Narrative = t.Column<string>(maxLength: 4000, nullable: true),
            TaskStatus = t.Column<string>(maxLength: 16, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_campaign_actions", x => new { x.CampaignId, x.ActionId });
            t.ForeignKey("FK_plan_campaign_actions_plan_campaigns_CampaignId", x => x.CampaignId, "plan_campaigns", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_plan_campaign_actions_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_campaign_actions_ActionId", "plan_campaign_actions", "ActionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("plan_campaign_actions");
        m.DropTable("plan_campaign_snapshots");
        m.DropTable("plan_campaign_tasks");
        m.DropTable("plan_campaigns");
    }
}
