using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

/// <summary>Administrators correct an organisation. The edit names the version it started from; a
/// stale version is a conflict, never an overwrite.</summary>
public static class UpdateOrganisation
{
    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        long id, int? expectedVersion, OrganisationRequest request, CancellationToken ct)
    {
        var o = await db.Set<Organisation>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return new Outcome.NotFound();
        if (!CreateOrganisation.CanEdit(user)) return new Outcome.Forbidden();
        var (errors, values) = OrganisationRules.Check(request);
        await OrganisationRules.CheckStoredAsync(db, values, id, errors, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(o, expectedVersion) is { } conflict) return conflict;

        OrganisationRules.Apply(values, o, clock.GetUtcNow().UtcDateTime);
        try
        {
            return await VersionedSave.SaveAsync(db, o, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var again = new Dictionary<string, string[]>();
            await OrganisationRules.CheckStoredAsync(db, values, id, again, ct);
            if (again.Count == 0) throw;
            return new Outcome.Invalid(again);
        }
    }
}
