using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Metropoli.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfficerEvidenceAcceptance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "agreement_documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedBy",
                table: "agreement_documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadedByIstat",
                table: "agreement_documents",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            // hand-added: documents uploaded before this migration (docs/adr/0031). Those a municipality officer attached
            // to an obligation become evidence of their Comune, waiting for the owner office; all others are accepted
            // as uploaded. Same SQL on both providers.
            migrationBuilder.Sql(
                "UPDATE agreement_documents SET \"Kind\" = 'evidence', \"UploadedByIstat\" = " +
                "(SELECT u.\"MunicipalityIstat\" FROM auth_users u WHERE u.\"UserName\" = agreement_documents.\"UploadedBy\") " +
                "WHERE \"ObligationId\" IS NOT NULL AND \"UploadedBy\" IN (SELECT u.\"UserName\" FROM auth_users u " +
                "JOIN auth_user_roles ur ON ur.\"UserId\" = u.\"Id\" JOIN auth_roles r ON r.\"Id\" = ur.\"RoleId\" " +
                "WHERE r.\"Name\" = 'municipality-officer' AND u.\"MunicipalityIstat\" IS NOT NULL);");
            migrationBuilder.Sql(
                "UPDATE agreement_documents SET \"AcceptedAt\" = \"UploadedAt\", \"AcceptedBy\" = \"UploadedBy\" WHERE \"UploadedByIstat\" IS NULL;");
            // end hand-added
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "agreement_documents");

            migrationBuilder.DropColumn(
                name: "AcceptedBy",
                table: "agreement_documents");

            migrationBuilder.DropColumn(
                name: "UploadedByIstat",
                table: "agreement_documents");
        }
    }
}
