using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>Helpers shared by the hand-written migrations.</summary>
internal static class MigrationColumns
{
    /// <summary>An auto-numbered key on both providers: each provider reads its own annotation and ignores the other's.</summary>
    public static OperationBuilder<AddColumnOperation> Identity(OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
