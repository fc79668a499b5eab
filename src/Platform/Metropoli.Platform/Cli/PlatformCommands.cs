using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;

namespace Metropoli.Platform.Cli;

/// <summary>The platform's own commands: the database, accounts, tokens, backup and the audit chain.</summary>
internal static class PlatformCommands
{
    private static readonly CliOption Email = new("email", "l'e-mail dell'utente", Required: true, ValueName: "E");

    private static readonly CliOption[] Scopes =
    [
        new("municipality", "codice ISTAT del Comune (referente comunale)", ValueName: "ISTAT"),
        new("zone", "codice della zona (coordinatore di zona)", ValueName: "Z"),
        new("sector", "codice del settore (referente di settore)", ValueName: "S"),
    ];

    public static IEnumerable<CliCommand> All =>
    [
        new(["migrate"], "applica le migrazioni al database", [], async (sp, _, ct) =>
        {
            await using var held = await StartupLock.AcquireAsync(sp, ct);
            await sp.GetRequiredService<AppDbContext>().MigrateUnderLockAsync(ct);
            Console.WriteLine("Database aggiornato all'ultima migrazione.");
            return 0;
        }),
        new(["seed"], "carica i dati di riferimento (e con --demo gli account e i contenuti dimostrativi)",
            [new("demo", "aggiunge gli account e i contenuti dimostrativi", Flag: true)], SeedAsync),
        new(["users", "create"], "crea un utente (senza --password ne genera una temporanea, la stampa e la fa cambiare al primo accesso)",
            [Email, new("role", "il ruolo: " + string.Join(", ", Roles.All), Required: true, ValueName: "R"), new("name", "nome visualizzato", ValueName: "N"),
                new("password", "password (almeno 12 caratteri, non comune)", ValueName: "P"),
                new("organisation", "id dell'organizzazione", ValueName: "ID"),
                new("fiscal-code", "codice fiscale della persona, per l'accesso con SPID o CIE", ValueName: "CF"), .. Scopes],
            Cli.CreateUserAsync),
        new(["users", "reset-password"], "reimposta la password di un utente (senza --password ne genera una temporanea, la stampa e la fa cambiare al primo accesso); chiude le sue sessioni e lo sblocca",
            [Email, new("password", "la nuova password (almeno 12 caratteri, non comune)", ValueName: "P")], Cli.ResetPasswordAsync),
        new(["users", "list"], "elenca gli utenti", [], (sp, _, ct) => Cli.ListUsersAsync(sp, ct)),
        new(["users", "disable"], "disattiva un utente", [Email], (sp, o, _) => Cli.SetDisabledAsync(sp, o, true)),
        new(["users", "enable"], "riattiva un utente", [Email], (sp, o, _) => Cli.SetDisabledAsync(sp, o, false)),
        new(["users", "set-role"], "cambia ruolo e ambito di un utente",
            [Email, new("role", "il nuovo ruolo", Required: true, ValueName: "R"), .. Scopes], Cli.SetRoleAsync),
        new(["tokens", "create"], "crea un token di accesso personale per l'API (stampato una volta)",
            [Email, new("name", "nome del token", ValueName: "N"), new("days", "giorni di validità", ValueName: "D")], Cli.CreateTokenAsync),
        new(["tokens", "revoke"], "revoca un token", [new("id", "id del token", Required: true, ValueName: "N")], Cli.RevokeTokenAsync),
        new(["backup"], "copia coerente del database mentre l'app è in funzione, e archivio dei file caricati",
            [new("output", "file di destinazione", ValueName: "FILE")], Cli.BackupAsync),
        new(["restore-files"], "ripristina i file caricati da un archivio scritto da backup (i file presenti e identici restano)",
            [new("input", "archivio .files.tar.gz", ValueName: "FILE")], Cli.RestoreFilesAsync),
        new(["audit", "verify"], "ricalcola la catena di impronte del registro (codice di uscita 3 se è interrotta)", [],
            (sp, _, ct) => Cli.VerifyAuditAsync(sp, ct)),
    ];

    private static async Task<int> SeedAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        // Under the startup lock, like a start: an instance starting meanwhile waits, then finds it done.
        await using var held = await StartupLock.AcquireAsync(sp, ct);
        await sp.GetRequiredService<AppDbContext>().MigrateUnderLockAsync(ct);
        Console.WriteLine("Dati di riferimento: ruoli, zone, Comuni, classificazioni…");
        await Startup.SeedReferenceDataAsync(sp, ct);
        Console.WriteLine("Dati di riferimento caricati.");
        if (o.ContainsKey("demo"))
        {
            var created = await Startup.CreateDemoAccountsAsync(sp, ct);
            foreach (var (a, p) in created)
            {
                Console.WriteLine($"  {Roles.Label(a.Role),-24} {a.Email,-36} {p}");
            }
            Startup.SaveDemoAccounts(sp, created);
            await Startup.SeedDemoContentAsync(sp, ct);
            Console.WriteLine("Contenuti dimostrativi caricati.");
        }
        return 0;
    }
}
