namespace Metropoli.Platform.Identifiers;

public static partial class IdentifierCheck
{
    /// <summary>ISTAT code of a Comune: 6 digits, the province (3) and the Comune within it (3). It is a
    /// string: the leading zeros (015146 for Milano) are part of the code, so a 5-digit value that
    /// lost them in a spreadsheet is refused rather than guessed.</summary>
    public static IdentifierResult ValidateIstatComune(string? value)
    {
        var s = Compact(value);
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, "Indica il codice ISTAT del Comune.");
        }
        if (s.Length != 6 || !AllDigits(s))
        {
            return IdentifierResult.Invalid(s, "Il codice ISTAT di un Comune ha 6 cifre, con gli zeri iniziali (per esempio 015146).");
        }
        if (s.StartsWith("000", StringComparison.Ordinal) || s.EndsWith("000", StringComparison.Ordinal))
        {
            return IdentifierResult.Invalid(s, "Il codice ISTAT non è valido: né la provincia (prime 3 cifre) né il Comune (ultime 3) possono essere 000.");
        }
        return IdentifierResult.Valid(s);
    }

    /// <summary>Codice IPA of a body in the Indice dei domicili digitali della PA (AgID), such as
    /// c_f205 or r_lombar: letters, digits and underscores. AgID issues them in lower case up to about
    /// 11 characters; we accept up to 20, in any case, and store them in lower case.</summary>
    public static IdentifierResult ValidateIpaCode(string? value)
    {
        var s = Compact(value, upper: false);
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, "Indica il codice IPA.");
        }
        return s.Length <= 20 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? IdentifierResult.Valid(s)
            : IdentifierResult.Invalid(s, "Il codice IPA può contenere solo lettere, cifre e il trattino basso, fino a 20 caratteri (per esempio c_f205).");
    }
}
