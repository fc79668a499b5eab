using System.Diagnostics;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Modules;
using Npgsql;

namespace Metropoli.Platform.Cli;

/// <summary>Administrative commands in the same executable: <c>dotnet run -- COMMAND …</c>.
/// Hand-parsed: a dozen commands with a few named options do not need a parsing library.</summary>
public static class Cli
{
    public static readonly string[] Commands = ["migrate", "seed", "users", "tokens", "backup", "audit", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0
        && (Commands.Contains(args[0]) || ModuleCatalog.All.SelectMany(m => m.Commands).Any(c => c.Path[0] == args[0]));

    /// <summary>Configuration arguments (<c>--Key=Value</c>) are left to the host; the rest are the command's.</summary>
    public static string[] HostArgs(string[] args) =>
        IsCommand(args) ? args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToArray();
        var options = ParseOptions(words);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var ct = CancellationToken.None;
        try
        {
            // A module's command first: the longest path of words that matches (and its condition on the options).
            var contributed = ModuleCatalog.All.SelectMany(m => m.Commands)
                .Where(c => c.Path.Length <= words.Length && c.Path.SequenceEqual(words.Take(c.Path.Length)) && (c.When?.Invoke(options) ?? true))
                .OrderByDescending(c => c.Path.Length).FirstOrDefault();
            if (contributed is not null)
            {
                return await contributed.Run(sp, options, ct);
            }
            switch (words)
            {
                case ["migrate", ..]:
                    await sp.GetRequiredService<AppDbContext>().MigrateAsync(ct);
                    Console.WriteLine("Database aggiornato all'ultima migrazione.");
                    return 0;
                case ["seed", ..]:
                    await sp.GetRequiredService<AppDbContext>().MigrateAsync(ct);
                    Console.WriteLine("Dati di riferimento: ruoli, 8 zone, 133 Comuni…");
                    await Data.Startup.SeedReferenceDataAsync(sp, ct);
                    Console.WriteLine("Dati di riferimento caricati.");
                    if (options.ContainsKey("demo"))
                    {
                        foreach (var (a, p) in await Data.Startup.CreateDemoAccountsAsync(sp, ct))
                        {
                            Console.WriteLine($"  {Roles.Label(a.Role),-24} {a.Email,-36} {p}");
                        }
                        await Data.Startup.SeedDemoContentAsync(sp, ct);
                        Console.WriteLine("Contenuti dimostrativi caricati.");
                    }
                    return 0;
                case ["users", "create", ..]:
                    return await CreateUserAsync(sp, options, ct);
                case ["users", "list", ..]:
                    return await ListUsersAsync(sp, ct);
                case ["users", "disable" or "enable", ..]:
                    return await SetDisabledAsync(sp, options, words[1] == "disable");
                case ["users", "set-role", ..]:
                    return await SetRoleAsync(sp, options, ct);
                case ["tokens", "create", ..]:
                    return await CreateTokenAsync(sp, options, ct);
                case ["tokens", "revoke", ..]:
                    return await RevokeTokenAsync(sp, options, ct);
                case ["backup", ..]:
                    return await BackupAsync(sp, options, ct);
                case ["audit", "verify", ..]:
                    return await VerifyAuditAsync(sp, ct);
                default:
                    PrintHelp();
                    return words is ["help", ..] ? 0 : 2;
            }
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync("Errore: " + e.Message);
            return 1;
        }
    }


