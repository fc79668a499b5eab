namespace Metropoli.Platform.Identifiers;

public static partial class IdentifierCheck
{
    /// <summary>Partita IVA: 11 digits whose last is the check digit of the Agenzia delle Entrate's
    /// Luhn-style algorithm. A leading "IT" (the VIES form) is accepted and dropped.</summary>
    public static IdentifierResult ValidatePartitaIva(string? value)
    {
        var s = Compact(value);
        if (s.Length == 13 && s.StartsWith("IT", StringComparison.Ordinal))
        {
            s = s[2..];
        }
        return ElevenDigits(s, new(
            "Indica la partita IVA.",
            "La partita IVA deve essere composta da 11 cifre.",
            "La partita IVA non è valida: il numero di matricola (prime 7 cifre) non può essere zero.",
            "La partita IVA non è valida: la cifra di controllo non corrisponde. Controlla di averla copiata bene."));
    }

    /// <summary>Codice fiscale of a body (ente, società, associazione): the same 11 digits and check
    /// digit as a partita IVA (bodies without a partita IVA have codes starting with 8 or 9).</summary>
    public static IdentifierResult ValidateCodiceFiscaleEnte(string? value) => ElevenDigits(Compact(value), new(
        "Indica il codice fiscale.",
        "Il codice fiscale di un ente deve essere composto da 11 cifre.",
        "Il codice fiscale non è valido: il numero di matricola (prime 7 cifre) non può essere zero.",
        "Il codice fiscale non è valido: la cifra di controllo non corrisponde. Controlla di averlo copiato bene."));

    /// <summary>Either kind of codice fiscale an organisation may have: 11 digits (bodies, and the
    /// provisional codes of people) or 16 characters (people, e.g. a sole trader).</summary>
    public static IdentifierResult ValidateCodiceFiscale(string? value)
    {
        var s = Compact(value);
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, "Indica il codice fiscale.");
        }
        if (AllDigits(s))
        {
            return ValidateCodiceFiscaleEnte(s);
        }
        if (s.Length == 16)
        {
            return ValidateCodiceFiscalePersona(s);
        }
        return IdentifierResult.Invalid(s, "Il codice fiscale deve avere 11 cifre (enti e società) oppure 16 caratteri (persone).");
    }

    /// <summary>Whole sentences per identifier: Italian agrees in gender ("la partita IVA … composta"),
    /// and each sentence is a key of the English resources.</summary>
    private sealed record ElevenDigitMessages(string Empty, string Length, string ZeroNumber, string CheckDigit);

    private static IdentifierResult ElevenDigits(string s, ElevenDigitMessages messages)
    {
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, messages.Empty);
        }
        if (s.Length != 11 || !AllDigits(s))
        {
            return IdentifierResult.Invalid(s, messages.Length);
        }
        if (s.AsSpan(0, 7).IndexOfAnyExcept('0') < 0)
        {
            // The first seven digits are the progressive number of the registration; zero is never issued.
            return IdentifierResult.Invalid(s, messages.ZeroNumber);
        }
        return LuhnCheckDigit(s) == s[10] - '0' ? IdentifierResult.Valid(s) : IdentifierResult.Invalid(s, messages.CheckDigit);
    }

    /// <summary>Ministerial decree of 23 December 1976: digits in odd positions are added as they are,
    /// those in even positions doubled (minus 9 when the double exceeds 9); the check digit brings the
    /// total to a multiple of 10. Only the first ten digits are read.</summary>
    public static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    // Positions (0-based) that hold digits in a personal codice fiscale: year, day, and the three
    // digits of the place code. Omocodia replaces some of them (the Agenzia starts from the right)
    // with these letters for 0-9; any combination is accepted.
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];
    private const string OmocodiaLetters = "LMNPQRSTUV";
    private const string MonthLetters = "ABCDEHLMPRST";

    // Values of the characters in odd positions (1st, 3rd, …) for the check letter; digits share
    // the values of the letters A-J.
    private static readonly int[] OddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Personal codice fiscale (DM 23/12/1976, DPR 605/1973): 6 letters of surname and name,
    /// 2 digits of year, a month letter, 2 digits of day (plus 40 for women), a place code (a letter and
    /// 3 digits) and a check letter. Codes changed for omocodia (digits replaced by L…V) are valid and
    /// kept as they are: they are the codes those people hold.</summary>
    public static IdentifierResult ValidateCodiceFiscalePersona(string? value)
    {
        var s = Compact(value);
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, "Indica il codice fiscale.");
        }
        if (s.Length != 16 || !AllUpperAlphanumeric(s))
        {
            return IdentifierResult.Invalid(s, "Il codice fiscale di una persona ha 16 caratteri, lettere e cifre.");
        }
        for (var i = 0; i < 16; i++)
        {
            var ok = Array.IndexOf(DigitPositions, i) >= 0
                ? char.IsAsciiDigit(s[i]) || OmocodiaLetters.Contains(s[i])
                : char.IsAsciiLetterUpper(s[i]);
            if (!ok)
            {
                return IdentifierResult.Invalid(s, "Il codice fiscale non è valido: lettere e cifre non sono al loro posto (6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera).");
            }
        }
        var month = MonthLetters.IndexOf(s[8]) + 1;
        if (month == 0)
        {
            return IdentifierResult.Invalid(s, "Il codice fiscale non è valido: la lettera del mese (nono carattere) deve essere una tra A B C D E H L M P R S T.");
        }
        var plain = Deomocode(s);
        var year = int.Parse(plain.AsSpan(6, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(plain.AsSpan(9, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var dayOfMonth = day > 40 ? day - 40 : day;
        // Two-digit years: 29 February is a real date when the year is a leap year in either century.
        var maxDay = month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        if (day is < 1 or > 71 || day is > 31 and < 41 || dayOfMonth > maxDay)
        {
            return IdentifierResult.Invalid(s, "Il codice fiscale non è valido: il giorno di nascita (caratteri 10 e 11) deve essere 01-31 per gli uomini o 41-71 per le donne, in un giorno che esiste nel mese.");
        }
        return PersonaCheckLetter(s) == s[15]
            ? IdentifierResult.Valid(s)
            : IdentifierResult.Invalid(s, "Il codice fiscale non è valido: il carattere di controllo (l'ultimo) non corrisponde. Controlla di averlo copiato bene.");
    }

    /// <summary>The check letter of the first 15 characters, computed on them as written (omocodic
    /// letters included, as the Agenzia delle Entrate does).</summary>
    public static char PersonaCheckLetter(string first15)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }
        return (char)('A' + sum % 26);
    }

    /// <summary>The code with omocodic letters turned back into digits (check letter not recomputed):
    /// what the birth date and place are read from.</summary>
    public static string Deomocode(string code)
    {
        var chars = code.ToCharArray();
        foreach (var i in DigitPositions)
        {
            var k = OmocodiaLetters.IndexOf(chars[i]);
            if (k >= 0)
            {
                chars[i] = (char)('0' + k);
            }
        }
        return new string(chars);
    }

    /// <summary>Whether a (valid) personal code has had digits replaced for omocodia.</summary>
    public static bool IsOmocodic(string code) =>
        code.Length == 16 && DigitPositions.Any(i => OmocodiaLetters.Contains(code[i]));
}
