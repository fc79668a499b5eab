using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgePractices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_practices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Costs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Contacts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ZoneCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_practices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_practices_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_knowledge_practices_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_practice_actions",
                columns: table => new
                {
                    PracticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_practice_actions", x => new { x.PracticeId, x.ActionId });
                    table.ForeignKey(
                        name: "FK_knowledge_practice_actions_knowledge_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "knowledge_practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_knowledge_practice_actions_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_practice_reuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PracticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    IstatCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_practice_reuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_practice_reuses_knowledge_practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "knowledge_practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_knowledge_practice_reuses_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practice_actions_ActionId",
                table: "knowledge_practice_actions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practice_reuses_IstatCode",
                table: "knowledge_practice_reuses",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practice_reuses_PracticeId_IstatCode",
                table: "knowledge_practice_reuses",
                columns: new[] { "PracticeId", "IstatCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practices_IstatCode",
                table: "knowledge_practices",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practices_Status_PublishedAt",
                table: "knowledge_practices",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_practices_ZoneCode",
                table: "knowledge_practices",
                column: "ZoneCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_practice_actions");

            migrationBuilder.DropTable(
                name: "knowledge_practice_reuses");

            migrationBuilder.DropTable(
                name: "knowledge_practices");
        }
    }
}
