using System.Globalization;

namespace Metropoli.Platform.Identifiers;

public static partial class IdentifierCheck
{
    /// <summary>CUP (Codice Unico di Progetto, DIPE): 15 upper-case letters and digits. The CUP has no
    /// public check character, so only the format is checked.</summary>
    public static IdentifierResult ValidateCup(string? value)
    {
        var s = Compact(value);
        if (s.Length == 0)
        {
            return IdentifierResult.Invalid(s, "Indica il CUP.");
        }
        return s.Length == 15 && AllUpperAlphanumeric(s)
            ? IdentifierResult.Valid(s)
            : IdentifierResult.Invalid(s, "Il CUP deve essere composto da 15 lettere maiuscole e cifre.");
    }

    /// <summary>Which of ANAC's CIG forms a valid code has.</summary>
    public enum CigKind { Legacy, Smart, Pcp }

    /// <summary>CIG (Codice Identificativo Gara, ANAC), 10 characters, in one of three forms:
    /// <list type="bullet">
    /// <item>legacy CIG (SIMOG): 7 digits N (not all zero) and 3 hexadecimal digits K with K = N × 211 mod 4091;</item>
    /// <item>Smart CIG: X, Y or Z, 2 hexadecimal digits K and 7 hexadecimal digits C (not all zero) with K = C × 211 mod 251;</item>
    /// <item>CIG issued by the Piattaforma Contratti Pubblici (from 2024): a letter A-W and 9 hexadecimal
    /// digits, with no published check, so format only.</item>
    /// </list>
    /// The two checksums are the ones the Emilia-Romagna NSO/PEPPOL validation rules apply (see ADR 0008).</summary>
    public static IdentifierResult ValidateCig(string? value) => CheckCig(value).Result;

    public static (IdentifierResult Result, CigKind? Kind) CheckCig(string? value)
    {
        var s = Compact(value);
        if (s.Length == 0)
        {
            return (IdentifierResult.Invalid(s, "Indica il CIG."), null);
        }
        if (s.Length != 10 || !AllUpperAlphanumeric(s))
        {
            return (IdentifierResult.Invalid(s, "Il CIG deve essere composto da 10 caratteri, lettere maiuscole e cifre."), null);
        }
        if (char.IsAsciiDigit(s[0]))
        {
            if (!AllDigits(s[..7]) || !s[7..].All(IsHexUpper))
            {
                return (IdentifierResult.Invalid(s, "Il CIG non è valido: un CIG che inizia con una cifra ha 7 cifre seguite da 3 caratteri tra 0-9 e A-F."), null);
            }
            var n = long.Parse(s.AsSpan(0, 7), NumberStyles.None, CultureInfo.InvariantCulture);
            var k = int.Parse(s.AsSpan(7, 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (n == 0 || n * 211 % 4091 != k)
            {
                return (IdentifierResult.Invalid(s, "Il CIG non è valido: i caratteri di controllo (gli ultimi tre) non corrispondono. Controlla di averlo copiato bene."), null);
            }
            return (IdentifierResult.Valid(s), CigKind.Legacy);
        }
        if (!s[1..].All(IsHexUpper))
        {
            return (IdentifierResult.Invalid(s, "Il CIG non è valido: dopo la lettera iniziale seguono 9 caratteri tra 0-9 e A-F."), null);
        }
        if (s[0] is 'X' or 'Y' or 'Z')
        {
            var k = int.Parse(s.AsSpan(1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var c = long.Parse(s.AsSpan(3, 7), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (c == 0 || c * 211 % 251 != k)
            {
                return (IdentifierResult.Invalid(s, "Lo Smart CIG non è valido: i caratteri di controllo (secondo e terzo) non corrispondono. Controlla di averlo copiato bene."), null);
            }
            return (IdentifierResult.Valid(s), CigKind.Smart);
        }
        return (IdentifierResult.Valid(s), CigKind.Pcp);
    }
}
