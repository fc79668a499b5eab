using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

/// <summary>The mayor's details. By default they correct the current mandate; with
/// <see cref="NewTerm"/> they start a new one and the current mandate ends the day before.</summary>
public sealed record MayorRequest
{
    [Display(Name = "Nome e cognome")]
    public string? Name { get; init; }
    [Display(Name = "Inizio del mandato")]
    public DateOnly? TermStart { get; init; }
    [Display(Name = "Fine del mandato")]
    public DateOnly? TermEnd { get; init; }
    [Display(Name = "Nuovo mandato")]
    public bool NewTerm { get; init; }
}

/// <summary>The mayor as the pages and the API show it: the Comune's latest mandate.</summary>
public sealed record MayorInfo(string Name, DateOnly TermStart, DateOnly? TermEnd, int Version);

/// <summary>Administrators and the Comune's own municipality officers keep its mayor up to date (the
/// same rule as the contacts). The expected version is the latest mandate's, 0 when there is none yet.</summary>
public static class UpdateMayor
{
    public static bool CanEdit(ClaimsPrincipal user, string istatCode) => UpdateContacts.CanEdit(user, istatCode);

    public static async Task<MayorInfo?> GetAsync(AppDbContext db, string istatCode, CancellationToken ct) =>
        await db.Set<Mayor>().AsNoTracking().Where(m => m.IstatCode == istatCode).OrderByDescending(m => m.TermStart)
            .Select(m => new MayorInfo(m.Name, m.TermStart, m.TermEnd, m.Version)).FirstOrDefaultAsync(ct);

    public static Dictionary<string, string[]> Validate(MayorRequest r, Mayor? latest, Mayor? previous)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            errors["name"] = ["Indica nome e cognome del sindaco."];
        }
        else if (r.Name.Trim().Length > 200)
        {
            errors["name"] = ["Il nome non può superare 200 caratteri."];
        }
        if (r.TermStart is not { } start)
        {
            errors["termStart"] = ["Indica la data di inizio del mandato."];
            return errors;
        }
        if (r.TermEnd is { } end && end < start)
        {
            errors["termEnd"] = ["La fine del mandato non può precedere l'inizio."];
        }
        if (latest is not null && r.NewTerm && start <= latest.TermStart)
        {
            errors["termStart"] = ["Il nuovo mandato deve iniziare dopo l'inizio del mandato attuale."];
        }
        if (latest is not null && !r.NewTerm && previous is not null && start <= (previous.TermEnd ?? previous.TermStart))
        {
            errors["termStart"] = ["Il mandato non può iniziare prima della fine del mandato precedente."];
        }
        return errors;
    }

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string istatCode, int? expectedVersion, MayorRequest request, CancellationToken ct)
    {
        if (!await db.Set<Municipality>().AnyAsync(m => m.IstatCode == istatCode, ct)) return new Outcome.NotFound();
        if (!CanEdit(user, istatCode)) return new Outcome.Forbidden();
        var mandates = await db.Set<Mayor>().Where(m => m.IstatCode == istatCode).OrderBy(m => m.TermStart).ToListAsync(ct);
        var latest = mandates.Count > 0 ? mandates[^1] : null;
        var previous = mandates.Count > 1 ? mandates[^2] : null;
        var errors = Validate(request, latest, previous);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var currentVersion = latest?.Version ?? 0;
        if (expectedVersion is not { } version || version != currentVersion) return new Outcome.Conflict(currentVersion);

        var now = clock.GetUtcNow().UtcDateTime;
        var start = request.TermStart!.Value;
        Mayor saved;
        if (latest is null || request.NewTerm)
        {
            if (latest is not null)
            {
                db.ExpectVersion(latest, version);
                if (latest.TermEnd is null || latest.TermEnd >= start)
                {
                    latest.TermEnd = start.AddDays(-1);
                }
                // Touched even when its end stays: the version check must cover the new mandate's creation.
                latest.UpdatedAt = now;
            }
            saved = new Mayor { IstatCode = istatCode, UpdatedAt = now };
            db.Add(saved);
        }
        else
        {
            db.ExpectVersion(latest, version);
            saved = latest;
        }
        saved.Name = request.Name!.Trim();
        saved.TermStart = start;
        saved.TermEnd = request.TermEnd;
        saved.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent edit changed the mandate (version) or created the same one (unique Comune + start).
            return new Outcome.Conflict((await GetAsync(db, istatCode, ct))?.Version ?? 0);
        }
        return new Outcome.Done(saved.Version);
    }
}
