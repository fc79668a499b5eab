using System.Net.Http.Headers;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Infrastructure;

/// <summary>The real application (real Program, real migrations and seed) over a throw-away database.
/// Environment stays Development so the demo accounts are created, with a known password.</summary>
public sealed class MetropoliApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Prova-Metropoli-2026";

    /// <summary>The tests' password hashing cost (<c>Security:PasswordHashIterations</c>).</summary>
    public const int PasswordHashIterations = 1000;

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _kestrel;

    public MetropoliApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
        : this(database.Provider, database.ConnectionString, settings, kestrel)
    {
    }

    public MetropoliApp(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Demo:CreateAccounts"] = "true",
            ["Demo:Password"] = DemoPassword,
            // Identity's 100,000 PBKDF2 iterations per hash are for attackers, not for tests (LoginProtectionTests,
            // which times the hashing, sets this back to the default).
            ["Security:PasswordHashIterations"] = PasswordHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:Enabled"] = "false",
            ["RateLimits:ApiPermitLimit"] = "100000",
            ["RateLimits:LoginPermitLimit"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in TestKeys.Settings(connectionString))
        {
            _settings[key] = value;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the host (migrations, seed and demo accounts run in Program before it listens).</summary>
    public MetropoliApp Start()
    {
        StartServer();
        return this;
    }

    /// <param name="https">In-process only: the request arrives as https://localhost, so Request.IsHttps
    /// is true and cookies with SecurePolicy SameAsRequest are marked Secure.</param>
    public HttpClient Anonymous(bool https = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        });
        if (_kestrel)
        {
            // On a real port the client must be told where; the factory's default is http://localhost.
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            client.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
        return client;
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client authenticated as the demo account with this e-mail, through a fresh personal access token.</summary>
    public async Task<HttpClient> As(string email) => WithToken(await TokenFor(email));

    public async Task<string> TokenFor(string email, int days = 30, DateTime? now = null)
    {
        return await WithDb(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var created = await AccessTokens.CreateAsync(db, userId, new CreateAccessTokenRequest("test", days), now ?? DateTime.UtcNow, CancellationToken.None);
            return created.Token;
        });
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task WithDb(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

/// <summary>The demo accounts created by <see cref="Startup"/>, one per role.</summary>
public static class Demo
{
    public const string Admin = "admin@metropoli.example";
    public const string PlanOffice = "piano@metropoli.example";
    public const string Sector = "settore@metropoli.example";
    public const string RhoOfficer = "comune.rho@metropoli.example";
    public const string ZoneCoordinator = "zona.nordovest@metropoli.example";
    public const string Forum = "forum@metropoli.example";

    public const string Rho = "015182";
    public const string Milano = "015146";
}

/// <summary>The keys kept outside the database (the audit anchor's, the Data Protection certificate) at one place for
/// the whole test run, and one checkpoint file per database, so that the app and the command line run on the same
/// database (<see cref="CliRunner"/>) share them and two databases never read each other's checkpoints.</summary>
public static class TestKeys
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "metropoli-test-keys");

    public static IReadOnlyDictionary<string, string?> Settings(string connectionString)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connectionString)))[..16];
        return new Dictionary<string, string?>
        {
            ["Audit:AnchorKeyFile"] = Path.Combine(Folder, "audit-anchor.key"),
            ["Audit:CheckpointFile"] = Path.Combine(Folder, "checkpoints", id + ".log"),
            ["Security:DataProtectionCertificate"] = Path.Combine(Folder, "data-protection.pfx"),
        };
    }
}
