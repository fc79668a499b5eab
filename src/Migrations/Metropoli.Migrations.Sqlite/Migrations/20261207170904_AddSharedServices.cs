using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSharedServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_services",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HowToJoin = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OfficeSector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OfficeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficeEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FirstAnswerDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "services_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DesiredDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstAnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_requests_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_requests_services_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_requests_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_service_agreements",
                columns: table => new
                {
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_service_agreements", x => new { x.ServiceId, x.AgreementId });
                    table.ForeignKey(
                        name: "FK_services_service_agreements_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_service_agreements_services_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_procurements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    Object = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Cup = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Cigs = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ProcedureType = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    AwardCriterion = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BidsReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BidsCount = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WinnerTaxCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    WinnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PlatformUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_procurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_procurements_services_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "services_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_procurements_services_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_request_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_request_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_request_attachments_services_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "services_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_request_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_request_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_request_events_services_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "services_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_procurement_municipalities",
                columns: table => new
                {
                    ProcurementId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_procurement_municipalities", x => new { x.ProcurementId, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_services_procurement_municipalities_services_procurements_ProcurementId",
                        column: x => x.ProcurementId,
                        principalTable: "services_procurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_services_procurement_municipalities_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_services_procurement_municipalities_IstatCode",
                table: "services_procurement_municipalities",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_procurements_RequestId",
                table: "services_procurements",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_services_procurements_ServiceId",
                table: "services_procurements",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_services_request_attachments_RequestId",
                table: "services_request_attachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_services_request_events_RequestId",
                table: "services_request_events",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_services_requests_AgreementId",
                table: "services_requests",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_services_requests_IstatCode",
                table: "services_requests",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_requests_ServiceId_Status",
                table: "services_requests",
                columns: new[] { "ServiceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_services_service_agreements_AgreementId",
                table: "services_service_agreements",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_services_services_Slug",
                table: "services_services",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_procurement_municipalities");

            migrationBuilder.DropTable(
                name: "services_request_attachments");

            migrationBuilder.DropTable(
                name: "services_request_events");

            migrationBuilder.DropTable(
                name: "services_service_agreements");

            migrationBuilder.DropTable(
                name: "services_procurements");

            migrationBuilder.DropTable(
                name: "services_requests");

            migrationBuilder.DropTable(
                name: "services_services");
        }
    }
}
