using System.Globalization;
using System.Text;

namespace Metropoli.Platform.Data;

/// <summary>Search text that ignores accents and case (issue 23: <c>mobilita</c> finds "mobilità"). In SQL, a LIKE pattern
/// (<see cref="Pattern"/>) where the last vowel of each word matches any one character — Italian writes its accents
/// on final vowels (città, perché, più) — narrows the rows on both databases without an extension; in memory,
/// <see cref="Matches"/> keeps the rows whose folded text holds the folded query, so "mobilite" is not taken for it.</summary>
public static class TextSearch
{
    private const string Vowels = "aeiou";

    /// <summary>Lower case without diacritics: "Città" → "citta".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A LIKE pattern (escape <see cref="LikePattern.Escape"/>) for a lower-cased column: the folded query
    /// anywhere, each word's last vowel free. Use with <c>EF.Functions.Like(column.ToLower(), pattern, LikePattern.Escape)</c>
    /// and keep the rows that <see cref="Matches"/>.</summary>
    public static string Pattern(string query)
    {
        var folded = Fold(query.Trim());
        var sb = new StringBuilder("%");
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var endOfWord = i + 1 == folded.Length || !char.IsLetter(folded[i + 1]);
            if (endOfWord && Vowels.Contains(c))
            {
                sb.Append('_');
            }
            else if (c is '%' or '_' or '\\')
            {
                sb.Append(LikePattern.Escape).Append(c);
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.Append('%').ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="query"/>, ignoring accents and case.</summary>
    public static bool Matches(string? text, string query) => Fold(text).Contains(Fold(query.Trim()), StringComparison.Ordinal);
}
