using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Data;

/// <summary>The migrations (the generated ones and what the baseline adds by hand beside the model) must build
/// exactly the schema the model describes, on the provider under test: a hand edit of a generated migration, or a
/// snapshot regenerated without its migration, shows here. The app's own database is built by the migrations at
/// startup; a second one is built from the model with EnsureCreated, through a context from the app's DI so that
/// Identity's store options (schema version) are the same. The app starts on an empty database (not a copy of the
/// run's template), so that its own start is what runs the migrations.</summary>
// On PostgreSQL too: the schema the migrations build is the provider's own.
[Trait("Database", "Both")]
public sealed class MigrationsMatchModelTests(FreshStartFixture fx, ITestOutputHelper output) : IClassFixture<FreshStartFixture>
{
    [Fact]
    public async Task Migrations_build_the_same_schema_as_the_model()
    {
        await using var fromModel = await TestDatabase.CreateAsync("model");
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetConnectionString(fromModel.ConnectionString);
            Assert.True(await db.Database.EnsureCreatedAsync(), "EnsureCreated did not create the schema");
        }

        var migrated = await SchemaSnapshot.ReadAsync(fx.Database.Provider, fx.Database.ConnectionString);
        var model = await SchemaSnapshot.ReadAsync(fromModel.Provider, fromModel.ConnectionString);

        Assert.True(migrated.Count > 50, $"The migrated schema looks empty ({migrated.Count} facts)");
        var diff = SchemaSnapshot.Diff(model, "model (EnsureCreated)", migrated, "migrations");
        if (diff.Length > 0)
        {
            output.WriteLine(diff);
        }
        Assert.True(diff.Length == 0, $"Migrations differ from the model on {fx.Database.Provider}:\n{diff}");
    }

    [Fact]
    public async Task All_migrations_are_applied_and_none_is_pending()
    {
        await fx.App.WithDb(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        });
    }
}
