using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>The organisations registry: every party, with a Comune linked one-to-one by its ISTAT code
/// and the codice fiscale unique where present (NULLs are distinct on both providers).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000004_Organisations")]
public sealed class M0004_Organisations : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("territory_organisations", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Type = t.Column<string>(maxLength: 32, nullable: false),
            FiscalCode = t.Column<string>(maxLength: 16, nullable: true),
            VatNumber = t.Column<string>(maxLength: 11, nullable: true),
            IpaCode = t.Column<string>(maxLength: 20, nullable: true),
            MunicipalityIstat = t.Column<string>(maxLength: 6, nullable: true),
            Address = t.Column<string>(maxLength: 200, nullable: true),
            PostalCode = t.Column<string>(maxLength: 5, nullable: true),
            City = t.Column<string>(maxLength: 100, nullable: true),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            Pec = t.Column<string>(maxLength: 200, nullable: true),
            Phone = t.Column<string>(maxLength: 40, nullable: true),
            Website = t.Column<string>(maxLength: 200, nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_territory_organisations", x => x.Id);
            // EF shortens names past PostgreSQL's 63-byte limit this way; the migration must use the same name.
            t.ForeignKey("FK_territory_organisations_territory_municipalities_Municipali~", x => x.MunicipalityIstat,
                "territory_municipalities", "IstatCode", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_territory_organisations_Name", "territory_organisations", "Name");
        m.CreateIndex("IX_territory_organisations_Type", "territory_organisations", "Type");
        m.CreateIndex("IX_territory_organisations_FiscalCode", "territory_organisations", "FiscalCode", unique: true);
        m.CreateIndex("IX_territory_organisations_MunicipalityIstat", "territory_organisations", "MunicipalityIstat", unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("territory_organisations");
}
