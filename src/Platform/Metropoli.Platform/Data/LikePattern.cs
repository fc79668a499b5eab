namespace Metropoli.Platform.Data;

/// <summary>A search text as a SQL LIKE pattern that finds it anywhere, with <c>%</c>, <c>_</c> and the escape
/// character itself taken literally. Use with <c>EF.Functions.Like(column, pattern, LikePattern.Escape)</c>.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
