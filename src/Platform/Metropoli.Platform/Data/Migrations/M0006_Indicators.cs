using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Indicators of the plan's actions and objectives, their yearly targets, the plan office's
/// status thresholds, and the measurements with their workflow and evidence file metadata (the files
/// themselves live under the data folder, not in the database).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000006_Indicators")]
public sealed class M0006_Indicators : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("plan_indicators", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            PlanId = t.Column<long>(nullable: false),
            ActionId = t.Column<long>(nullable: true),
            ObjectiveId = t.Column<long>(nullable: true),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            Unit = t.Column<string>(maxLength: 50, nullable: false),
            Direction = t.Column<string>(maxLength: 16, nullable: false),
            LowerBound = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
            UpperBound = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
            BaselineValue = t.Column<decimal>(precision: 18, scale: 4, nullable: true),
            BaselineYear = t.Column<int>(nullable: true),
            Source = t.Column<string>(maxLength: 300, nullable: true),
            Frequency = t.Column<string>(maxLength: 16, nullable: false),
            OwnerSector = t.Column<string>(maxLength: 64, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_indicators", x => x.Id);
            t.ForeignKey("FK_plan_indicators_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_indicators_plan_actions_ActionId", x => x.ActionId, "plan_actions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_plan_indicators_plan_objectives_ObjectiveId", x => x.ObjectiveId, "plan_objectives", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_indicators_PlanId_Code", "plan_indicators", ["PlanId", "Code"], unique: true);
        m.CreateIndex("IX_plan_indicators_ActionId", "plan_indicators", "ActionId");
        m.CreateIndex("IX_plan_indicators_ObjectiveId", "plan_indicators", "ObjectiveId");

        m.CreateTable("plan_indicator_targets", t => new
        {
            IndicatorId = t.Column<long>(nullable: false),
            Year = t.Column<int>(nullable: false),
            Value = t.Column<decimal>(precision: 18, scale: 4, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_indicator_targets", x => new { x.IndicatorId, x.Year });
            t.ForeignKey("FK_plan_indicator_targets_plan_indicators_IndicatorId", x => x.IndicatorId, "plan_indicators", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("plan_indicator_thresholds", t => new
        {
            PlanId = t.Column<long>(nullable: false),
            OnTrack = t.Column<int>(nullable: false),
            AtRisk = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_indicator_thresholds", x => x.PlanId);
            t.ForeignKey("FK_plan_indicator_thresholds_plan_plans_PlanId", x => x.PlanId, "plan_plans", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("plan_measurements", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IndicatorId = t.Column<long>(nullable: false),
            Period = t.Column<string>(maxLength: 7, nullable: false),
            PeriodEnd = t.Column<DateOnly>(nullable: false),
            Value = t.Column<decimal>(precision: 18, scale: 4, nullable: false),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            SubmittedBy = t.Column<string>(maxLength: 450, nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: false),
            ReviewedBy = t.Column<string>(maxLength: 450, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            RejectionReason = t.Column<string>(maxLength: 2000, nullable: true),
            EvidenceName = t.Column<string>(maxLength: 200, nullable: true),
            EvidenceStoredName = t.Column<string>(maxLength: 64, nullable: true),
            EvidenceContentType = t.Column<string>(maxLength: 100, nullable: true),
            EvidenceSize = t.Column<long>(nullable: true),
            EvidenceSha256 = t.Column<string>(maxLength: 64, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_plan_measurements", x => x.Id);
            t.ForeignKey("FK_plan_measurements_plan_indicators_IndicatorId", x => x.IndicatorId, "plan_indicators", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_plan_measurements_IndicatorId_Period", "plan_measurements", ["IndicatorId", "Period"]);
        m.CreateIndex("IX_plan_measurements_Status", "plan_measurements", "Status");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "plan_measurements", "plan_indicator_thresholds", "plan_indicator_targets", "plan_indicators" })
        {
            m.DropTable(table);
        }
    }
}
