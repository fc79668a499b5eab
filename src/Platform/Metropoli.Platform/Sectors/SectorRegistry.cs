using System.Globalization;
using System.Text;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Sectors;

/// <summary>The sectors registry: the reference list, the code rules, the lookup of names for pages, and the
/// migration of free-text values written before the registry existed (issue 18.3, ADR 0033).</summary>
public static class SectorRegistry
{
    /// <summary>The sectors of the Città metropolitana di Milano that the plan and the agreements refer to.</summary>
    public static readonly IReadOnlyList<(string Code, string It, string En)> Reference =
    [
        ("ambiente", "Ambiente e tutela del territorio", "Environment and land protection"),
        ("mobilita", "Mobilità e trasporti", "Mobility and transport"),
        ("pianificazione-territoriale", "Pianificazione territoriale", "Spatial planning"),
        ("programmazione", "Programmazione e pianificazione strategica", "Strategic planning"),
        ("sviluppo-economico", "Sviluppo economico", "Economic development"),
        ("formazione-lavoro", "Formazione e lavoro", "Training and employment"),
        ("lavoro", "Politiche del lavoro", "Employment policies"),
        ("edilizia-scolastica", "Edilizia scolastica", "School buildings"),
        ("innovazione-digitale", "Innovazione digitale", "Digital innovation"),
        ("politiche-europee", "Politiche europee e fondi", "European policies and funds"),
        ("politiche-sociali", "Politiche sociali", "Social policies"),
        ("strade", "Strade e infrastrutture", "Roads and infrastructure"),
    ];

    public const string UnknownCode = "Scegli il settore dall'elenco dei settori attivi.";

    /// <summary>Adds the reference sectors that are missing (never renames one an administrator changed).</summary>
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Set<Sector>().Select(s => s.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, it, en) in Reference)
        {
            order += 10;
            if (existing.Contains(code)) continue;
            db.Add(new Sector { Code = code, NameIt = it, NameEn = en, SortOrder = order, Version = 1 });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether <paramref name="code"/> names an active sector.</summary>
    public static Task<bool> IsActiveAsync(AppDbContext db, string? code, CancellationToken ct) =>
        code is null ? Task.FromResult(false) : db.Set<Sector>().AnyAsync(s => s.Code == code && s.Active, ct);

    /// <summary>Adds an error on <paramref name="field"/> when <paramref name="code"/> is not an active sector; a record
    /// may keep the sector it already has (<paramref name="current"/>) after that sector is made inactive.</summary>
    public static async Task CheckAsync(AppDbContext db, string? code, string? current, IDictionary<string, string[]> errors, string field, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code) || errors.ContainsKey(field) || code == current) return;
        if (!await IsActiveAsync(db, code, ct)) errors[field] = [UnknownCode];
    }

    /// <summary>Every sector, active first, in the registry's order.</summary>
    public static Task<List<Sector>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<Sector>().AsNoTracking().OrderByDescending(s => s.Active).ThenBy(s => s.SortOrder).ThenBy(s => s.NameIt).ToListAsync(ct);

    /// <summary>The code a free-text sector becomes: lower case, accents and punctuation dropped, words joined by
    /// hyphens ("Mobilità" → "mobilita", "Settore Ambiente" → "settore-ambiente").</summary>
    public static string CodeOf(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        var hyphen = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (hyphen && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(ch));
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }
        var code = sb.ToString();
        return code.Length > 64 ? code[..64].TrimEnd('-') : code;
    }

    /// <summary>Registers the values found in records written before the registry (free text such as "Mobilità"):
    /// each becomes a code, and a sector with that code is created when missing (named by the text as it was
    /// written, flagged for the administrator to complete). Returns old value → code for the caller to update its rows.</summary>
    public static async Task<Dictionary<string, string>> AdoptAsync(AppDbContext db, IEnumerable<string> values, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = await db.Set<Sector>().Select(s => s.Code).ToListAsync(ct);
        var order = await db.Set<Sector>().MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            var code = known.Contains(value) ? value : CodeOf(value);
            if (code.Length == 0) continue;
            if (!known.Contains(code))
            {
                var name = value.Trim();
                if (name == code) name = char.ToUpperInvariant(name[0]) + name[1..].Replace('-', ' ');
                db.Add(new Sector { Code = code, NameIt = name, NameEn = "", SortOrder = order += 10, Version = 1 });
                known.Add(code);
            }
            if (code != value) map[value] = code;
        }
        await db.SaveChangesAsync(ct);
        return map;
    }
}
