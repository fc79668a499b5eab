using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServicesListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_services_ranking_draws_IstatCode",
                table: "services_ranking_draws");

            migrationBuilder.DropIndex(
                name: "IX_services_procurement_municipalities_IstatCode",
                table: "services_procurement_municipalities");

            migrationBuilder.DropIndex(
                name: "IX_services_competition_posts_IstatCode",
                table: "services_competition_posts");

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_draws_IstatCode_RankingListId",
                table: "services_ranking_draws",
                columns: new[] { "IstatCode", "RankingListId" });

            migrationBuilder.CreateIndex(
                name: "IX_services_procurements_RequestedOn_Id",
                table: "services_procurements",
                columns: new[] { "RequestedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_services_procurement_municipalities_IstatCode_ProcurementId",
                table: "services_procurement_municipalities",
                columns: new[] { "IstatCode", "ProcurementId" });

            migrationBuilder.CreateIndex(
                name: "IX_services_competition_posts_IstatCode_CompetitionId",
                table: "services_competition_posts",
                columns: new[] { "IstatCode", "CompetitionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_services_ranking_draws_IstatCode_RankingListId",
                table: "services_ranking_draws");

            migrationBuilder.DropIndex(
                name: "IX_services_procurements_RequestedOn_Id",
                table: "services_procurements");

            migrationBuilder.DropIndex(
                name: "IX_services_procurement_municipalities_IstatCode_ProcurementId",
                table: "services_procurement_municipalities");

            migrationBuilder.DropIndex(
                name: "IX_services_competition_posts_IstatCode_CompetitionId",
                table: "services_competition_posts");

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_draws_IstatCode",
                table: "services_ranking_draws",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_procurement_municipalities_IstatCode",
                table: "services_procurement_municipalities",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_competition_posts_IstatCode",
                table: "services_competition_posts",
                column: "IstatCode");
        }
    }
}
