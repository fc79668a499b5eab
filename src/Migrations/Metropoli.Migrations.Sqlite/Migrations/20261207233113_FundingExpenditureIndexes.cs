using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundingExpenditureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_expenditures_Cup_Status",
                table: "funding_expenditures");

            migrationBuilder.DropIndex(
                name: "IX_funding_expenditures_Status",
                table: "funding_expenditures");

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Cup_Status_PaidOn",
                table: "funding_expenditures",
                columns: new[] { "Cup", "Status", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Status_PaidOn_Id",
                table: "funding_expenditures",
                columns: new[] { "Status", "PaidOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_expenditures_Cup_Status_PaidOn",
                table: "funding_expenditures");

            migrationBuilder.DropIndex(
                name: "IX_funding_expenditures_Status_PaidOn_Id",
                table: "funding_expenditures");

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Cup_Status",
                table: "funding_expenditures",
                columns: new[] { "Cup", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Status",
                table: "funding_expenditures",
                column: "Status");
        }
    }
}
