using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Data;

namespace Metropoli.Tests.Platform.Api;

/// <summary>An app whose database cannot be reached still starts (no migration, no demo accounts)
/// and says so on /status: 503 problem+json with Retry-After, never a 500.</summary>
public sealed class UnreachableDatabaseFixture : IAsyncLifetime
{
    public MetropoliApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var provider = TestDatabase.CurrentProvider;
        var connectionString = provider == DatabaseProvider.Postgres
            // Port 1 on loopback: connection refused at once.
            ? "Host=127.0.0.1;Port=1;Database=metropoli;Username=postgres;Timeout=3"
            // A file in a folder that does not exist cannot be opened or created.
            : $"Data Source={Path.Combine(Path.GetTempPath(), "metropoli-tests", "non-esiste-" + Guid.NewGuid().ToString("N"), "sub", "metropoli.db")};Mode=ReadWrite";
        App = new MetropoliApp(provider, connectionString, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Demo:CreateAccounts"] = "false",
        }).Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

// On PostgreSQL too: each provider fails to connect in its own way.
[Trait("Database", "Both")]
public sealed class StatusUnavailableTests(UnreachableDatabaseFixture fx) : IClassFixture<UnreachableDatabaseFixture>
{
    [Fact]
    public async Task Status_is_503_problem_with_retry_after_when_the_database_is_unreachable()
    {
        var response = await fx.App.Anonymous().GetAsync("/status");
        await response.ShouldBeProblem(503);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
    }

    [Fact]
    public async Task An_api_call_that_needs_the_database_fails_with_a_problem_not_a_stack_trace()
    {
        var response = await fx.App.Anonymous().GetAsync("/api/v1/zones");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, (int)response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After missing");
        Assert.DoesNotContain("at Microsoft.", body);
        Assert.DoesNotContain("Exception", body);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("/api/v1/zones", problem.RootElement.GetProperty("instance").GetString());
    }
}
