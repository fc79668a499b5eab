using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Zone membership history, mayors, coordinator rotation and its recorded terms, associations
/// of Comuni. The initial memberships are not inserted here: on a fresh database the Comuni do not
/// exist yet when migrations run, so <c>TerritorySeed</c> adds one open membership to every Comune
/// that has none — the same code path for a fresh database and for one seeded before this migration.
/// Constraint names longer than PostgreSQL's 63 characters are written as EF Core truncates them ("…~").</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000003_TerritoryHistory")]
public sealed class M0003_TerritoryHistory : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("territory_zone_memberships", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
            ValidFrom = t.Column<DateOnly>(nullable: false),
            ValidTo = t.Column<DateOnly>(nullable: true),
            Act = t.Column<string>(maxLength: 500, nullable: true),
            Source = t.Column<string>(maxLength: 16, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_zone_memberships", x => x.Id);
            t.ForeignKey("FK_territory_zone_memberships_territory_municipalities_IstatCo~", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_territory_zone_memberships_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_territory_zone_memberships_IstatCode_ValidFrom", "territory_zone_memberships", ["IstatCode", "ValidFrom"], unique: true);
        m.CreateIndex("IX_territory_zone_memberships_ZoneCode_ValidFrom", "territory_zone_memberships", ["ZoneCode", "ValidFrom"]);

        m.CreateTable("territory_mayors", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            TermStart = t.Column<DateOnly>(nullable: false),
            TermEnd = t.Column<DateOnly>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_mayors", x => x.Id);
            t.ForeignKey("FK_territory_mayors_territory_municipalities_IstatCode", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_territory_mayors_IstatCode_TermStart", "territory_mayors", ["IstatCode", "TermStart"], unique: true);

        m.CreateTable("territory_zone_rotations", t => new
        {
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
            TermMonths = t.Column<int>(nullable: false),
            StartDate = t.Column<DateOnly>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_zone_rotations", x => x.ZoneCode);
            t.ForeignKey("FK_territory_zone_rotations_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("territory_rotation_slots", t => new
        {
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
            Position = t.Column<int>(nullable: false),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_rotation_slots", x => new { x.ZoneCode, x.Position });
            t.ForeignKey("FK_territory_rotation_slots_territory_municipalities_IstatCode", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_territory_rotation_slots_territory_zone_rotations_ZoneCode", x => x.ZoneCode, "territory_zone_rotations", "ZoneCode", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_territory_rotation_slots_IstatCode", "territory_rotation_slots", "IstatCode");
        m.CreateIndex("IX_territory_rotation_slots_ZoneCode_IstatCode", "territory_rotation_slots", ["ZoneCode", "IstatCode"], unique: true);

        m.CreateTable("territory_coordinator_terms", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            ZoneCode = t.Column<string>(maxLength: 64, nullable: false),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
            MayorName = t.Column<string>(maxLength: 200, nullable: false),
            TermStart = t.Column<DateOnly>(nullable: false),
            TermEnd = t.Column<DateOnly>(nullable: false),
            IsOverride = t.Column<bool>(nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: true),
            SetBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_coordinator_terms", x => x.Id);
            t.ForeignKey("FK_territory_coordinator_terms_territory_municipalities_IstatC~", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_territory_coordinator_terms_territory_zones_ZoneCode", x => x.ZoneCode, "territory_zones", "Code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_territory_coordinator_terms_IstatCode", "territory_coordinator_terms", "IstatCode");
        m.CreateIndex("IX_territory_coordinator_terms_ZoneCode_TermStart", "territory_coordinator_terms", ["ZoneCode", "TermStart"]);

        m.CreateTable("territory_associations", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            ValidFrom = t.Column<DateOnly>(nullable: true),
            ValidTo = t.Column<DateOnly>(nullable: true),
            Functions = t.Column<string>(maxLength: 2000, nullable: false),
            Act = t.Column<string>(maxLength: 500, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_territory_associations", x => x.Id));
        m.CreateIndex("IX_territory_associations_Name", "territory_associations", "Name");

        m.CreateTable("territory_association_members", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            AssociationId = t.Column<long>(nullable: false),
            IstatCode = t.Column<string>(maxLength: 6, nullable: false),
            ValidFrom = t.Column<DateOnly>(nullable: true),
            ValidTo = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_association_members", x => x.Id);
            t.ForeignKey("FK_territory_association_members_territory_associations_Associ~", x => x.AssociationId, "territory_associations", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_territory_association_members_territory_municipalities_Ista~", x => x.IstatCode, "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_territory_association_members_AssociationId", "territory_association_members", "AssociationId");
        m.CreateIndex("IX_territory_association_members_IstatCode", "territory_association_members", "IstatCode");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("territory_association_members");
        m.DropTable("territory_associations");
        m.DropTable("territory_coordinator_terms");
        m.DropTable("territory_rotation_slots");
        m.DropTable("territory_zone_rotations");
        m.DropTable("territory_mayors");
        m.DropTable("territory_zone_memberships");
    }
}
