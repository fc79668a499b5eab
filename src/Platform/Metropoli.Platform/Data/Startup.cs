using Metropoli.Platform.Sectors;
using System.Security.Cryptography;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Data;

/// <summary>First start: migrate, seed the reference data, and in Development create one demo
/// account per role, printing their passwords once.</summary>
public static class Startup
{
    /// <summary>A demo account. The codici fiscali are invented for the demo (valid in form; ADR 0049).</summary>
    public sealed record DemoAccount(string Email, string DisplayName, string Role, string? Sector = null, string? Municipality = null, string? Zone = null, string? FiscalCode = null);

    public static readonly DemoAccount[] DemoAccounts =
    [
        new("admin@metropoli.example", "Anna Amministratrice", Roles.Administrator),
        new("piano@metropoli.example", "Paolo Ufficio di Piano", Roles.PlanOffice),
        new("settore@metropoli.example", "Silvia Settore Ambiente", Roles.SectorOfficer, Sector: "ambiente"),
        new("comune.rho@metropoli.example", "Marco Referente di Rho", Roles.MunicipalityOfficer, Municipality: "015182", FiscalCode: "BNCMRC75C12H264W"),
        new("zona.nordovest@metropoli.example", "Giulia Coordinatrice Nord Ovest", Roles.ZoneCoordinator, Municipality: "015027", Zone: "nord-ovest", FiscalCode: "VRDGLI82M50A940T"), // the mayor of Bollate (ADR 0043)
        new("forum@metropoli.example", "Luca Membro del Forum", Roles.ForumMember),
    ];

    /// <summary>Migrates and seeds under the startup lock (docs/adr/0025): instances started or upgraded together
    /// take turns; the later ones find the migrations applied, the reference data and demo content there.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DatabaseOptions>();
        var env = sp.GetRequiredService<IHostEnvironment>();
        var db = sp.GetRequiredService<AppDbContext>();
        var demo = env.IsDevelopment() && sp.GetRequiredService<IConfiguration>().GetValue("Demo:CreateAccounts", true);
        if (!options.MigrateOnStartup && !demo)
        {
            return;
        }
        await using var held = await StartupLock.AcquireAsync(sp, ct);
        if (options.MigrateOnStartup)
        {
            await db.MigrateUnderLockAsync(ct);
            await SeedReferenceDataAsync(sp, ct);
            await Security.UnencryptedKeys.RevokeAsync(sp, ct);
        }
        if (demo && !await db.Users.AnyAsync(ct))
        {
            var created = await CreateDemoAccountsAsync(sp, ct);
            PrintDemoAccounts(created);
            SaveDemoAccounts(sp, created);
            await SeedDemoContentAsync(sp, ct);
        }
    }

    public static async Task SeedReferenceDataAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var roles = sp.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }
        await SectorRegistry.SeedAsync(db, ct);
        foreach (var module in ModuleCatalog.All)
        {
            await module.SeedReferenceDataAsync(sp, ct);
        }
        // Sector officers created when the sector was free text ("Mobilità") get the registry's code ("mobilita").
        var userSectors = await db.Users.Where(u => u.SectorCode != null).Select(u => u.SectorCode!).Distinct().ToListAsync(ct);
        foreach (var (from, to) in await SectorRegistry.AdoptAsync(db, userSectors, ct))
        {
            await db.Users.Where(u => u.SectorCode == from).ExecuteUpdateAsync(u => u.SetProperty(x => x.SectorCode, to), ct);
        }
    }

    /// <summary>Every module's demonstration content, in the host's order (after the demo accounts).</summary>
    public static async Task SeedDemoContentAsync(IServiceProvider sp, CancellationToken ct)
    {
        foreach (var module in ModuleCatalog.All)
        {
            await module.SeedDemoAsync(sp, ct);
        }
    }

    public static async Task<List<(DemoAccount Account, string Password)>> CreateDemoAccountsAsync(IServiceProvider sp, CancellationToken ct)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var fixedPassword = sp.GetRequiredService<IConfiguration>()["Demo:Password"];
        var created = new List<(DemoAccount, string)>();
        foreach (var a in DemoAccounts)
        {
            if (await users.FindByEmailAsync(a.Email) is not null)
            {
                continue;
            }
            var password = string.IsNullOrEmpty(fixedPassword) ? NewPassword() : fixedPassword;
            var (user, errors) = await UserAdmin.CreateAsync(users, db, new NewUser(a.Email, a.DisplayName, a.Role, password, a.Sector, a.Municipality, a.Zone, FiscalCode: a.FiscalCode), clock.GetUtcNow().UtcDateTime, ct);
            if (user is null)
            {
                throw new InvalidOperationException($"Demo account {a.Email}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            }
            created.Add((a, password));
        }
        return created;
    }

    /// <summary>A password that satisfies the rules: 16 characters from an unambiguous alphabet, with
    /// at least one upper-case letter, one lower-case letter and one digit.</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    /// <summary>Generated demo passwords are also written to <c>demo-accounts.txt</c> in the data folder (readable by the
    /// owner only), so that missing the first console output does not lose them (ADR 0030). Development only.</summary>
    public static string? SaveDemoAccounts(IServiceProvider sp, List<(DemoAccount Account, string Password)> created)
    {
        if (created.Count == 0 || !string.IsNullOrEmpty(sp.GetRequiredService<IConfiguration>()["Demo:Password"]))
        {
            return null;
        }
        var options = sp.GetRequiredService<DatabaseOptions>();
        var folder = Path.GetFullPath(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.DataFolder));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "demo-accounts.txt");
        var lines = created.Select(c => $"{Roles.Label(c.Account.Role),-24} {c.Account.Email,-36} {c.Password}")
            .Prepend("# Account dimostrativi di Metropoli (solo per prove: cancella questo file quando non serve più).");
        File.WriteAllLines(file, lines);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        Console.WriteLine($"Password degli account dimostrativi salvate anche in {file}.");
        return file;
    }

    private static void PrintDemoAccounts(List<(DemoAccount Account, string Password)> created)
    {
        if (created.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("==================== Account dimostrativi (mostrati solo ora) ====================");
        foreach (var (a, p) in created)
        {
            Console.WriteLine($"  {Roles.Label(a.Role),-24} {a.Email,-36} {p}");
        }
        Console.WriteLine("  Perse? Reimpostale con: dotnet run --project src/Metropoli.Host -- users reset-password --email E");
        Console.WriteLine("  (o avvia con Demo:Password impostata: le password degli account creati saranno quella).");
        Console.WriteLine("==================================================================================");
        Console.WriteLine();
    }
}
