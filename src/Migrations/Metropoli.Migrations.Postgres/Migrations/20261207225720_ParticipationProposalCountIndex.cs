using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipationProposalCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_participation_proposals_ConsultationId",
                table: "participation_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_ConsultationId_IsHidden_IsWithdrawn",
                table: "participation_proposals",
                columns: new[] { "ConsultationId", "IsHidden", "IsWithdrawn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_participation_proposals_ConsultationId_IsHidden_IsWithdrawn",
                table: "participation_proposals");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_ConsultationId",
                table: "participation_proposals",
                column: "ConsultationId");
        }
    }
}
