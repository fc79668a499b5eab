using System.Globalization;
using System.Reflection;
using Metropoli.Platform.Time;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Metropoli.Platform.Ui;

public sealed record Crumb(string Text, string? Href = null);

/// <summary>What the layout needs from a page: title, breadcrumbs, last-update date.</summary>
public static class PageMeta
{
    /// <summary>The date the application's content was built; pages with records override it.</summary>
    public static readonly DateTime BuiltAt = File.GetLastWriteTimeUtc(Assembly.GetExecutingAssembly().Location);

    public static void SetCrumbs(this ViewDataDictionary viewData, params Crumb[] crumbs) => viewData["Crumbs"] = crumbs;

    public static IReadOnlyList<Crumb> Crumbs(this ViewDataDictionary viewData) => viewData["Crumbs"] as Crumb[] ?? [];

    public static void SetLastUpdated(this ViewDataDictionary viewData, DateTime utc) => viewData["LastUpdated"] = utc;

    public static DateTime LastUpdated(this ViewDataDictionary viewData) => viewData["LastUpdated"] as DateTime? ?? BuiltAt;

    public static string Date(DateTime utc) => CivilClock.ToCivil(utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DateTimeText(DateTime utc) => Formats.DateTime(utc);

    public static string Number(int n) => Formats.Number(n);

    public static string Number(long n) => Formats.Number(n);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
