using System;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ApprovalActBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovalActNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ApprovalActDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SignatureDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DurationMonths = table.Column<int>(type: "integer", nullable: true),
                    AutoRenewal = table.Column<bool>(type: "boolean", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Funding = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerSector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AlertDays = table.Column<int>(type: "integer", nullable: true),
                    PredecessorId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_agreements_agreement_agreements_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_themes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_themes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "auth_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "auth_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SectorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MunicipalityIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: true),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_dup_missions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_dup_missions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "plan_plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AdoptionActBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AdoptionActNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AdoptionActDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalActBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApprovalActNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ApprovalActDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PreviousPlanId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_plans_plan_plans_PreviousPlanId",
                        column: x => x.PreviousPlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_tags",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tags", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_feedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PagePath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Handled = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScheduledFor = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_job_schedules",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NextRunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRunBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_job_schedules", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "territory_associations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Functions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Act = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_associations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "territory_zones",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsCapoluogo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_zones", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "agreement_amendments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NewExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_amendments_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_bodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Members = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_bodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_bodies_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_status_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_status_changes_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_agreement_themes",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    ThemeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_agreement_themes", x => new { x.AgreementId, x.ThemeCode });
                    table.ForeignKey(
                        name: "FK_agreement_agreement_themes_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_agreement_themes_agreement_themes_ThemeCode",
                        column: x => x.ThemeCode,
                        principalTable: "agreement_themes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auth_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auth_role_claims_auth_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "auth_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_access_tokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_access_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auth_access_tokens_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_auth_user_claims_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_auth_user_logins_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_auth_user_roles_auth_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "auth_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_auth_user_roles_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_auth_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_auth_user_tokens_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_notifications_auth_users_UserId",
                        column: x => x.UserId,
                        principalTable: "auth_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_dup_programmes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    MissionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RegionsOnly = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_dup_programmes", x => x.Code);
                    table.ForeignKey(
                        name: "FK_plan_dup_programmes_plan_dup_missions_MissionCode",
                        column: x => x.MissionCode,
                        principalTable: "plan_dup_missions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_areas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_areas_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ReminderDays = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Instructions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SnapshotSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_campaigns_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_indicator_thresholds",
                columns: table => new
                {
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    OnTrack = table.Column<int>(type: "integer", nullable: false),
                    AtRisk = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_indicator_thresholds", x => x.PlanId);
                    table.ForeignKey(
                        name: "FK_plan_indicator_thresholds_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_zones",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_zones", x => new { x.AgreementId, x.ZoneCode });
                    table.ForeignKey(
                        name: "FK_agreement_zones_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_zones_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_municipalities",
                columns: table => new
                {
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CadastralCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    PostalCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ZoneSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Pec = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_municipalities", x => x.IstatCode);
                    table.ForeignKey(
                        name: "FK_territory_municipalities_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_zone_rotations",
                columns: table => new
                {
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TermMonths = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_zone_rotations", x => x.ZoneCode);
                    table.ForeignKey(
                        name: "FK_territory_zone_rotations_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Agenda = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Minutes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_meetings_agreement_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "agreement_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_objectives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    AreaId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_objectives_plan_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "plan_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_objectives_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_campaign_snapshots",
                columns: table => new
                {
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_campaign_snapshots", x => x.CampaignId);
                    table.ForeignKey(
                        name: "FK_plan_campaign_snapshots_plan_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "plan_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_municipalities",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_municipalities", x => new { x.AgreementId, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_agreement_municipalities_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_municipalities_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_association_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssociationId = table.Column<long>(type: "bigint", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_association_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_association_members_territory_associations_Associ~",
                        column: x => x.AssociationId,
                        principalTable: "territory_associations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_territory_association_members_territory_municipalities_Ista~",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_coordinator_terms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MayorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    IsOverride = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_coordinator_terms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_coordinator_terms_territory_municipalities_IstatC~",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_territory_coordinator_terms_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_mayors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_mayors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_mayors_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FiscalCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    VatNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    IpaCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MunicipalityIstat = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Pec = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_organisations_territory_municipalities_Municipali~",
                        column: x => x.MunicipalityIstat,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_zone_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Act = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_zone_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_zone_memberships_territory_municipalities_IstatCo~",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_territory_zone_memberships_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "territory_rotation_slots",
                columns: table => new
                {
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_rotation_slots", x => new { x.ZoneCode, x.Position });
                    table.ForeignKey(
                        name: "FK_territory_rotation_slots_territory_municipalities_IstatCode",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_territory_rotation_slots_territory_zone_rotations_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zone_rotations",
                        principalColumn: "ZoneCode",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_objectives",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_objectives", x => new { x.AgreementId, x.ObjectiveId });
                    table.ForeignKey(
                        name: "FK_agreement_objectives_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_objectives_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_parties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_parties_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_parties_territory_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    OwnerSector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeadOrganisationId = table.Column<long>(type: "bigint", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Budget = table.Column<decimal>(type: "numeric(15,2)", precision: 15, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DupMissionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    DupProgrammeCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    DupObjectiveCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PreviousActionId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_actions_plan_actions_PreviousActionId",
                        column: x => x.PreviousActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_actions_plan_dup_missions_DupMissionCode",
                        column: x => x.DupMissionCode,
                        principalTable: "plan_dup_missions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_actions_plan_dup_programmes_DupProgrammeCode",
                        column: x => x.DupProgrammeCode,
                        principalTable: "plan_dup_programmes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_actions_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_actions_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_actions_territory_organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_obligations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    PartyId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_obligations_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_obligations_agreement_parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "agreement_parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_actions",
                columns: table => new
                {
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_actions", x => new { x.AgreementId, x.ActionId });
                    table.ForeignKey(
                        name: "FK_agreement_actions_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_actions_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_action_municipalities",
                columns: table => new
                {
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    IstatCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_action_municipalities", x => new { x.ActionId, x.IstatCode });
                    table.ForeignKey(
                        name: "FK_plan_action_municipalities_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_action_municipalities_territory_municipalities_IstatCo~",
                        column: x => x.IstatCode,
                        principalTable: "territory_municipalities",
                        principalColumn: "IstatCode",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_action_partners",
                columns: table => new
                {
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_action_partners", x => new { x.ActionId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_plan_action_partners_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_action_partners_territory_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "territory_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_action_tags",
                columns: table => new
                {
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    TagCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_action_tags", x => new { x.ActionId, x.TagCode });
                    table.ForeignKey(
                        name: "FK_plan_action_tags_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_action_tags_plan_tags_TagCode",
                        column: x => x.TagCode,
                        principalTable: "plan_tags",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_action_zones",
                columns: table => new
                {
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_action_zones", x => new { x.ActionId, x.ZoneCode });
                    table.ForeignKey(
                        name: "FK_plan_action_zones_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_action_zones_territory_zones_ZoneCode",
                        column: x => x.ZoneCode,
                        principalTable: "territory_zones",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_campaign_actions",
                columns: table => new
                {
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AreaTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ObjectiveCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObjectiveTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwnerSector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TaskStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_campaign_actions", x => new { x.CampaignId, x.ActionId });
                    table.ForeignKey(
                        name: "FK_plan_campaign_actions_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_campaign_actions_plan_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "plan_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_campaign_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: false),
                    OwnerSector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReportedStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReportedProgress = table.Column<int>(type: "integer", nullable: true),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_campaign_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_campaign_tasks_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_campaign_tasks_plan_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "plan_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_indicators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: true),
                    ObjectiveId = table.Column<long>(type: "bigint", nullable: true),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LowerBound = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    UpperBound = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    BaselineValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    BaselineYear = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerSector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_indicators_plan_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "plan_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_indicators_plan_objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "plan_objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_indicators_plan_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plan_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    ObligationId = table.Column<long>(type: "bigint", nullable: true),
                    MeetingId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_documents_agreement_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreement_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_documents_agreement_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "agreement_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agreement_documents_agreement_obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "agreement_obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_indicator_targets",
                columns: table => new
                {
                    IndicatorId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_indicator_targets", x => new { x.IndicatorId, x.Year });
                    table.ForeignKey(
                        name: "FK_plan_indicator_targets_plan_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "plan_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_measurements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceSize = table.Column<long>(type: "bigint", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_measurements_plan_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "plan_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_actions_ActionId",
                table: "agreement_actions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_agreement_themes_ThemeCode",
                table: "agreement_agreement_themes",
                column: "ThemeCode");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_agreements_ExpiryDate",
                table: "agreement_agreements",
                column: "ExpiryDate");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_agreements_Number",
                table: "agreement_agreements",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_agreements_PredecessorId",
                table: "agreement_agreements",
                column: "PredecessorId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_agreements_Status",
                table: "agreement_agreements",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_amendments_AgreementId_Number",
                table: "agreement_amendments",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_bodies_AgreementId",
                table: "agreement_bodies",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_documents_AgreementId",
                table: "agreement_documents",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_documents_MeetingId",
                table: "agreement_documents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_documents_ObligationId",
                table: "agreement_documents",
                column: "ObligationId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_meetings_BodyId",
                table: "agreement_meetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_municipalities_IstatCode",
                table: "agreement_municipalities",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_objectives_ObjectiveId",
                table: "agreement_objectives",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_obligations_AgreementId",
                table: "agreement_obligations",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_obligations_PartyId",
                table: "agreement_obligations",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_obligations_Status_DueDate",
                table: "agreement_obligations",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_parties_AgreementId_OrganisationId",
                table: "agreement_parties",
                columns: new[] { "AgreementId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_parties_OrganisationId",
                table: "agreement_parties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_status_changes_AgreementId",
                table: "agreement_status_changes",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_zones_ZoneCode",
                table: "agreement_zones",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_auth_access_tokens_TokenHash",
                table: "auth_access_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auth_access_tokens_UserId",
                table: "auth_access_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_auth_role_claims_RoleId",
                table: "auth_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "auth_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_auth_user_claims_UserId",
                table: "auth_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_auth_user_logins_UserId",
                table: "auth_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_auth_user_roles_RoleId",
                table: "auth_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "auth_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "auth_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_action_municipalities_IstatCode",
                table: "plan_action_municipalities",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_action_partners_OrganisationId",
                table: "plan_action_partners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_action_tags_TagCode",
                table: "plan_action_tags",
                column: "TagCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_action_zones_ZoneCode",
                table: "plan_action_zones",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_DupMissionCode",
                table: "plan_actions",
                column: "DupMissionCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_DupProgrammeCode",
                table: "plan_actions",
                column: "DupProgrammeCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_LeadOrganisationId",
                table: "plan_actions",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_ObjectiveId",
                table: "plan_actions",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_OwnerSector",
                table: "plan_actions",
                column: "OwnerSector");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_PlanId_Code",
                table: "plan_actions",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_PreviousActionId",
                table: "plan_actions",
                column: "PreviousActionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_actions_Status",
                table: "plan_actions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_plan_areas_PlanId_Code",
                table: "plan_areas",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaign_actions_ActionId",
                table: "plan_campaign_actions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaign_tasks_ActionId",
                table: "plan_campaign_tasks",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaign_tasks_CampaignId_ActionId",
                table: "plan_campaign_tasks",
                columns: new[] { "CampaignId", "ActionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaign_tasks_OwnerSector_Status",
                table: "plan_campaign_tasks",
                columns: new[] { "OwnerSector", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaigns_PlanId_Name",
                table: "plan_campaigns",
                columns: new[] { "PlanId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_campaigns_Status",
                table: "plan_campaigns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_plan_dup_programmes_MissionCode",
                table: "plan_dup_programmes",
                column: "MissionCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_indicators_ActionId",
                table: "plan_indicators",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_indicators_ObjectiveId",
                table: "plan_indicators",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_indicators_PlanId_Code",
                table: "plan_indicators",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_measurements_IndicatorId_Period",
                table: "plan_measurements",
                columns: new[] { "IndicatorId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_measurements_IndicatorId_Status_PeriodEnd",
                table: "plan_measurements",
                columns: new[] { "IndicatorId", "Status", "PeriodEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_measurements_Status",
                table: "plan_measurements",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_plan_objectives_AreaId",
                table: "plan_objectives",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_objectives_PlanId_Code",
                table: "plan_objectives",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_Name",
                table: "plan_plans",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_PreviousPlanId",
                table: "plan_plans",
                column: "PreviousPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_plans_Status",
                table: "plan_plans",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_At",
                table: "platform_audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_EntityType_EntityId",
                table: "platform_audit_entries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_Sequence",
                table: "platform_audit_entries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_UserName",
                table: "platform_audit_entries",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_platform_feedback_CreatedAt",
                table: "platform_feedback",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_job_runs_Name_ScheduledFor",
                table: "platform_job_runs",
                columns: new[] { "Name", "ScheduledFor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_UserId_DedupKey",
                table: "platform_notifications",
                columns: new[] { "UserId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_UserId_ReadAt",
                table: "platform_notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_SentAt_NextAttemptAt",
                table: "platform_outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_association_members_AssociationId",
                table: "territory_association_members",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_association_members_IstatCode",
                table: "territory_association_members",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_territory_associations_Name",
                table: "territory_associations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_territory_coordinator_terms_IstatCode",
                table: "territory_coordinator_terms",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_territory_coordinator_terms_ZoneCode_TermStart",
                table: "territory_coordinator_terms",
                columns: new[] { "ZoneCode", "TermStart" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_mayors_IstatCode_TermStart",
                table: "territory_mayors",
                columns: new[] { "IstatCode", "TermStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_municipalities_CadastralCode",
                table: "territory_municipalities",
                column: "CadastralCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_municipalities_Name",
                table: "territory_municipalities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_territory_municipalities_ZoneCode",
                table: "territory_municipalities",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_territory_organisations_FiscalCode",
                table: "territory_organisations",
                column: "FiscalCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_organisations_MunicipalityIstat",
                table: "territory_organisations",
                column: "MunicipalityIstat",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_organisations_Name",
                table: "territory_organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_territory_organisations_Type",
                table: "territory_organisations",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_territory_rotation_slots_IstatCode",
                table: "territory_rotation_slots",
                column: "IstatCode");

            migrationBuilder.CreateIndex(
                name: "IX_territory_rotation_slots_ZoneCode_IstatCode",
                table: "territory_rotation_slots",
                columns: new[] { "ZoneCode", "IstatCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_zone_memberships_IstatCode_ValidFrom",
                table: "territory_zone_memberships",
                columns: new[] { "IstatCode", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_zone_memberships_ZoneCode_ValidFrom",
                table: "territory_zone_memberships",
                columns: new[] { "ZoneCode", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_zones_Name",
                table: "territory_zones",
                column: "Name",
                unique: true);

            // What the model cannot express; the hand-written migrations this baseline replaces created it too.
            // The audit chain's head starts at the genesis hash (AuditRecorder locks this row to serialise writers).
            migrationBuilder.InsertData("platform_audit_head", ["Id", "Sequence", "Hash"], [1, 0L, AuditRecorder.GenesisHash]);

            // The agreement register's substring search (docs/adr/0022): pg_trgm and one GIN index on the lower-cased title,
            // number and subject, which the search's LIKE expressions match. A server without the extension (a managed
            // one that does not offer it) gets a notice instead, and the search reads the table as it would without it.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                EXCEPTION WHEN OTHERS THEN
                    RAISE NOTICE 'pg_trgm is not available: the agreement search runs without its index';
                END $$
                """);
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX "{SchemaExtras.AgreementSearchIndex}" ON agreement_agreements
                            USING gin (lower("Title") gin_trgm_ops, lower("Number") gin_trgm_ops, lower("Subject") gin_trgm_ops);
                    END IF;
                END $$
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{SchemaExtras.AgreementSearchIndex}\"");
            migrationBuilder.DropTable(
                name: "agreement_actions");

            migrationBuilder.DropTable(
                name: "agreement_agreement_themes");

            migrationBuilder.DropTable(
                name: "agreement_amendments");

            migrationBuilder.DropTable(
                name: "agreement_documents");

            migrationBuilder.DropTable(
                name: "agreement_municipalities");

            migrationBuilder.DropTable(
                name: "agreement_objectives");

            migrationBuilder.DropTable(
                name: "agreement_status_changes");

            migrationBuilder.DropTable(
                name: "agreement_zones");

            migrationBuilder.DropTable(
                name: "auth_access_tokens");

            migrationBuilder.DropTable(
                name: "auth_role_claims");

            migrationBuilder.DropTable(
                name: "auth_user_claims");

            migrationBuilder.DropTable(
                name: "auth_user_logins");

            migrationBuilder.DropTable(
                name: "auth_user_roles");

            migrationBuilder.DropTable(
                name: "auth_user_tokens");

            migrationBuilder.DropTable(
                name: "plan_action_municipalities");

            migrationBuilder.DropTable(
                name: "plan_action_partners");

            migrationBuilder.DropTable(
                name: "plan_action_tags");

            migrationBuilder.DropTable(
                name: "plan_action_zones");

            migrationBuilder.DropTable(
                name: "plan_campaign_actions");

            migrationBuilder.DropTable(
                name: "plan_campaign_snapshots");

            migrationBuilder.DropTable(
                name: "plan_campaign_tasks");

            migrationBuilder.DropTable(
                name: "plan_indicator_targets");

            migrationBuilder.DropTable(
                name: "plan_indicator_thresholds");

            migrationBuilder.DropTable(
                name: "plan_measurements");

            migrationBuilder.DropTable(
                name: "platform_audit_entries");

            migrationBuilder.DropTable(
                name: "platform_audit_head");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");

            migrationBuilder.DropTable(
                name: "platform_feedback");

            migrationBuilder.DropTable(
                name: "platform_job_runs");

            migrationBuilder.DropTable(
                name: "platform_job_schedules");

            migrationBuilder.DropTable(
                name: "platform_notifications");

            migrationBuilder.DropTable(
                name: "platform_outbox");

            migrationBuilder.DropTable(
                name: "territory_association_members");

            migrationBuilder.DropTable(
                name: "territory_coordinator_terms");

            migrationBuilder.DropTable(
                name: "territory_mayors");

            migrationBuilder.DropTable(
                name: "territory_rotation_slots");

            migrationBuilder.DropTable(
                name: "territory_zone_memberships");

            migrationBuilder.DropTable(
                name: "agreement_themes");

            migrationBuilder.DropTable(
                name: "agreement_meetings");

            migrationBuilder.DropTable(
                name: "agreement_obligations");

            migrationBuilder.DropTable(
                name: "auth_roles");

            migrationBuilder.DropTable(
                name: "plan_tags");

            migrationBuilder.DropTable(
                name: "plan_campaigns");

            migrationBuilder.DropTable(
                name: "plan_indicators");

            migrationBuilder.DropTable(
                name: "auth_users");

            migrationBuilder.DropTable(
                name: "territory_associations");

            migrationBuilder.DropTable(
                name: "territory_zone_rotations");

            migrationBuilder.DropTable(
                name: "agreement_bodies");

            migrationBuilder.DropTable(
                name: "agreement_parties");

            migrationBuilder.DropTable(
                name: "plan_actions");

            migrationBuilder.DropTable(
                name: "agreement_agreements");

            migrationBuilder.DropTable(
                name: "plan_dup_programmes");

            migrationBuilder.DropTable(
                name: "plan_objectives");

            migrationBuilder.DropTable(
                name: "territory_organisations");

            migrationBuilder.DropTable(
                name: "plan_dup_missions");

            migrationBuilder.DropTable(
                name: "plan_areas");

            migrationBuilder.DropTable(
                name: "territory_municipalities");

            migrationBuilder.DropTable(
                name: "plan_plans");

            migrationBuilder.DropTable(
                name: "territory_zones");
        }
    }
}
