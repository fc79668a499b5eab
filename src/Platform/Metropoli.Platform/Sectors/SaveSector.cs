using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Sectors;

public sealed class SectorRequest
{
    [Display(Name = "Codice")] public string? Code { get; set; }
    [Display(Name = "Nome in italiano")] public string? NameIt { get; set; }
    [Display(Name = "Nome in inglese")] public string? NameEn { get; set; }
    [Display(Name = "Attivo")] public bool Active { get; set; } = true;
}

/// <summary>Adds a sector or changes its names and whether it is offered; the code never changes (records keep it).
/// The administrator only; the same handler for <c>/admin/settori</c> and the API.</summary>
public static partial class SaveSector
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodeShape();

    private static Dictionary<string, string[]> Check(SectorRequest r, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        var code = r.Code?.Trim() ?? "";
        if (creating && code.Length == 0) errors["code"] = ["Indica il codice del settore, per esempio mobilita."];
        else if (creating && (code.Length > 64 || !CodeShape().IsMatch(code)))
            errors["code"] = ["Il codice può contenere lettere minuscole senza accenti, cifre e trattini, per esempio sviluppo-economico (al massimo 64 caratteri)."];
        if (string.IsNullOrWhiteSpace(r.NameIt)) errors["nameIt"] = ["Indica il nome del settore in italiano."];
        else if (r.NameIt.Trim().Length > 200) errors["nameIt"] = ["Il nome non può superare 200 caratteri."];
        if (r.NameEn is { } en && en.Trim().Length > 200) errors["nameEn"] = ["Il nome non può superare 200 caratteri."];
        return errors;
    }

    public static async Task<Outcome> CreateAsync(AppDbContext db, ClaimsPrincipal user, SectorRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator)) return new Outcome.Forbidden();
        var errors = Check(r, creating: true);
        var code = r.Code?.Trim() ?? "";
        if (errors.Count == 0 && await db.Set<Sector>().AnyAsync(s => s.Code == code, ct)) errors["code"] = ["Esiste già un settore con questo codice."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var order = await db.Set<Sector>().MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        db.Add(new Sector { Code = code, NameIt = r.NameIt!.Trim(), NameEn = r.NameEn?.Trim() ?? "", Active = r.Active, SortOrder = order + 10, Version = 1 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators added the same code at once: the primary key kept one.
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(new() { ["code"] = ["Esiste già un settore con questo codice."] });
        }
        return new Outcome.Done(1);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, string code, int? expectedVersion, SectorRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator)) return new Outcome.Forbidden();
        var sector = await db.Set<Sector>().SingleOrDefaultAsync(s => s.Code == code, ct);
        if (sector is null) return new Outcome.NotFound();
        var errors = Check(r, creating: false);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(sector, expectedVersion) is { } conflict) return conflict;
        sector.NameIt = r.NameIt!.Trim();
        sector.NameEn = r.NameEn?.Trim() ?? "";
        sector.Active = r.Active;
        return await VersionedSave.SaveAsync(db, sector, ct);
    }
}
