using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metropoli.Platform.Localization;

namespace Metropoli.Platform.Notifications;

/// <summary>What a notification says, stored as its kind, its Italian templates (the keys of
/// <c>SharedResource.en.resx</c>) and its parameters, and rendered in the reader's language when read, in the
/// recipient's for the e-mail (issue 18, point 6). Dates and numbers are kept as values, not as text, so an Italian
/// reader gets "6 gennaio 2027" and an English one "6 January 2027". Rows stored before kinds existed have the
/// kind <see cref="PlainText"/> and are shown as stored.</summary>
public sealed partial class NotificationText
{
    /// <summary>The kind of the rows written as rendered Italian text before kinds existed (and shown as stored).</summary>
    public const string PlainText = "text";

    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal);

    public string Kind { get; }
    /// <summary>Italian templates with <c>{name}</c> placeholders; their English is in SharedResource.en.resx.</summary>
    public string Subject { get; }
    public string Body { get; }

    public NotificationText(string kind, string subject, string body)
    {
        Kind = kind;
        Subject = subject;
        Body = body;
    }

    public NotificationText Text(string name, string? value) { _parameters[name] = "t:" + (value ?? ""); return this; }
    public NotificationText Date(string name, DateOnly value) { _parameters[name] = "d:" + value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); return this; }
    public NotificationText Number(string name, decimal value) { _parameters[name] = "n:" + value.ToString(CultureInfo.InvariantCulture); return this; }
    /// <summary>An Italian label (a status, a role) translated in the reader's language like the templates.</summary>
    public NotificationText Label(string name, string italian) { _parameters[name] = "l:" + italian; return this; }

    /// <summary>The templates (<c>$subject</c>, <c>$body</c>) and the parameters, as stored in the notification.</summary>
    public string ParametersJson =>
        JsonSerializer.Serialize(new Dictionary<string, string>(_parameters) { ["$subject"] = Subject, ["$body"] = Body });

    public static CultureInfo CultureOf(string? language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "it-IT");

    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    private static string Translate(string italian, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName == "it") return italian;
        try
        {
            return Resources.GetString(italian, culture) ?? italian;
        }
        catch (MissingManifestResourceException)
        {
            return italian;
        }
    }

    /// <summary>Subject and body in <paramref name="culture"/>; a <see cref="PlainText"/> row as stored.</summary>
    public static (string Subject, string Body) Render(string kind, string subject, string body, string? parametersJson, CultureInfo culture)
    {
        if (kind == PlainText || string.IsNullOrEmpty(parametersJson)) return (subject, body);
        Dictionary<string, string>? parameters;
        try
        {
            parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(parametersJson);
        }
        catch (JsonException)
        {
            return (subject, body);
        }
        parameters ??= [];
        if (parameters.TryGetValue("$subject", out var subjectTemplate)) subject = subjectTemplate;
        if (parameters.TryGetValue("$body", out var bodyTemplate)) body = bodyTemplate;
        return (Fill(Translate(subject, culture), parameters, culture), Fill(Translate(body, culture), parameters, culture));
    }

    public (string Subject, string Body) Render(CultureInfo culture) => Render(Kind, Subject, Body, ParametersJson, culture);

    private static string Fill(string template, Dictionary<string, string> parameters, CultureInfo culture) =>
        Placeholder().Replace(template, m => parameters.TryGetValue(m.Groups[1].Value, out var v) ? Format(v, culture) : m.Value);

    private static string Format(string stored, CultureInfo culture)
    {
        if (stored.Length < 2 || stored[1] != ':') return stored;
        var value = stored[2..];
        return stored[0] switch
        {
            'd' when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString("d MMMM yyyy", culture),
            'n' when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n.ToString("#,##0.##", culture),
            'l' => Translate(value, culture),
            _ => value,
        };
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
