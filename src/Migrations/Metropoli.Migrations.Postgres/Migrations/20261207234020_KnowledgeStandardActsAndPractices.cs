using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KnowledgeStandardActsAndPractices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_practices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Problem = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Solution = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Costs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Contacts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "knowledge_standard_acts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_standard_acts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_standard_acts_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_practice_actions",
                columns: table => new
                {
                    PracticeId = table.Column<long>(type: "bigint", nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PracticeId = table.Column<long>(type: "bigint", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "knowledge_adoptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActId = table.Column<long>(type: "bigint", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ActNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_adoptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_adoptions_knowledge_standard_acts_ActId",
                        column: x => x.ActId,
                        principalTable: "knowledge_standard_acts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_knowledge_adoptions_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_standard_act_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_standard_act_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledge_standard_act_versions_knowledge_standard_acts_Act~",
                        column: x => x.ActId,
                        principalTable: "knowledge_standard_acts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_adoptions_ActId_IstatCode_VersionNumber",
                table: "knowledge_adoptions",
                columns: new[] { "ActId", "IstatCode", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_adoptions_IstatCode",
                table: "knowledge_adoptions",
                column: "IstatCode");

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

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_standard_act_versions_ActId_Number",
                table: "knowledge_standard_act_versions",
                columns: new[] { "ActId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_standard_acts_ObjectiveId",
                table: "knowledge_standard_acts",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_standard_acts_Title",
                table: "knowledge_standard_acts",
                column: "Title");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_adoptions");

            migrationBuilder.DropTable(
                name: "knowledge_practice_actions");

            migrationBuilder.DropTable(
                name: "knowledge_practice_reuses");

            migrationBuilder.DropTable(
                name: "knowledge_standard_act_versions");

            migrationBuilder.DropTable(
                name: "knowledge_practices");

            migrationBuilder.DropTable(
                name: "knowledge_standard_acts");
        }
    }
}
