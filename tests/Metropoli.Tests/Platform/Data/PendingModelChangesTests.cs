using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metropoli.Tests.Platform.Data;

/// <summary>Every change of the model is in a migration, for each provider: a property, index or table added to a
/// module's configuration without `scripts/add-migration.sh` fails here (and the app would refuse to migrate).
/// The context comes from the real host's services, as the design-time tools build it, so that Identity's store
/// options are the app's; the host starts without touching a database, so both providers are checked in every run.</summary>
public sealed class PendingModelChangesTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_model_has_no_change_that_no_migration_holds(DatabaseProvider provider)
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? "Host=127.0.0.1;Port=1;Database=never_opened"
            : "Data Source=never-opened;Mode=Memory";
        await using var app = new MetropoliApp(provider, connectionString, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Demo:CreateAccounts"] = "false",
        }).Start();
        await app.WithDb(db =>
        {
            Assert.Equal(provider == DatabaseProvider.Postgres ? DatabaseSetup.PostgresMigrations : DatabaseSetup.SqliteMigrations,
                db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.False(db.Database.HasPendingModelChanges(),
                $"The {provider} model has changes that no migration holds: run scripts/add-migration.sh NAME (README, \"Adding a migration\").");
            return Task.CompletedTask;
        });
    }
}
