using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddJointRecruitment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_competitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NoticeReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NoticeUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicationsCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_competitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_competitions_services_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_competition_posts",
                columns: table => new
                {
                    CompetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_competition_posts", x => new { x.CompetitionId, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_services_competition_posts_services_competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "services_competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_services_competition_posts_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_ranking_lists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompetitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_ranking_lists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_ranking_lists_services_competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "services_competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_staffing_needs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompetitionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_staffing_needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_staffing_needs_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_staffing_needs_services_competitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "services_competitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_staffing_needs_services_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "services_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_services_staffing_needs_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_ranking_draws",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RankingListId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AgreementId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_ranking_draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_services_ranking_draws_services_ranking_lists_RankingListId",
                        column: x => x.RankingListId,
                        principalTable: "services_ranking_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_services_ranking_draws_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "services_ranking_entries",
                columns: table => new
                {
                    RankingListId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services_ranking_entries", x => new { x.RankingListId, x.Rank });
                    table.ForeignKey(
                        name: "FK_services_ranking_entries_services_ranking_lists_RankingListId",
                        column: x => x.RankingListId,
                        principalTable: "services_ranking_lists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_services_competition_posts_IstatCode",
                table: "services_competition_posts",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_competitions_Profile",
                table: "services_competitions",
                column: "Profile");

            migrationBuilder.CreateIndex(
                name: "IX_services_competitions_ServiceId",
                table: "services_competitions",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_draws_IstatCode",
                table: "services_ranking_draws",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_draws_RankingListId_Rank",
                table: "services_ranking_draws",
                columns: new[] { "RankingListId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_draws_RankingListId_Sequence",
                table: "services_ranking_draws",
                columns: new[] { "RankingListId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_entries_RankingListId_CandidateCode",
                table: "services_ranking_entries",
                columns: new[] { "RankingListId", "CandidateCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_lists_CompetitionId",
                table: "services_ranking_lists",
                column: "CompetitionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_ranking_lists_ValidUntil",
                table: "services_ranking_lists",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_services_staffing_needs_AgreementId",
                table: "services_staffing_needs",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_services_staffing_needs_CompetitionId",
                table: "services_staffing_needs",
                column: "CompetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_services_staffing_needs_IstatCode",
                table: "services_staffing_needs",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_services_staffing_needs_ServiceId",
                table: "services_staffing_needs",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_competition_posts");

            migrationBuilder.DropTable(
                name: "services_ranking_draws");

            migrationBuilder.DropTable(
                name: "services_ranking_entries");

            migrationBuilder.DropTable(
                name: "services_staffing_needs");

            migrationBuilder.DropTable(
                name: "services_ranking_lists");

            migrationBuilder.DropTable(
                name: "services_competitions");
        }
    }
}
