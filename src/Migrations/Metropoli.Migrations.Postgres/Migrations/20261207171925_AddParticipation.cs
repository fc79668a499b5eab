using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "participation_bodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_bodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_bodies_participation_bodies_ParentId",
                        column: x => x.ParentId,
                        principalTable: "participation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_participation_bodies_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_consultations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Subject = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: true),
                    ActionId = table.Column<long>(type: "bigint", nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerBy = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenToAll = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_consultations_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_participation_consultations_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Agenda = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: true),
                    MinutesApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    ConvenedByIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ConvenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_meetings_participation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "participation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participation_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_members_participation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "participation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_members_territory_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_membership_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_membership_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_membership_requests_participation_bodies_Body~",
                        column: x => x.BodyId,
                        principalTable: "participation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_membership_requests_territory_organisations_O~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_proposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    IsWithdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    ModerationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AnswerReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TakenUpObjectiveId = table.Column<long>(type: "bigint", nullable: true),
                    TakenUpActionId = table.Column<long>(type: "bigint", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_proposals_participation_consultations_Consult~",
                        column: x => x.ConsultationId,
                        principalTable: "participation_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_proposals_plan_actions_TakenUpActionId",
                        column: x => x.TakenUpActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_participation_proposals_plan_objectives_TakenUpObjectiveId",
                        column: x => x.TakenUpObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_participation_proposals_territory_organisations_Organisatio~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_attendance",
                columns: table => new
                {
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_attendance", x => new { x.MeetingId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_participation_attendance_participation_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "participation_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_attendance_territory_organisations_Organisati~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    ModerationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_comments_participation_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "participation_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_comments_territory_organisations_Organisation~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participation_endorsements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_endorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participation_endorsements_participation_proposals_Proposal~",
                        column: x => x.ProposalId,
                        principalTable: "participation_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_participation_endorsements_territory_organisations_Organisa~",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_participation_attendance_OrganisationId",
                table: "participation_attendance",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_bodies_ParentId",
                table: "participation_bodies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_bodies_ZoneCode",
                table: "participation_bodies",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_participation_comments_AuthorUserId",
                table: "participation_comments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_comments_OrganisationId",
                table: "participation_comments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_comments_ProposalId",
                table: "participation_comments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_consultations_ActionId",
                table: "participation_consultations",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_consultations_ClosesOn",
                table: "participation_consultations",
                column: "ClosesOn");

            migrationBuilder.CreateIndex(
                name: "IX_participation_consultations_ObjectiveId",
                table: "participation_consultations",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_endorsements_OrganisationId",
                table: "participation_endorsements",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_endorsements_ProposalId_OrganisationId",
                table: "participation_endorsements",
                columns: new[] { "ProposalId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participation_meetings_BodyId_StartsAt",
                table: "participation_meetings",
                columns: new[] { "BodyId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_participation_members_BodyId_OrganisationId",
                table: "participation_members",
                columns: new[] { "BodyId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participation_members_OrganisationId",
                table: "participation_members",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_membership_requests_BodyId_Status",
                table: "participation_membership_requests",
                columns: new[] { "BodyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_participation_membership_requests_OrganisationId",
                table: "participation_membership_requests",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_AuthorUserId",
                table: "participation_proposals",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_ConsultationId",
                table: "participation_proposals",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_OrganisationId",
                table: "participation_proposals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_TakenUpActionId",
                table: "participation_proposals",
                column: "TakenUpActionId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_proposals_TakenUpObjectiveId",
                table: "participation_proposals",
                column: "TakenUpObjectiveId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "participation_attendance");

            migrationBuilder.DropTable(
                name: "participation_comments");

            migrationBuilder.DropTable(
                name: "participation_endorsements");

            migrationBuilder.DropTable(
                name: "participation_members");

            migrationBuilder.DropTable(
                name: "participation_membership_requests");

            migrationBuilder.DropTable(
                name: "participation_meetings");

            migrationBuilder.DropTable(
                name: "participation_proposals");

            migrationBuilder.DropTable(
                name: "participation_bodies");

            migrationBuilder.DropTable(
                name: "participation_consultations");
        }
    }
}
