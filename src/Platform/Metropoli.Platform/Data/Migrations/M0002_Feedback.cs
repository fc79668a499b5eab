using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Reports sent through the "Segnala un problema" form.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_Feedback")]
public sealed class M0002_Feedback : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("platform_feedback", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            CreatedAt = t.Column<DateTime>(nullable: false),
            PagePath = t.Column<string>(maxLength: 500, nullable: false),
            Category = t.Column<string>(maxLength: 32, nullable: false),
            Message = t.Column<string>(maxLength: 4000, nullable: false),
            ContactEmail = t.Column<string>(maxLength: 256, nullable: true),
            Handled = t.Column<bool>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_platform_feedback", x => x.Id));
        m.CreateIndex("IX_platform_feedback_CreatedAt", "platform_feedback", "CreatedAt");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("platform_feedback");
}
