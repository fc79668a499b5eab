using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundingApplicationsAndReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApplicationId",
                table: "funding_projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImplementerIstat",
                table: "funding_projects",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoordinatorZone",
                table: "funding_applications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectCup",
                table: "funding_applications",
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportRequested",
                table: "funding_applications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "funding_application_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_application_documents_funding_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_application_organisations",
                columns: table => new
                {
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_organisations", x => new { x.ApplicationId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_funding_application_organisations_funding_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_application_organisations_territory_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_expenditures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PaymentRequest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_expenditures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_expenditures_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ReachedValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ReachedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LateNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_milestones_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_projects_ImplementerIstat",
                table: "funding_projects",
                column: "ImplementerIstat");

            migrationBuilder.CreateIndex(
                name: "IX_funding_application_documents_ApplicationId",
                table: "funding_application_documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_application_organisations_OrganisationId",
                table: "funding_application_organisations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Cup_Status",
                table: "funding_expenditures",
                columns: new[] { "Cup", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_expenditures_Status",
                table: "funding_expenditures",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_funding_milestones_Cup",
                table: "funding_milestones",
                column: "Cup");

            migrationBuilder.CreateIndex(
                name: "IX_funding_milestones_DueOn",
                table: "funding_milestones",
                column: "DueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_application_documents");

            migrationBuilder.DropTable(
                name: "funding_application_organisations");

            migrationBuilder.DropTable(
                name: "funding_expenditures");

            migrationBuilder.DropTable(
                name: "funding_milestones");

            migrationBuilder.DropIndex(
                name: "IX_funding_projects_ImplementerIstat",
                table: "funding_projects");

            migrationBuilder.DropColumn(
                name: "ApplicationId",
                table: "funding_projects");

            migrationBuilder.DropColumn(
                name: "ImplementerIstat",
                table: "funding_projects");

            migrationBuilder.DropColumn(
                name: "CoordinatorZone",
                table: "funding_applications");

            migrationBuilder.DropColumn(
                name: "ProjectCup",
                table: "funding_applications");

            migrationBuilder.DropColumn(
                name: "SupportRequested",
                table: "funding_applications");
        }
    }
}
