using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationKindsAndLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "platform_notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "text");

            migrationBuilder.AddColumn<string>(
                name: "Parameters",
                table: "platform_notifications",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredLanguage",
                table: "auth_users",
                type: "TEXT",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "platform_notifications");

            migrationBuilder.DropColumn(
                name: "Parameters",
                table: "platform_notifications");

            migrationBuilder.DropColumn(
                name: "PreferredLanguage",
                table: "auth_users");
        }
    }
}
