using System.Text.Json;

namespace Metropoli.Platform.Audit;

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Turns an entry's before/after snapshots into the list of fields that changed, for people to read.</summary>
public static class AuditDiff
{
    public static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new() { ["valore"] = json };
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
        }
        catch (JsonException)
        {
            return new() { ["valore"] = json };
        }
    }
}
