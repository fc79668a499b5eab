using System.Diagnostics;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Modules;
using Npgsql;
using System.CommandLine;

namespace Metropoli.Platform.Cli;

/// <summary>Administrative commands in the same executable: <c>dotnet run -- COMMAND …</c>.
/// Parsed with System.CommandLine; the modules contribute their commands (<see cref="IMetropoliModule.Commands"/>).</summary>
public static class Cli
{
    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    /// <summary>What the platform's groups of commands are about, for the help.</summary>
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["users"] = "account, ruoli e ambiti",
        ["tokens"] = "token di accesso personali per l'API",
        ["audit"] = "registro delle modifiche",
    };

    /// <summary>A group's description: the platform's words for its own groups, else the first words of what its
    /// commands do (a module's <c>import</c> group, say).</summary>
    private static string GroupDescription(string[] prefix) =>
        Groups.GetValueOrDefault(prefix[^1])
        ?? string.Join(" · ", All.Where(c => c.Path.Length > prefix.Length && c.Path.Take(prefix.Length).SequenceEqual(prefix))
            .Select(c => string.Join(' ', c.Path.Skip(prefix.Length)) + ": " + c.Summary.Split(new[] { ',', '(', ';' })[0].Trim()));

    /// <summary>Every command: the platform's and the modules' (<see cref="IMetropoliModule.Commands"/>).</summary>
    public static IEnumerable<CliCommand> All => PlatformCommands.All.Concat(ModuleCatalog.All.SelectMany(m => m.Commands));

    /// <summary>Whether the arguments ask for a command (or for help) rather than for the web server.</summary>
    public static bool IsCommand(string[] args)
    {
        var first = args.FirstOrDefault(a => !IsHostArg(a));
        return first is not null && (HelpWords.Contains(first) || All.Any(c => c.Path[0] == first));
    }

    /// <summary>Configuration arguments (<c>--Key=Value</c>) are left to the host; the rest are the command's.</summary>
    public static string[] HostArgs(string[] args) => IsCommand(args) ? args.Where(IsHostArg).ToArray() : args;

    private static bool IsHostArg(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !IsHostArg(a)).Select(a => a == "help" ? "--help" : a).ToArray();
        await using var scope = app.Services.CreateAsyncScope();
        var root = Build(scope.ServiceProvider);
        var parsed = root.Parse(words);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync("Errore: " + error.Message);
            }
            await Console.Error.WriteLineAsync("Per l'elenco dei comandi: --help");
            return 2;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync("Errore: " + e.Message);
            return 1;
        }
    }

    /// <summary>The command tree: one node per word of the commands' paths. Commands that share a path (the platform's
    /// <c>seed</c> and the tools' <c>seed --scale</c>) share one node with the options of both; the first whose
    /// condition holds runs.</summary>
    private static RootCommand Build(IServiceProvider services)
    {
        var root = new RootCommand("Metropoli: comandi di amministrazione. Le impostazioni si passano come --Chiave=valore "
            + "(per esempio --Database:Provider=Postgres) o come variabili d'ambiente (Database__Provider).");
        foreach (var group in All.GroupBy(c => string.Join(' ', c.Path)))
        {
            var path = group.First().Path;
            Command parent = root;
            for (var i = 0; i < path.Length; i++)
            {
                var existing = parent.Subcommands.FirstOrDefault(c => c.Name == path[i]);
                if (existing is null)
                {
                    existing = new Command(path[i], i == path.Length - 1 ? string.Join(" · ", group.Select(c => c.Summary)) : GroupDescription(path[..(i + 1)]));
                    parent.Add(existing);
                }
                parent = existing;
            }
            var options = new Dictionary<string, Option>(StringComparer.Ordinal);
            foreach (var o in group.SelectMany(c => c.Options))
            {
                if (options.ContainsKey(o.Name)) continue;
                Option option = o.Flag
                    ? new Option<bool>("--" + o.Name) { Description = o.Description }
                    : new Option<string>("--" + o.Name) { Description = o.Description, HelpName = o.ValueName };
                options[o.Name] = option;
                parent.Add(option);
            }
            var commands = group.ToList();
            parent.SetAction(async (parsed, ct) =>
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, option) in options)
                {
                    var value = option is Option<bool> flag ? (parsed.GetValue(flag) ? "true" : null) : parsed.GetValue((Option<string>)option);
                    if (value is not null) values[name] = value;
                }
                var command = commands.FirstOrDefault(c => c.When is not null && c.When(values)) ?? commands.First(c => c.When is null);
                foreach (var required in command.Options.Where(o => o.Required).Where(o => !values.ContainsKey(o.Name)))
                {
                    throw new CliException($"manca l'opzione --{required.Name}.");
                }
                return await command.Run(services, values, ct);
            });
        }
        return root;
    }

    public static string Required(IReadOnlyDictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new CliException($"manca l'opzione --{key}.");

    public static async Task<AppUser> FindUserAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o)
    {
        var email = Required(o, "email");
        return await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new CliException($"nessun utente con e-mail {email}.");
    }

    internal static async Task<int> CreateUserAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var password = o.GetValueOrDefault("password") ?? Data.Startup.NewPassword();
        long? organisation = o.TryGetValue("organisation", out var org) && long.TryParse(org, out var id) ? id : null;
        var (user, errors) = await UserAdmin.CreateAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<AppDbContext>(),
            new NewUser(Required(o, "email"), o.GetValueOrDefault("name") ?? Required(o, "email"), Required(o, "role"), password,
                o.GetValueOrDefault("sector"), o.GetValueOrDefault("municipality"), o.GetValueOrDefault("zone"), organisation,
                MustChangePassword: !o.ContainsKey("password"), FiscalCode: o.GetValueOrDefault("fiscal-code")),
            sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        if (user is null)
        {
            throw new CliException(string.Join(" ", errors.SelectMany(e => e.Value)));
        }
        Console.WriteLine($"Utente creato: {user.Email} ({Roles.Label(Required(o, "role"))}).");
        if (!o.ContainsKey("password"))
        {
            Console.WriteLine($"Password temporanea (mostrata solo ora, da cambiare al primo accesso): {password}");
        }
        return 0;
    }

    /// <summary>Sets a user's password from the command line (ADR 0030): the given one, or a generated one-time
    /// password to be changed at the next sign-in. Ends the user's sessions, lifts a lockout, and is audited.</summary>
    internal static async Task<int> ResetPasswordAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var user = await FindUserAsync(sp, o);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<AppDbContext>();
        var given = o.GetValueOrDefault("password");
        var password = given ?? Data.Startup.NewPassword();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            if (!check.Succeeded) throw new CliException(string.Join(" ", check.Errors.Select(e => e.Description)));
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = given is null;
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.ResetAccessFailedCountAsync(user);
        if (!user.IsDisabled) await users.SetLockoutEndDateAsync(user, null);
        await DatabaseTicketStore.EndSessionsAsync(db, user.Id, null, ct);
        await AccountEmails.AuditAsync(db, null, CurrentUser.SystemName, user, "reimpostata da riga di comando", ct);
        Console.WriteLine($"Password di {user.Email} reimpostata; le sue sessioni sono state chiuse.");
        if (given is null)
        {
            Console.WriteLine($"Password temporanea (mostrata solo ora, da cambiare al primo accesso): {password}");
        }
        return 0;
    }

    internal static async Task<int> ListUsersAsync(IServiceProvider sp, CancellationToken ct)
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

    internal static async Task<int> SetDisabledAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, bool disabled)
    {
        var user = await FindUserAsync(sp, o);
        var result = await UserAdmin.SetDisabledAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<AppDbContext>(), user, disabled);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        Console.WriteLine(disabled ? $"Utente {user.Email} disabilitato." : $"Utente {user.Email} riabilitato.");
        return 0;
    }

    internal static async Task<int> SetRoleAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
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

    internal static async Task<int> CreateTokenAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
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

    internal static async Task<int> RevokeTokenAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
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

    internal static async Task<int> VerifyAuditAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var total = await db.AuditEntries.LongCountAsync(ct);
        var progress = new Progress<long>(n => Console.Error.Write($"\r  verificate {n:N0} / {total:N0} righe"));
        var anchors = sp.GetRequiredService<AuditAnchors>();
        var result = await AuditChain.VerifyAsync(db, progress, ct, anchors);
        Console.Error.WriteLine();
        Console.WriteLine(result.Message);
        if (!result.Ok)
        {
            return 3;
        }
        // A chain that verified is anchored at its head: from now on, cutting it or rewriting it up to here shows.
        if (await anchors.WriteCheckpointAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct) is { } checkpoint)
        {
            Console.WriteLine($"Punto di controllo alla riga {checkpoint.Sequence} aggiunto a {anchors.CheckpointFile}.");
        }
        return 0;
    }

    internal static async Task<int> BackupAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var options = sp.GetRequiredService<DatabaseOptions>();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = db.Database.GetConnectionString()!;
        string written;
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
            written = target;
        }
        else
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            var file = Path.GetFullPath(o.GetValueOrDefault("output") ?? $"metropoli-{stamp}.dump");
            if (File.Exists(file)) throw new CliException($"{file} esiste già.");
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
            written = file;
        }
        // The uploaded files after the database: a file the copy names was complete before the copy began (files are
        // renamed into place before their row is saved), so every document the restored database lists is in the archive.
        var archive = written + ".files.tar.gz";
        var count = await Files.FileArchive.WriteAsync(sp.GetRequiredService<Files.FileSystemFileStore>(), archive, ct);
        Console.WriteLine($"{count} file caricati archiviati in {archive} (si ripristinano con: metropoli restore-files --input {Path.GetFileName(archive)}).");
        return 0;
    }

    internal static async Task<int> RestoreFilesAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var input = o.GetValueOrDefault("input") is { Length: > 0 } i ? Path.GetFullPath(i) : throw new CliException("Indica l'archivio con --input.");
        if (!File.Exists(input)) throw new CliException($"{input} non esiste.");
        var store = sp.GetRequiredService<Files.FileSystemFileStore>();
        (int restored, int present) result;
        try
        {
            result = await Files.FileArchive.RestoreAsync(store, input, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new CliException($"Archivio non ripristinato: {e.Message}");
        }
        var (restored, present) = result;
        Console.WriteLine($"{restored} file ripristinati in {store.Root}, {present} già presenti e identici.");
        return 0;
    }

}

/// <summary>A command's refusal: printed as "Errore: …" with exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