    private static Dictionary<string, string> ParseOptions(string[] words)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < words.Length; i++)
        {
            if (!words[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var key = words[i][2..];
            var hasValue = i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[key] = hasValue ? words[++i] : "true";
        }
        return options;
    }

    public static string Required(IReadOnlyDictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new CliException($"manca l'opzione --{key}.");

    public static async Task<AppUser> FindUserAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o)
    {
        var email = Required(o, "email");
        return await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CliException($"nessun utente con e-mail {email}.");
    }

    private static async Task<int> CreateUserAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var password = o.GetValueOrDefault("password") ?? Data.Startup.NewPassword();
        long? organisation = o.TryGetValue("organisation", out var org) && long.TryParse(org, out var id) ? id : null;
        var (user, errors) = await UserAdmin.CreateAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<AppDbContext>(),
            new NewUser(Required(o, "email"), o.GetValueOrDefault("name") ?? Required(o, "email"), Required(o, "role"), password,
                o.GetValueOrDefault("sector"), o.GetValueOrDefault("municipality"), o.GetValueOrDefault("zone"), organisation),
            sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            throw new CliException(string.Join(" ", errors.SelectMany(e => e.Value)));
        }
        Console.WriteLine($"Utente creato: {user.Email} ({Roles.Label(Required(o, "role"))}).");
        if (!o.ContainsKey("password"))
        {
            Console.WriteLine($"Password iniziale (mostrata solo ora): {password}");
        }
        return 0;
    }

    private static async Task<int> ListUsersAsync(IServiceProvider sp, CancellationToken ct)
    {
        var page = await UserAdmin.ListAsync(sp.GetRequiredService<AppDbContext>(), new Api.ListQuery { Limit = Api.ListQuery.MaxLimit }, ct);
        Console.WriteLine($"{"E-mail",-40} {"Ruolo",-22} {"Ambito",-16} Stato");
        foreach (var u in page.Items)
        {
            var scope = u.MunicipalityIstat ?? u.ZoneCode ?? u.SectorCode ?? "";
            Console.WriteLine($"{u.Email,-40} {string.Join(",", u.Roles),-22} {scope,-16} {(u.Disabled ? "disabilitato" : "attivo")}");
        }
        Console.WriteLine($"{page.Total} utenti.");
        return 0;
    }

    private static async Task<int> SetDisabledAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, bool disabled)
    {
        var user = await FindUserAsync(sp, o);
        var result = await UserAdmin.SetDisabledAsync(sp.GetRequiredService<UserManager<AppUser>>(), user, disabled);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        Console.WriteLine(disabled ? $"Utente {user.Email} disabilitato." : $"Utente {user.Email} riabilitato.");
        return 0;
    }

    private static async Task<int> SetRoleAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var user = await FindUserAsync(sp, o);
        var role = Required(o, "role");
        var db = sp.GetRequiredService<AppDbContext>();
        var errors = await UserAdmin.ValidateScopesAsync(db, role, o.GetValueOrDefault("sector") ?? user.SectorCode,
            o.GetValueOrDefault("municipality") ?? user.MunicipalityIstat, o.GetValueOrDefault("zone") ?? user.ZoneCode, ct);
        if (errors.Count > 0) throw new CliException(string.Join(" ", errors.SelectMany(e => e.Value)));
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        user.SectorCode = o.GetValueOrDefault("sector") ?? user.SectorCode;
        user.MunicipalityIstat = o.GetValueOrDefault("municipality") ?? user.MunicipalityIstat;
        user.ZoneCode = o.GetValueOrDefault("zone") ?? user.ZoneCode;
        await users.UpdateAsync(user);
        var result = await UserAdmin.SetRoleAsync(users, user, role);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        Console.WriteLine($"Ruolo di {user.Email}: {Roles.Label(role)}.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var user = await FindUserAsync(sp, o);
        int? days = o.TryGetValue("days", out var d) ? (int.TryParse(d, out var n) ? n : -1) : 90;
        var request = new CreateAccessTokenRequest(o.GetValueOrDefault("name") ?? "cli", days);
        var errors = AccessTokens.Validate(request);
        if (errors.Count > 0) throw new CliException(string.Join(" ", errors.SelectMany(e => e.Value)));
        var created = await AccessTokens.CreateAsync(sp.GetRequiredService<AppDbContext>(), user.Id, request,
            sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        Console.WriteLine($"Token {created.Id} creato per {user.Email}, scade il {created.ExpiresAt:yyyy-MM-dd}.");
        Console.WriteLine(created.Token);
        return 0;
    }

    private static async Task<int> RevokeTokenAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        if (!long.TryParse(Required(o, "id"), out var id)) throw new CliException("--id deve essere un numero.");
        var ok = await AccessTokens.RevokeAsync(sp.GetRequiredService<AppDbContext>(), id, null, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (!ok) throw new CliException($"nessun token con id {id}.");
        Console.WriteLine($"Token {id} revocato.");
        return 0;
    }

    public static long? OptionalLong(IReadOnlyDictionary<string, string> o, string key) =>
        !o.TryGetValue(key, out var v) ? null
        : long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"--{key} deve essere un numero.");

    private static async Task<int> VerifyAuditAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var total = await db.AuditEntries.LongCountAsync(ct);
        var progress = new Progress<long>(n => Console.Error.Write($"\r  verificate {n:N0} / {total:N0} righe"));
        var result = await AuditChain.VerifyAsync(db, progress, ct);
        Console.Error.WriteLine();
        Console.WriteLine(result.Message);
        return result.Ok ? 0 : 3;
    }

    private static async Task<int> BackupAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<DatabaseOptions>();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = db.Database.GetConnectionString()!;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var target = Path.GetFullPath(o.GetValueOrDefault("output") ?? $"metropoli-{stamp}.db");
            if (File.Exists(target)) throw new CliException($"{target} esiste già.");
            await using var source = new SqliteConnection(connectionString);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            // The online backup API copies a consistent snapshot while the app keeps writing.
            source.BackupDatabase(destination);
            Console.WriteLine($"Copia SQLite scritta in {target}.");
            return 0;
        }
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        var file = Path.GetFullPath(o.GetValueOrDefault("output") ?? $"metropoli-{stamp}.dump");
        var psi = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--format=custom", "--file", file, "--host", pg.Host ?? "localhost", "--port", pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", pg.Username ?? "postgres", pg.Database ?? "metropoli" },
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(pg.Password)) psi.Environment["PGPASSWORD"] = pg.Password;
        using var process = Process.Start(psi) ?? throw new CliException("pg_dump non avviabile.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new CliException("pg_dump non riuscito: " + errors.Trim());
        Console.WriteLine($"Copia PostgreSQL (pg_dump, formato custom) scritta in {file}.");
        return 0;
    }

    private static void PrintHelp()
    {
        Console.WriteLine(Help);
        foreach (var c in ModuleCatalog.All.SelectMany(m => m.Commands))
        {
            Console.WriteLine($"  {c.Usage,-42} {c.Summary}");
        }
        Console.WriteLine(HelpFooter);
    }

    private const string Help = """
        Metropoli — comandi:
          migrate                                   applica le migrazioni al database
          seed [--demo]                             carica i dati di riferimento (e i contenuti dimostrativi)
          users create --email E --role R [--name N] [--password P] [--municipality ISTAT] [--zone Z] [--sector S]
          users list
          users disable|enable --email E
          users set-role --email E --role R [--municipality ISTAT] [--zone Z] [--sector S]
          tokens create --email E [--name N] [--days D]
          tokens revoke --id N
          backup [--output FILE]                    copia coerente mentre l'app è in funzione
          audit verify                              verifica la catena di impronte del registro
        """;

    private const string HelpFooter = """
        Ruoli: administrator, plan-office, sector-officer, municipality-officer, zone-coordinator, forum-member.
        Configurazione: --Database:Provider=Postgres --Database:ConnectionString=... (o variabili Database__Provider, …).
        """;
}

/// <summary>A command's refusal: printed as "Errore: …" with exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
