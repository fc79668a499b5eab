using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Password hashing at Identity's default cost, for the accounts too: the timing tests compare a
/// real hash with the login page's dummy one (always at the default cost), so the cheap hashing of the other
/// tests (and of the template database's accounts) would tell an unknown account from an existing one.</summary>
public sealed class ProductionHashingFixture : AppFixture
{
    protected override bool FromTemplate => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:PasswordHashIterations"] = null };
}

/// <summary>ASVS 6.3.1 / 6.3.8: after the configured number of failures the account is locked even for the
/// right password, with the same message as any failure; and the login answer does not tell an existing
/// account from an unknown one, by status, text or time, locked or not.</summary>
// On PostgreSQL too: the lockout counter and its DateTimeOffset end are written to the database.
[Trait("Database", "Both")]
public sealed class LoginProtectionTests(ProductionHashingFixture fx, ITestOutputHelper output) : IClassFixture<ProductionHashingFixture>
{
    private const int Tries = 10;

    private int MaxFailures => fx.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>()
        .Value.Lockout.MaxFailedAccessAttempts;

    [Fact]
    public async Task The_accounts_here_are_hashed_at_identitys_default_cost()
    {
        var iterations = new Microsoft.AspNetCore.Identity.PasswordHasherOptions().IterationCount;
        Assert.True(iterations >= 100_000, $"Identity's default is {iterations} iterations");
        var stored = await fx.App.WithDb(db => db.Users.Select(u => u.PasswordHash!).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, h => Assert.Equal(iterations, Auth.PasswordHashingTests.Iterations(h)));
    }

    [Fact]
    public async Task After_the_allowed_failures_the_right_password_is_refused_with_the_same_message()
    {
        var app = fx.App;
        var reference = await LoginProbe.TryAsync(app, "nessuno.qui@metropoli.example", LoginProbe.WrongPassword);
        Assert.False(string.IsNullOrWhiteSpace(reference.Message));
        for (var i = 1; i <= MaxFailures; i++)
        {
            var failed = await LoginProbe.TryAsync(app, Demo.PlanOffice, LoginProbe.WrongPassword);
            Assert.False(failed.SignedIn);
            Assert.Equal(reference.Message, failed.Message);
        }
        var locked = await LoginProbe.TryAsync(app, Demo.PlanOffice, MetropoliApp.DemoPassword);
        Assert.False(locked.SignedIn, "the right password opened a locked account");
        Assert.Equal(200, locked.Status);
        Assert.Equal(reference.Message, locked.Message);
        Assert.Equal(reference.Page, locked.Page);
        var lockoutEnd = await app.WithDb(db => db.Users.Where(u => u.Email == Demo.PlanOffice).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(5), $"lockout ends {lockoutEnd}");
        // Another account is not affected.
        Assert.True((await LoginProbe.TryAsync(app, Demo.Sector, MetropoliApp.DemoPassword)).SignedIn);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_answer_alike_in_status_page_and_time()
    {
        // Below the lockout threshold: each account gets fewer failures than would lock it.
        var accounts = new[] { Demo.Forum, Demo.RhoOfficer, Demo.ZoneCoordinator };
        var perAccount = Math.Max(1, MaxFailures - 1);
        var existing = new List<LoginAttempt>();
        var unknown = new List<LoginAttempt>();
        await LoginProbe.TryAsync(fx.App, "riscaldamento@metropoli.example", LoginProbe.WrongPassword); // warm-up
        for (var i = 0; i < Tries; i++)
        {
            // Interleaved, so that the machine's noise falls on both sides alike.
            existing.Add(await LoginProbe.TryAsync(fx.App, accounts[i / perAccount % accounts.Length], LoginProbe.WrongPassword));
            unknown.Add(await LoginProbe.TryAsync(fx.App, $"sconosciuto{i}@metropoli.example", LoginProbe.WrongPassword));
        }
        AssertAlike(existing, unknown, "wrong password", "unknown account");
    }

    [Fact]
    public async Task A_locked_account_and_an_unknown_account_answer_alike_in_status_page_and_time()
    {
        for (var i = 0; i < MaxFailures; i++)
        {
            await LoginProbe.TryAsync(fx.App, Demo.Admin, LoginProbe.WrongPassword);
        }
        var locked = new List<LoginAttempt>();
        var unknown = new List<LoginAttempt>();
        for (var i = 0; i < Tries; i++)
        {
            locked.Add(await LoginProbe.TryAsync(fx.App, Demo.Admin, LoginProbe.WrongPassword));
            unknown.Add(await LoginProbe.TryAsync(fx.App, $"ignoto{i}@metropoli.example", LoginProbe.WrongPassword));
        }
        AssertAlike(locked, unknown, "locked account", "unknown account");
    }

    private void AssertAlike(List<LoginAttempt> a, List<LoginAttempt> b, string aName, string bName)
    {
        var (ma, mb) = (LoginProbe.Median(a.Select(x => x.Elapsed)), LoginProbe.Median(b.Select(x => x.Elapsed)));
        output.WriteLine($"median {aName} {ma.TotalMilliseconds:0} ms, {bName} {mb.TotalMilliseconds:0} ms over {a.Count} tries each");
        Assert.All(a.Concat(b), x => Assert.Equal(200, x.Status));
        Assert.Single(a.Concat(b).Select(x => x.Message).Distinct());
        Assert.Single(a.Concat(b).Select(x => x.Page).Distinct());
        // Generous: password hashing takes tens of milliseconds, a missing hash next to nothing; a shared
        // machine adds noise to both sides, which the interleaving and the medians absorb.
        var ratio = Math.Max(ma.TotalMilliseconds, mb.TotalMilliseconds) / Math.Max(1, Math.Min(ma.TotalMilliseconds, mb.TotalMilliseconds));
        Assert.True(ratio < 3, $"{aName} median {ma.TotalMilliseconds:0} ms vs {bName} {mb.TotalMilliseconds:0} ms: the time tells them apart (×{ratio:0.0})");
    }
}
