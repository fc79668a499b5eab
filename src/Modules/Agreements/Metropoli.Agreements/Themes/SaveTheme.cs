using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Themes;

public sealed record ThemeRequest
{
    [Display(Name = "Codice")] public string? Code { get; init; }
    [Display(Name = "Nome")] public string? Name { get; init; }
    [Display(Name = "Ordine")] public int? SortOrder { get; init; }
}

public sealed record ThemeRow(string Code, string Name, int SortOrder, int Agreements, int Version);

/// <summary>The themes taxonomy: read by everyone, edited by administrators (add and rename; a code is
/// stable because agreements and the CSV files refer to it).</summary>
public static partial class SaveTheme
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodeShape();

    public static async Task<List<ThemeRow>> ListAsync(AppDbContext db, CancellationToken ct) =>
        await db.Set<AgreementTheme>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new ThemeRow(t.Code, t.Name, t.SortOrder, db.Set<AgreementThemeLink>().Count(l => l.ThemeCode == t.Code), t.Version))
            .ToListAsync(ct);

    public static async Task<Outcome> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ThemeRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator)) return new Outcome.Forbidden();
        var errors = Validate(r);
        var code = r.Code?.Trim() ?? "";
        if (!CodeShape().IsMatch(code) || code.Length > 64) errors["code"] = ["Il codice usa lettere minuscole, cifre e trattini (per esempio qualita-aria), al più 64 caratteri."];
        else if (await db.Set<AgreementTheme>().AnyAsync(t => t.Code == code, ct)) errors["code"] = ["Esiste già un tema con questo codice."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var order = r.SortOrder ?? (await db.Set<AgreementTheme>().MaxAsync(t => (int?)t.SortOrder, ct) ?? 0) + 1;
        var theme = new AgreementTheme { Code = code, Name = r.Name!.Trim(), SortOrder = order, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(theme);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests created the same code at once: the unique key let one in; the other is told why.
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(new Dictionary<string, string[]> { ["code"] = ["Esiste già un tema con questo codice."] });
        }
        return new Outcome.Done(theme.Version);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, string code, int? expectedVersion, ThemeRequest r, CancellationToken ct)
    {
        var theme = await db.Set<AgreementTheme>().SingleOrDefaultAsync(t => t.Code == code, ct);
        if (theme is null) return new Outcome.NotFound();
        if (!user.IsInRole(Roles.Administrator)) return new Outcome.Forbidden();
        var errors = Validate(r);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(theme, expectedVersion) is { } conflict) return conflict;
        theme.Name = r.Name!.Trim();
        theme.SortOrder = r.SortOrder ?? theme.SortOrder;
        theme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, theme, ct);
    }

    private static Dictionary<string, string[]> Validate(ThemeRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Indica il nome del tema."];
        else if (name.Length > 200) errors["name"] = ["Il nome non può superare 200 caratteri."];
        if (r.SortOrder is < 0 or > 10000) errors["sortOrder"] = ["L'ordine deve essere tra 0 e 10000."];
        return errors;
    }
}
