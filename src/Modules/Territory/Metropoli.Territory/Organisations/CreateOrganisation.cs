using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

/// <summary>Administrators add organisations to the registry.</summary>
public static class CreateOrganisation
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>The outcome, and the new id when it is <see cref="Outcome.Done"/>.</summary>
    public static async Task<(Outcome Outcome, long Id)> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        OrganisationRequest request, CancellationToken ct)
    {
        if (!CanEdit(user)) return (new Outcome.Forbidden(), 0);
        var (errors, values) = OrganisationRules.Check(request);
        await OrganisationRules.CheckStoredAsync(db, values, null, errors, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);

        var o = new Organisation();
        OrganisationRules.Apply(values, o, clock.GetUtcNow().UtcDateTime);
        db.Add(o);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same fiscal code or Comune between our check and our insert: the unique
            // indexes refused it; report it on the field, as the check would have.
            db.ChangeTracker.Clear();
            var again = new Dictionary<string, string[]>();
            await OrganisationRules.CheckStoredAsync(db, values, null, again, ct);
            if (again.Count == 0) throw;
            return (new Outcome.Invalid(again), 0);
        }
        return (new Outcome.Done(o.Version), o.Id);
    }
}
