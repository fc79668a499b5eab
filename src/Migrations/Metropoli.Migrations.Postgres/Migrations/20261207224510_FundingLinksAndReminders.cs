using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundingLinksAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DupMission",
                table: "funding_projects",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DupProgramme",
                table: "funding_projects",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReportedAt",
                table: "funding_milestones",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "funding_project_actions",
                columns: table => new
                {
                    Cup = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_project_actions", x => new { x.Cup, x.ActionId });
                    table.ForeignKey(
                        name: "FK_funding_project_actions_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_project_actions_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_project_agreements",
                columns: table => new
                {
                    Cup = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_project_agreements", x => new { x.Cup, x.AgreementId });
                    table.ForeignKey(
                        name: "FK_funding_project_agreements_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_funding_project_agreements_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_project_objectives",
                columns: table => new
                {
                    Cup = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_project_objectives", x => new { x.Cup, x.ObjectiveId });
                    table.ForeignKey(
                        name: "FK_funding_project_objectives_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_project_objectives_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_project_actions_ActionId",
                table: "funding_project_actions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_project_agreements_AgreementId",
                table: "funding_project_agreements",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_project_objectives_ObjectiveId",
                table: "funding_project_objectives",
                column: "ObjectiveId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_project_actions");

            migrationBuilder.DropTable(
                name: "funding_project_agreements");

            migrationBuilder.DropTable(
                name: "funding_project_objectives");

            migrationBuilder.DropColumn(
                name: "DupMission",
                table: "funding_projects");

            migrationBuilder.DropColumn(
                name: "DupProgramme",
                table: "funding_projects");

            migrationBuilder.DropColumn(
                name: "ReportedAt",
                table: "funding_milestones");
        }
    }
}
