namespace Metropoli.Platform.Identifiers;

/// <summary>The answer of a check: whether the value is valid, why not (Italian, shown next to the
/// field and translated by the localizer), and the value in the form to store.</summary>
public readonly record struct IdentifierResult(bool Ok, string? Error, string Normalized)
{
    public static IdentifierResult Valid(string normalized) => new(true, null, normalized);

    public static IdentifierResult Invalid(string normalized, string error) => new(false, error, normalized);
}

/// <summary>The Italian identifiers every module meets, checked the same way everywhere: codice
/// fiscale and partita IVA (with their check characters), CUP, CIG, ISTAT codes of Comuni and IPA codes.
/// Each check first normalises (spaces removed, the case the register uses) and then validates the
/// normalised value, so "it 0119 9250 158" and "01199250158" are the same partita IVA.
/// Sources and the parts that are format-only: docs/adr/0008-identifiers-and-organisations.md.</summary>
public static partial class IdentifierCheck
{
    /// <summary>People paste codes with spaces (printed in groups) or in lower case; neither is meaningful.</summary>
    private static string Compact(string? value, bool upper = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var chars = value.Where(c => !char.IsWhiteSpace(c)).ToArray();
        var s = new string(chars);
        return upper ? s.ToUpperInvariant() : s.ToLowerInvariant();
    }

    private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static bool AllUpperAlphanumeric(string s) => s.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    private static bool IsHexUpper(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F';
}
