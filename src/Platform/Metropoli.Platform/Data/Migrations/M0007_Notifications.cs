using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Metropoli.Platform.Data.Migrations.MigrationColumns;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>In-app notifications (unique per user and dedup key) and the e-mail outbox.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000007_Notifications")]
public sealed class M0007_Notifications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("platform_notifications", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            Link = t.Column<string>(maxLength: 500, nullable: true),
            DedupKey = t.Column<string>(maxLength: 300, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_platform_notifications", x => x.Id);
            t.ForeignKey("FK_platform_notifications_auth_users_UserId", x => x.UserId, "auth_users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_platform_notifications_UserId_DedupKey", "platform_notifications", ["UserId", "DedupKey"], unique: true);
        m.CreateIndex("IX_platform_notifications_UserId_ReadAt", "platform_notifications", ["UserId", "ReadAt"]);

        m.CreateTable("platform_outbox", t => new
        {
            Id = Identity(t.Column<long>(nullable: false)),
            To = t.Column<string>(maxLength: 256, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 8000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_platform_outbox", x => x.Id));
        m.CreateIndex("IX_platform_outbox_SentAt_NextAttemptAt", "platform_outbox", ["SentAt", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("platform_outbox");
        m.DropTable("platform_notifications");
    }
}
