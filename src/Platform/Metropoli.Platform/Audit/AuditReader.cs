using System.Globalization;
using System.Text.Json;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Audit;

/// <summary>One change as a reader sees it: the field's label and the values before and after, in the reader's language.</summary>
public sealed record ReadableChange(string Field, string Before, string After);

/// <summary>Turns an entry of the trail into what the history and the register show (ADR 0030): the fields that changed,
/// named in the reader's language, without the technical ones, with values formatted as the pages show them; the
/// author by name. The stored entry is not changed (the chain covers its JSON).</summary>
public static class AuditReader
{
    public static IReadOnlyList<ReadableChange> Changes(AuditRow row, IStringLocalizer l, AuditVocabulary? vocabulary = null)
    {
        vocabulary ??= AuditVocabulary.All;
        var before = Parse(row.Before);
        var after = Parse(row.After);
        var list = new List<ReadableChange>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var b = before.GetValueOrDefault(key);
            var a = after.GetValueOrDefault(key);
            if (Same(b, a) || vocabulary.FieldLabel(row.EntityType, key) is not { } label)
            {
                continue;
            }
            // A record created with an empty field, or deleted: only the fields that had a value.
            if (row.Action != "update" && IsEmpty(b) && IsEmpty(a))
            {
                continue;
            }
            var values = vocabulary.ValueLabel(row.EntityType, key);
            list.Add(new ReadableChange(l[label], Text(b, key, values, l), Text(a, key, values, l)));
        }
        return list;
    }

    /// <summary>Who made the change, as a person reads it: the name, else the sign-in name, else the system or a visitor.</summary>
    public static string Who(AuditRow row, IStringLocalizer l) =>
        !string.IsNullOrWhiteSpace(row.UserDisplayName) ? row.UserDisplayName!
        : row.UserName == CurrentUser.SystemName ? l["sistema"]
        : row.UserName == CurrentUser.AnonymousName ? l["visitatore non autenticato"]
        : row.UserName;

    /// <summary>The operation with the record's type: "aggiornamento di utente".</summary>
    public static string What(AuditRow row, IStringLocalizer l)
    {
        var vocabulary = AuditVocabulary.All;
        if (row.EntityType == nameof(AppUser) && row.UserName == CurrentUser.AnonymousName && row.After is { } after && after.Contains("\"LockoutEnd\"", StringComparison.Ordinal))
        {
            return l["blocco dell'account dopo troppi tentativi di accesso non riusciti"];
        }
        return $"{l[vocabulary.EntityName(row.EntityType)]}: {l[Ui.Labels.AuditAction(row.Action)]}";
    }

    private static bool Same(JsonElement? a, JsonElement? b) =>
        (IsEmpty(a) && IsEmpty(b)) || (a is { } x && b is { } y && x.GetRawText() == y.GetRawText());

    private static bool IsEmpty(JsonElement? e) =>
        e is null || e.Value.ValueKind == JsonValueKind.Null || (e.Value.ValueKind == JsonValueKind.String && e.Value.GetString() == "");

    private static string Text(JsonElement? value, string key, Func<string, string>? labels, IStringLocalizer l)
    {
        if (IsEmpty(value)) return "—";
        var e = value!.Value;
        switch (e.ValueKind)
        {
            case JsonValueKind.True:
                return l["sì"];
            case JsonValueKind.False:
                return l["no"];
            case JsonValueKind.Number:
                if (key is "Budget" or "Funding" || key.EndsWith("Amount", StringComparison.Ordinal))
                {
                    return e.TryGetDecimal(out var money) ? Formats.Euro(money) : e.GetRawText();
                }
                if (key is "Year" or "BaselineYear" or "StartYear" or "EndYear") return e.GetRawText();
                if (e.TryGetInt64(out var n)) return PageMeta.Number(n);
                return e.TryGetDecimal(out var d) ? d.ToString(CultureInfo.CurrentCulture) : e.GetRawText();
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (labels is not null) return l[labels(s)];
                if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Formats.Date(day);
                }
                if (s.Length >= 19 && s[10] == 'T' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    return at.Year >= 9999 ? l["a tempo indeterminato"] : PageMeta.DateTimeText(at.UtcDateTime);
                }
                return s;
            default:
                return e.GetRawText();
        }
    }

    private static Dictionary<string, JsonElement?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (JsonElement?)p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
