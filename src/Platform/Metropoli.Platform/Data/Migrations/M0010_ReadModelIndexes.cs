using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Indexes found by the metro-scale benchmark (bench/RESULTS.md): the latest validated value of
/// an indicator in one seek.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000010_ReadModelIndexes")]
public sealed class M0010_ReadModelIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_plan_measurements_IndicatorId_Status_PeriodEnd", "plan_measurements", ["IndicatorId", "Status", "PeriodEnd"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_plan_measurements_IndicatorId_Status_PeriodEnd", "plan_measurements");
    }
}
