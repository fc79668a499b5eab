using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Associations;

public sealed record AssociationMemberRequest
{
    public string? IstatCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record AssociationRequest
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public IReadOnlyList<string>? Functions { get; init; }
    public string? Act { get; init; }
    public IReadOnlyList<AssociationMemberRequest>? Members { get; init; }
}

/// <summary>Administrators register and edit associations of Comuni. An edit replaces the member list
/// as a whole and names the version it started from; a stale version is a conflict.</summary>
public static class SaveAssociation
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, AssociationRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            errors["name"] = ["Indica il nome dell'associazione."];
        }
        else if (r.Name.Trim().Length > 200)
        {
            errors["name"] = ["Il nome non può superare 200 caratteri."];
        }
        if (!AssociationKinds.IsKnown(r.Kind))
        {
            errors["kind"] = ["Scegli il tipo: unione, convenzione o consorzio."];
        }
        if (r.ValidFrom is { } from && r.ValidTo is { } to && to < from)
        {
            errors["validTo"] = ["La data di fine non può precedere quella di inizio."];
        }
        var functions = CleanFunctions(r.Functions);
        if (functions.Any(f => f.Length > 200) || string.Join('\n', functions).Length > 2000)
        {
            errors["functions"] = ["Ogni funzione può avere al massimo 200 caratteri, e tutte insieme 2000."];
        }
        if (r.Act is { Length: > 500 })
        {
            errors["act"] = ["L'atto non può superare 500 caratteri."];
        }
        var members = (r.Members ?? []).Where(m => !string.IsNullOrWhiteSpace(m.IstatCode)).ToList();
        if (members.Count == 0)
        {
            errors["members"] = ["Indica almeno un Comune aderente."];
        }
        else if (members.Select(m => m.IstatCode).Distinct().Count() != members.Count)
        {
            errors["members"] = ["Ogni Comune può comparire una sola volta tra gli aderenti."];
        }
        else if (members.Any(m => m.ValidFrom is { } f && m.ValidTo is { } t && t < f))
        {
            errors["members"] = ["Per ogni Comune, la data di uscita non può precedere quella di adesione."];
        }
        else
        {
            var codes = members.Select(m => m.IstatCode!).ToList();
            var known = await db.Set<Municipality>().Where(m => codes.Contains(m.IstatCode)).CountAsync(ct);
            if (known != codes.Count)
            {
                errors["members"] = ["Uno o più Comuni indicati non esistono."];
            }
        }
        return errors;
    }

    public static async Task<(Outcome Outcome, long? Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        AssociationRequest request, CancellationToken ct)
    {
        if (!user.IsAdministrator()) return (new Outcome.Forbidden(), null);
        var errors = await ValidateAsync(db, request, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), null);
        var association = new Association();
        Apply(association, request, clock.GetUtcNow().UtcDateTime);
        db.Add(association);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(association.Version), association.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        long id, int? expectedVersion, AssociationRequest request, CancellationToken ct)
    {
        var association = await db.Set<Association>().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (association is null) return new Outcome.NotFound();
        if (!user.IsAdministrator()) return new Outcome.Forbidden();
        var errors = await ValidateAsync(db, request, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(association, expectedVersion) is { } conflict) return conflict;
        association.Members.Clear();
        Apply(association, request, clock.GetUtcNow().UtcDateTime);
        return await VersionedSave.SaveAsync(db, association, ct);
    }

    private static void Apply(Association a, AssociationRequest r, DateTime now)
    {
        a.Name = r.Name!.Trim();
        a.Kind = r.Kind!;
        a.ValidFrom = r.ValidFrom;
        a.ValidTo = r.ValidTo;
        a.Functions = string.Join('\n', CleanFunctions(r.Functions));
        a.Act = string.IsNullOrWhiteSpace(r.Act) ? null : r.Act.Trim();
        a.UpdatedAt = now;
        foreach (var m in (r.Members ?? []).Where(m => !string.IsNullOrWhiteSpace(m.IstatCode)))
        {
            a.Members.Add(new AssociationMember { IstatCode = m.IstatCode!.Trim(), ValidFrom = m.ValidFrom, ValidTo = m.ValidTo });
        }
    }

    /// <summary>One function per item; blank lines dropped, so a textarea's lines map straight to the list.</summary>
    public static List<string> CleanFunctions(IEnumerable<string>? functions) =>
        (functions ?? []).SelectMany(f => f.Split('\n')).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
}
