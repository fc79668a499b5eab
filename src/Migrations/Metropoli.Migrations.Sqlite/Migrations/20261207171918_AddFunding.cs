using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFunding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuerTaxCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MeasureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PartnersMin = table.Column<int>(type: "INTEGER", nullable: true),
                    PartnersMax = table.Column<int>(type: "INTEGER", nullable: true),
                    CofinancingPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UntilFundsRunOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Applicants = table.Column<int>(type: "INTEGER", nullable: true),
                    Awarded = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "funding_projects",
                columns: table => new
                {
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NatureCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    MissionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ComponentName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MeasureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Submeasure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SubmeasureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LocalCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeadTaxCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ImplementerTaxCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ImplementerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BeneficiaryName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TotalCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_projects", x => x.Cup);
                });

            migrationBuilder.CreateTable(
                name: "funding_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    LeadIstat = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequestedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_applications_funding_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "funding_calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_applications_territory_municipalities_LeadIstat",
                        column: x => x.LeadIstat,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_call_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Parameter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_call_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_call_rules_funding_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "funding_calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_lines_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_project_comuni",
                columns: table => new
                {
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_project_comuni", x => new { x.Cup, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_funding_project_comuni_funding_projects_Cup",
                        column: x => x.Cup,
                        principalTable: "funding_projects",
                        principalColumn: "Cup",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_project_comuni_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_application_partners",
                columns: table => new
                {
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_partners", x => new { x.ApplicationId, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_funding_application_partners_funding_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_funding_application_partners_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_application_status_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_application_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_application_status_changes_funding_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "funding_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_application_partners_IstatCode",
                table: "funding_application_partners",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_funding_application_status_changes_ApplicationId",
                table: "funding_application_status_changes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_CallId",
                table: "funding_applications",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_applications_LeadIstat",
                table: "funding_applications",
                column: "LeadIstat");

            migrationBuilder.CreateIndex(
                name: "IX_funding_call_rules_CallId",
                table: "funding_call_rules",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_calls_ClosesOn",
                table: "funding_calls",
                column: "ClosesOn");

            migrationBuilder.CreateIndex(
                name: "IX_funding_calls_Code",
                table: "funding_calls",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_calls_Status",
                table: "funding_calls",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_funding_lines_Cup",
                table: "funding_lines",
                column: "Cup");

            migrationBuilder.CreateIndex(
                name: "IX_funding_project_comuni_IstatCode",
                table: "funding_project_comuni",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_funding_projects_ImplementerTaxCode",
                table: "funding_projects",
                column: "ImplementerTaxCode");

            migrationBuilder.CreateIndex(
                name: "IX_funding_projects_Mission",
                table: "funding_projects",
                column: "Mission");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_application_partners");

            migrationBuilder.DropTable(
                name: "funding_application_status_changes");

            migrationBuilder.DropTable(
                name: "funding_call_rules");

            migrationBuilder.DropTable(
                name: "funding_lines");

            migrationBuilder.DropTable(
                name: "funding_project_comuni");

            migrationBuilder.DropTable(
                name: "funding_applications");

            migrationBuilder.DropTable(
                name: "funding_projects");

            migrationBuilder.DropTable(
                name: "funding_calls");
        }
    }
}
