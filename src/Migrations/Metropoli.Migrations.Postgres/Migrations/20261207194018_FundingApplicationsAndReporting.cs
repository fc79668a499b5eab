using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metropoli.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImplementerIstat",
                table: "funding_projects",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoordinatorZone",
                table: "funding_applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectCup",
                table: "funding_applications",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportRequested",
                table: "funding_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "funding_application_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_application_documents_funding_applications_Applicat~",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_application_organisations",
                columns: table => new
                {
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_organisations", x => new { x.ApplicationId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_funding_application_organisations_funding_applications_Appl~",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_application_organisations_territory_organisations_O~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_expenditures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cup = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PaymentRequest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cup = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReachedValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LateNotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
