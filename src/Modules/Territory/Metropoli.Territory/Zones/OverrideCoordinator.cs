using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Zones;

/// <summary>Who replaces the coordinator, from when, and why.</summary>
public sealed record OverrideRequest
{
    public string? IstatCode { get; init; }
    /// <summary>First day of the replacement; today when not given.</summary>
    public DateOnly? From { get; init; }
    public string? Reason { get; init; }
}

/// <summary>An administrator names another coordinator for the rest of the term in course (the mayor
/// due in turn resigned, the assembly chose otherwise…). The reason is required and public; the
/// order of the rotation is not changed, so the next term goes to whoever was next anyway.</summary>
public static class OverrideCoordinator
{
    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string zoneCode, OverrideRequest request, CancellationToken ct)
    {
        if (!await db.Set<Zone>().AnyAsync(z => z.Code == zoneCode, ct)) return new Outcome.NotFound();
        if (!user.IsAdministrator()) return new Outcome.Forbidden();
        var today = CivilClock.Today(clock);
        var from = request.From ?? today;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Indica il motivo della sostituzione."];
        }
        else if (request.Reason.Trim().Length > 1000)
        {
            errors["reason"] = ["Il motivo non può superare 1000 caratteri."];
        }
        var rotation = await db.Set<ZoneRotation>().AsNoTracking().Include(r => r.Slots).SingleOrDefaultAsync(r => r.ZoneCode == zoneCode, ct);
        (DateOnly From, DateOnly To)? term = null;
        if (rotation is null)
        {
            errors[""] = ["Configura prima la rotazione della zona: la sostituzione vale per il mandato in corso."];
        }
        else
        {
            var plan = new RotationPlan(rotation.StartDate, rotation.TermMonths, []);
            var k = CoordinatorRotation.PeriodIndex(plan, today);
            if (k < 0)
            {
                errors["from"] = ["La rotazione non è ancora iniziata: non c'è un coordinatore da sostituire."];
            }
            else
            {
                term = CoordinatorRotation.Period(plan, k);
                if (from < term.Value.From || from > term.Value.To)
                {
                    errors["from"] = ["La sostituzione deve iniziare durante il mandato in corso."];
                }
            }
        }
        string? mayor = null;
        if (string.IsNullOrWhiteSpace(request.IstatCode))
        {
            errors["istatCode"] = ["Scegli il Comune del nuovo coordinatore."];
        }
        else if (!errors.ContainsKey("from"))
        {
            var member = await ListZones.MembershipsOn(db, from).AnyAsync(m => m.ZoneCode == zoneCode && m.IstatCode == request.IstatCode, ct);
            mayor = await db.Set<Mayor>().AsNoTracking().Where(m => m.IstatCode == request.IstatCode && m.TermStart <= from && (m.TermEnd == null || m.TermEnd >= from))
                .OrderByDescending(m => m.TermStart).Select(m => m.Name).FirstOrDefaultAsync(ct);
            if (!member)
            {
                errors["istatCode"] = ["Il Comune non fa parte della zona in quella data."];
            }
            else if (mayor is null)
            {
                errors["istatCode"] = ["Il Comune non ha un sindaco in carica in quella data: registralo prima nella pagina del Comune."];
            }
        }
        if (errors.Count > 0) return new Outcome.Invalid(errors);

        db.Add(new CoordinatorTerm
        {
            ZoneCode = zoneCode,
            IstatCode = request.IstatCode!,
            MayorName = mayor!,
            TermStart = from,
            TermEnd = term!.Value.To,
            IsOverride = true,
            Reason = request.Reason!.Trim(),
            SetBy = CurrentUser.Of(user).Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(rotation!.Version);
    }
}
