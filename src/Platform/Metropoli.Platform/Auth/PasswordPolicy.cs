using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Metropoli.Platform.Auth;

/// <summary>The password rules of NIST SP 800-63B §3.1.1.2 and OWASP ASVS 5.0 §6.2 (ADR 0030): at least 12 characters,
/// no composition rules, and no password that is common or guessable from the context. A password is refused when it is
/// on the block list, or when what is left once digits, symbols and spaces are removed (and 4→a, 3→e, 1→i, 0→o, 5→s,
/// 7→t, @→a, $→s read back) is a common word or a word of the context: the service ("metropoli"), the city, the
/// user's e-mail or name. So <c>Password1234</c>, <c>Metropoli2026</c> and <c>Milano!!2025</c> are refused;
/// <c>Prova-Metropoli-2026</c> is not (its letters are not one word of the list), nor a generated password.</summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;

    /// <summary>Common passwords and their stems (the most frequent of the public breach lists, Italian and English),
    /// and the words of the context that belong to every account.</summary>
    internal static readonly HashSet<string> Blocked = new(StringComparer.Ordinal)
    {
        "password", "passw", "pass", "passwd", "parola", "parolachiave", "parolasegreta", "segreto", "segreta", "chiave",
        "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "azerty", "qwertz", "abc", "abcd", "abcdef", "abcdefgh",
        "admin", "administrator", "amministratore", "root", "user", "utente", "login", "accesso", "welcome", "benvenuto",
        "benvenuta", "letmein", "iloveyou", "tiamo", "tiamotanto", "amore", "amoremio", "ciao", "ciaociao", "ciaone",
        "test", "prova", "demo", "changeme", "cambiami", "default", "secret", "master", "dragon", "monkey", "football",
        "calcio", "juventus", "juve", "inter", "forzainter", "milan", "forzamilan", "napoli", "forzanapoli", "roma",
        "forzaroma", "lazio", "torino", "sunshine", "princess", "principessa", "trustno", "baseball", "superman",
        "batman", "starwars", "pokemon", "computer", "internet", "samsung", "iphone", "google", "facebook", "estate",
        "inverno", "primavera", "autunno", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
        "agosto", "settembre", "ottobre", "novembre", "dicembre", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
        "sabato", "domenica", "italia", "italy", "lombardia", "metropoli", "metropolitana", "cittametropolitana",
        "milano", "milan", "comune", "provincia", "regione", "ufficio", "lavoro", "famiglia", "francesco", "giuseppe",
        "giovanni", "antonio", "mario", "luigi", "andrea", "marco", "alessandro", "maria", "anna", "giulia", "francesca",
        "sara", "laura", "chiara", "valentina", "paola", "elena", "martina", "simone", "matteo", "luca", "davide",
        "stefano", "roberto", "paolo", "federico", "lorenzo",
    };

    /// <summary>Whole passwords refused as they are (sequences and keyboard walks that have no letters left to test).</summary>
    private static readonly HashSet<string> BlockedWhole = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "098765432109", "111111111111", "000000000000",
        "123123123123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "q1w2e3r4t5y6", "abc123abc123",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Check(password ?? "", user) is { } error
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordGuessable", Description = error })
            : IdentityResult.Success);

    /// <summary>Null when the password is acceptable, else the reason, in Italian.</summary>
    public static string? Check(string password, AppUser? user)
    {
        if (password.Length < MinimumLength)
        {
            return null; // Identity's own length rule answers with its message
        }
        if (BlockedWhole.Contains(password) || password.Distinct().Count() < 4)
        {
            return "Questa password è troppo comune o ripetitiva: scegline una più lunga e meno prevedibile, per esempio tre o quattro parole a caso.";
        }
        var context = ContextWords(user);
        var cores = Cores(password);
        if (cores.Any(core => core.Length == 0 || IsSequence(core) || Blocked.Contains(core) || Repeats(core, Blocked)))
        {
            return "Questa password è troppo comune: scegline una più lunga e meno prevedibile, per esempio tre o quattro parole a caso.";
        }
        if (cores.Any(core => context.Contains(core) || Repeats(core, context)))
        {
            return "La password non può essere il tuo nome o il tuo indirizzo e-mail con qualche cifra: scegline una meno prevedibile.";
        }
        return null;
    }

    /// <summary>The letters of a password, lower-case and without accents: as written, and with the common
    /// substitutions of letters by digits and symbols read back.</summary>
    internal static string[] Cores(string password)
    {
        var lower = password.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var plain = new string(lower.Where(c => c is >= 'a' and <= 'z').ToArray());
        // Digits and symbols before and after the letters are the usual "2026!" suffix, not letters in disguise.
        var inner = lower.Trim().TrimStart("0123456789!@#$%^&*()_-+=.,;:?/\\|'\"<>[]{}~` ".ToCharArray())
            .TrimEnd("0123456789!@#$%^&*()_-+=.,;:?/\\|'\"<>[]{}~` ".ToCharArray());
        var read = new string(inner.Select(c => c switch { '4' or '@' => 'a', '3' => 'e', '1' or '!' => 'i', '0' => 'o', '5' or '$' => 's', '7' => 't', _ => c })
            .Where(c => c is >= 'a' and <= 'z').ToArray());
        return plain == read ? [plain] : [plain, read];
    }

    /// <summary>The same word repeated (<c>ciaociao</c>, <c>milanomilano</c>).</summary>
    private static bool Repeats(string core, ICollection<string> words) =>
        words.Any(w => w.Length >= 3 && core.Length % w.Length == 0 && core.Length > w.Length
            && Enumerable.Range(0, core.Length / w.Length).All(i => string.CompareOrdinal(core, i * w.Length, w, 0, w.Length) == 0));

    private static bool IsSequence(string core) =>
        core.Length >= 3 && (("abcdefghijklmnopqrstuvwxyz".Contains(core, StringComparison.Ordinal))
            || "qwertyuiopasdfghjklzxcvbnm".Contains(core, StringComparison.Ordinal));

    private static HashSet<string> ContextWords(AppUser? user)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (user is null) return words;
        foreach (var part in new[] { user.Email, user.UserName }.Where(s => !string.IsNullOrEmpty(s)))
        {
            var local = part!.Split('@')[0];
            words.Add(Letters(local));
            foreach (var piece in local.Split('.', '_', '-', '+')) words.Add(Letters(piece));
        }
        var name = Letters(user.DisplayName);
        words.Add(name);
        foreach (var piece in user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)) words.Add(Letters(piece));
        words.RemoveWhere(w => w.Length < 3);
        return words;
    }

    private static string Letters(string? s) => new((s ?? "").Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture)
        .Where(c => c is >= 'a' and <= 'z').ToArray());
}
