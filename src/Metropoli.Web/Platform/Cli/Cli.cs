using System.Diagnostics;
using Metropoli.Web.Platform.Audit;
using Metropoli.Web.Platform.Auth;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Metropoli.Web.Platform.Cli;

/// <summary>Administrative commands in the same executable: <c>dotnet run -- COMMAND …</c>.
/// Hand-parsed: a dozen commands with a few named options do not need a parsing library.</summary>
public static class Cli
{
    public static readonly string[] Commands = ["migrate", "seed", "import", "users", "tokens", "backup", "audit", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

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
            switch (words)
            {
                case ["migrate", ..]:
                {
                    await using var held = await StartupLock.AcquireAsync(sp, ct);
                    await sp.GetRequiredService<AppDbContext>().MigrateUnderLockAsync(ct);
                    Console.WriteLine("Database aggiornato all'ultima migrazione.");
                    return 0;
                }
                case ["seed", "measurements-csv", ..]:
                    return await WriteMeasurementsCsvAsync(sp, options, ct);
                case ["import", "measurements", ..]:
                    return await ImportMeasurementsAsync(sp, options, ct);
                case ["seed", ..] when options.ContainsKey("scale"):
                    return await SeedScaleAsync(sp, options, ct);
                case ["seed", ..]:
                {
                    // Under the startup lock, like a start: an instance starting meanwhile waits, then finds it done.
                    await using var held = await StartupLock.AcquireAsync(sp, ct);
                    await sp.GetRequiredService<AppDbContext>().MigrateUnderLockAsync(ct);
                    Console.WriteLine("Dati di riferimento: ruoli, 8 zone, 133 Comuni…");
                    await Data.Startup.SeedReferenceDataAsync(sp, ct);
                    Console.WriteLine("Dati di riferimento caricati.");
                    if (options.ContainsKey("demo"))
                    {
                        foreach (var (a, p) in await Data.Startup.CreateDemoAccountsAsync(sp, ct))
                        {
                            Console.WriteLine($"  {Roles.Label(a.Role),-24} {a.Email,-36} {p}");
                        }
                        await Modules.StrategicPlan.Demo.PlanDemo.SeedAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), ct);
                        await Modules.StrategicPlan.Demo.IndicatorDemo.SeedAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), ct);
                        await Modules.StrategicPlan.Demo.CampaignDemo.SeedAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), ct);
                        await Modules.Agreements.Demo.AgreementDemo.SeedAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), ct);
                        Console.WriteLine("Contenuti dimostrativi caricati.");
                    }
                    return 0;
                }
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

    private sealed class CliException(string message) : Exception(message);

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

    private static string Required(Dictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new CliException($"manca l'opzione --{key}.");

    private static async Task<AppUser> FindUserAsync(IServiceProvider sp, Dictionary<string, string> o)
    {
        var email = Required(o, "email");
        return await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CliException($"nessun utente con e-mail {email}.");
    }

    private static async Task<int> CreateUserAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
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

    private static async Task<int> SetDisabledAsync(IServiceProvider sp, Dictionary<string, string> o, bool disabled)
    {
        var user = await FindUserAsync(sp, o);
        var result = await UserAdmin.SetDisabledAsync(sp.GetRequiredService<UserManager<AppUser>>(), user, disabled);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        Console.WriteLine(disabled ? $"Utente {user.Email} disabilitato." : $"Utente {user.Email} riabilitato.");
        return 0;
    }

    private static async Task<int> SetRoleAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
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

    private static async Task<int> CreateTokenAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
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

    private static async Task<int> RevokeTokenAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
    {
        if (!long.TryParse(Required(o, "id"), out var id)) throw new CliException("--id deve essere un numero.");
        var ok = await AccessTokens.RevokeAsync(sp.GetRequiredService<AppDbContext>(), id, null, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (!ok) throw new CliException($"nessun token con id {id}.");
        Console.WriteLine($"Token {id} revocato.");
        return 0;
    }

    private static async Task<int> SeedScaleAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
    {
        var profile = Scale.ScaleProfile.Find(o["scale"])
            ?? throw new CliException($"scala sconosciuta «{o["scale"]}»: usa {string.Join(", ", Scale.ScaleProfile.All.Select(p => p.Name))}.");
        try
        {
            var password = o.GetValueOrDefault("password") ?? sp.GetRequiredService<IConfiguration>()["Demo:Password"];
            var report = await Scale.ScaleSeeder.RunAsync(sp, profile, password, Console.Out, !Console.IsOutputRedirected, ct);
            Console.WriteLine($"Piano generato: /piano/{report.PlanId}/cruscotto; campagna chiusa: /piano/campagne/{report.ClosedCampaignId}/rapporto; campagna aperta: /piano/campagne/{report.OpenCampaignId}.");
            Console.WriteLine("Per un token di accesso (API): dotnet Metropoli.Web.dll tokens create --email admin@metropoli.example --days 7");
            return 0;
        }
        catch (Scale.ScaleException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static long? OptionalLong(Dictionary<string, string> o, string key) =>
        !o.TryGetValue(key, out var v) ? null
        : long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"--{key} deve essere un numero.");

    private static async Task<int> WriteMeasurementsCsvAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
    {
        var file = Path.GetFullPath(Required(o, "file"));
        var rows = OptionalLong(o, "rows") ?? 1_000_000;
        try
        {
            var clock = Stopwatch.StartNew();
            var (written, plan) = await Scale.MeasurementsCsv.WriteAsync(sp.GetRequiredService<AppDbContext>(), file, rows, OptionalLong(o, "plan"), OptionalLong(o, "bad-line"), ct);
            Console.WriteLine($"{written:N0} misurazioni per il piano {plan} scritte in {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB, {clock.Elapsed.TotalSeconds:F1} s).");
            Console.WriteLine($"Per importarle: import measurements --file {file} --plan {plan} --email piano@metropoli.example");
            return 0;
        }
        catch (Scale.ScaleException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The page's and the API's handler, without the HTTP body limit, acting as the given user.</summary>
    private static async Task<int> ImportMeasurementsAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
    {
        var user = await FindUserAsync(sp, o);
        var plan = OptionalLong(o, "plan") ?? throw new CliException("manca l'opzione --plan.");
        var file = Required(o, "file");
        if (!File.Exists(file)) throw new CliException($"il file {file} non esiste.");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var clock = Stopwatch.StartNew();
        var content = await File.ReadAllBytesAsync(file, ct);
        var result = await Modules.StrategicPlan.Measurements.ImportMeasurements.HandleAsync(sp.GetRequiredService<AppDbContext>(), principal,
            sp.GetRequiredService<TimeProvider>(), plan, content, Modules.StrategicPlan.Measurements.MeasurementImportLimits.Unlimited, ct);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        switch (result)
        {
            case Modules.StrategicPlan.Measurements.MeasurementImportResult.Imported imported:
                Console.WriteLine($"Importate {imported.Count:N0} misurazioni (da validare) in {seconds:F1} s: {imported.Count / seconds:N0} righe/s.");
                return 0;
            case Modules.StrategicPlan.Measurements.MeasurementImportResult.Rejected rejected:
                Console.WriteLine($"File non importato ({seconds:F1} s): {rejected.Errors.Count:N0} errori, nessuna riga aggiunta.");
                foreach (var e in rejected.Errors.Take(50))
                {
                    Console.WriteLine($"  riga {e.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {e.Column ?? ""}: {e.Message}");
                }
                if (rejected.Errors.Count > 50) Console.WriteLine($"  … e altri {rejected.Errors.Count - 50:N0}.");
                return 4;
            default:
                throw new CliException($"{user.Email} non può importare misurazioni: serve il ruolo ufficio di piano o amministratore.");
        }
    }

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

    private static async Task<int> BackupAsync(IServiceProvider sp, Dictionary<string, string> o, CancellationToken ct)
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

    private static void PrintHelp() => Console.WriteLine("""
        Metropoli — comandi:
          migrate                                   applica le migrazioni al database
          seed [--demo]                             carica i dati di riferimento (e i contenuti dimostrativi)
          seed --scale tiny|metro|national [--password P]   genera dati di volume (prove di carico)
          seed measurements-csv --file F [--rows N] [--plan ID] [--bad-line L]   CSV di misurazioni per le prove
          import measurements --file F --plan ID --email E   importa un CSV di misurazioni (senza limite di dimensione)
          users create --email E --role R [--name N] [--password P] [--municipality ISTAT] [--zone Z] [--sector S]
          users list
          users disable|enable --email E
          users set-role --email E --role R [--municipality ISTAT] [--zone Z] [--sector S]
          tokens create --email E [--name N] [--days D]
          tokens revoke --id N
          backup [--output FILE]                    copia coerente mentre l'app è in funzione
          audit verify                              verifica la catena di impronte del registro
        Ruoli: administrator, plan-office, sector-officer, municipality-officer, zone-coordinator, forum-member.
        Configurazione: --Database:Provider=Postgres --Database:ConnectionString=... (o variabili Database__Provider, …).
        """);
}
