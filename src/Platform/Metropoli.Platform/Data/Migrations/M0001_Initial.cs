using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>The first schema: identity, audit trail, jobs, Data Protection keys, and the territory
/// reference tables. Written by hand (no design-time tooling here). Column types are left to each
/// provider's mapping of the CLR type; both providers' identity annotations are given, and each
/// provider ignores the other's. <c>MigrationsMatchModelTests</c> proves the result equals the model.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000001_Initial")]
public sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("auth_roles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_auth_roles", x => x.Id));

        m.CreateTable("auth_users", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            SectorCode = t.Column<string>(maxLength: 64, nullable: true),
            MunicipalityIstat = t.Column<string>(maxLength: 6, nullable: true),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: true),
            OrganisationId = t.Column<long>(nullable: true),
            IsDisabled = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_auth_users", x => x.Id));

        m.CreateTable("auth_role_claims", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_role_claims", x => x.Id);
            t.ForeignKey("FK_auth_role_claims_auth_roles_RoleId", x => x.RoleId, "auth_roles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("auth_user_claims", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_user_claims", x => x.Id);
            t.ForeignKey("FK_auth_user_claims_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("auth_user_logins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_user_logins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_auth_user_logins_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("auth_user_roles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_user_roles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_auth_user_roles_auth_roles_RoleId", x => x.RoleId, "auth_roles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_auth_user_roles_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("auth_user_tokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_auth_user_tokens_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("auth_access_tokens", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Prefix = t.Column<string>(maxLength: 16, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_auth_access_tokens", x => x.Id);
            t.ForeignKey("FK_auth_access_tokens_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("platform_audit_entries", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Sequence = t.Column<long>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            UserId = t.Column<string>(maxLength: 64, nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            EntityType = t.Column<string>(maxLength: 128, nullable: false),
            EntityId = t.Column<string>(maxLength: 128, nullable: false),
            Action = t.Column<string>(maxLength: 16, nullable: false),
            Before = t.Column<string>(nullable: true),
            After = t.Column<string>(nullable: true),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_platform_audit_entries", x => x.Id));

        m.CreateTable("platform_audit_head", t => new
        {
            Id = t.Column<int>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_platform_audit_head", x => x.Id));
        m.Sql($"INSERT INTO platform_audit_head (\"Id\", \"Sequence\", \"Hash\") VALUES (1, 0, '{AuditRecorder.GenesisHash}')");

        m.CreateTable("platform_job_schedules", t => new
        {
            Name = t.Column<string>(maxLength: 100, nullable: false),
            NextRunAt = t.Column<DateTime>(nullable: false),
            LastRunAt = t.Column<DateTime>(nullable: true),
            LastRunBy = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_platform_job_schedules", x => x.Name));

        m.CreateTable("platform_job_runs", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            ScheduledFor = t.Column<DateTime>(nullable: false),
            Instance = t.Column<string>(maxLength: 200, nullable: false),
            StartedAt = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Outcome = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_platform_job_runs", x => x.Id));

        m.CreateTable("platform_data_protection_keys", t => new
        {
            Id = Identity(t.Column<int>(nullable: false)),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_platform_data_protection_keys", x => x.Id));

        m.CreateTable("territory_zones", t => new
        {
            Code = t.Column<string>(maxLength: 64, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            IsCapoluogo = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_territory_zones", x => x.Code));

        m.CreateTable("territory_municipalities", t => new
        {
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            CadastralCode = t.Column<string>(maxLength: 4, nullable: false),
            Population = t.Column<int>(nullable: false),
            PostalCodes = t.Column<string>(maxLength: 400, nullable: false),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
            ZoneSource = t.Column<string>(maxLength: 16, nullable: false),
            Website = t.Column<string>(maxLength: 200, nullable: true),
            Pec = t.Column<string>(maxLength: 200, nullable: true),
            Phone = t.Column<string>(maxLength: 40, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_municipalities", x => x.IstatCode);
            t.ForeignKey("FK_territory_municipalities_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });

        m.CreateIndex("RoleNameIndex", "auth_roles", "NormalizedName", unique: true);
        m.CreateIndex("EmailIndex", "auth_users", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "auth_users", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_auth_role_claims_RoleId", "auth_role_claims", "RoleId");
        m.CreateIndex("IX_auth_user_claims_UserId", "auth_user_claims", "UserId");
        m.CreateIndex("IX_auth_user_logins_UserId", "auth_user_logins", "UserId");
        m.CreateIndex("IX_auth_user_roles_RoleId", "auth_user_roles", "RoleId");
        m.CreateIndex("IX_auth_access_tokens_TokenHash", "auth_access_tokens", "TokenHash", unique: true);
        m.CreateIndex("IX_auth_access_tokens_UserId", "auth_access_tokens", "UserId");
        m.CreateIndex("IX_platform_audit_entries_Sequence", "platform_audit_entries", "Sequence", unique: true);
        m.CreateIndex("IX_platform_audit_entries_EntityType_EntityId", "platform_audit_entries", ["EntityType", "EntityId"]);
        m.CreateIndex("IX_platform_audit_entries_At", "platform_audit_entries", "At");
        m.CreateIndex("IX_platform_audit_entries_UserName", "platform_audit_entries", "UserName");
        m.CreateIndex("IX_platform_job_runs_Name_ScheduledFor", "platform_job_runs", ["Name", "ScheduledFor"], unique: true);
        m.CreateIndex("IX_territory_zones_Name", "territory_zones", "Name", unique: true);
        m.CreateIndex("IX_territory_municipalities_Name", "territory_municipalities", "Name");
        m.CreateIndex("IX_territory_municipalities_ZoneCode", "territory_municipalities", "ZoneCode");
        m.CreateIndex("IX_territory_municipalities_CadastralCode", "territory_municipalities", "CadastralCode", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "territory_municipalities", "territory_zones", "platform_data_protection_keys", "platform_job_runs",
            "platform_job_schedules", "platform_audit_head", "platform_audit_entries", "auth_access_tokens",
            "auth_user_tokens", "auth_user_roles", "auth_user_logins", "auth_user_claims", "auth_role_claims",
            "auth_users", "auth_roles",
        })
        {
            m.DropTable(table);
        }
    }
}
