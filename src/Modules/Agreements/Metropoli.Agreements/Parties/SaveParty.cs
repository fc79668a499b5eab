using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Parties;

public sealed record PartyRequest
{
    [Display(Name = "Organizzazione")] public long? OrganisationId { get; init; }
    [Display(Name = "Ruolo")] public string? Role { get; init; }
    [Display(Name = "Nota")] public string? Note { get; init; }
}

/// <summary>Adds and removes the parties of an agreement, drawn from the organisations registry. Before
/// the signature any role may be added or removed; once signed, new organisations join only as adherents,
/// and no party can be removed (the signed text binds them).</summary>
public static class SaveParty
{
    public static async Task<(Outcome Outcome, long Id)> AddAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long agreementId, PartyRequest r, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return (new Outcome.Forbidden(), 0);
        if (AgreementStatuses.Final.Contains(agreement.Status)) return (new Outcome.Refused(AgreementAccess.EndedReason), 0);
        var errors = new Dictionary<string, string[]>();
        var role = r.Role?.Trim();
        if (!PartyRoles.IsKnown(role)) errors["role"] = ["Ruolo sconosciuto. Valori ammessi: " + string.Join(", ", PartyRoles.All) + "."];
        else if (!AgreementStatuses.Drafts.Contains(agreement.Status) && role != PartyRoles.Adherent)
            errors["role"] = ["Dopo la sottoscrizione nuove organizzazioni possono solo aderire: usa il ruolo «aderente»."];
        if (r.Note is { Length: > 500 }) errors["note"] = ["La nota non può superare 500 caratteri."];
        if (r.OrganisationId is not { } orgId || !await db.Reads<ITerritoryQueries>().Organisations.AnyAsync(o => o.Id == orgId, ct))
            errors["organisationId"] = ["Scegli un'organizzazione del registro."];
        else if (await db.Set<AgreementParty>().AnyAsync(p => p.AgreementId == agreementId && p.OrganisationId == orgId, ct))
            errors["organisationId"] = ["L'organizzazione è già parte dell'intesa."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var party = new AgreementParty
        {
            AgreementId = agreementId, OrganisationId = r.OrganisationId!.Value, Role = role!, Note = SaveAgreement.Blank(r.Note),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(party);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (new Outcome.Invalid(new() { ["organisationId"] = ["L'organizzazione è già parte dell'intesa."] }), 0);
        }
        return (new Outcome.Done(party.Version), party.Id);
    }

    /// <param name="expectedVersion">The party's version (the API's If-Match).</param>
    /// <param name="expectedAgreementVersion">The agreement's version the page showed: when given, the removal is
    /// refused if the agreement changed meanwhile, and counts as a change of the agreement (checked in the same save).</param>
    public static async Task<Outcome> RemoveAsync(AppDbContext db, ClaimsPrincipal user, long agreementId, long partyId, int? expectedVersion, CancellationToken ct,
        int? expectedAgreementVersion = null)
    {
        var agreement = await db.Set<Agreement>().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        var party = agreement is null ? null : await db.Set<AgreementParty>().SingleOrDefaultAsync(p => p.Id == partyId && p.AgreementId == agreementId, ct);
        if (agreement is null || party is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        if (!AgreementStatuses.Drafts.Contains(agreement.Status))
            return new Outcome.Refused("Dopo la sottoscrizione le parti non si tolgono: il testo firmato le vincola. Registra un atto aggiuntivo.");
        if (await db.Set<AgreementObligation>().AnyAsync(o => o.PartyId == partyId, ct))
            return new Outcome.Refused("La parte ha obblighi registrati: toglili prima di togliere la parte.");
        if (expectedAgreementVersion is { } shown)
        {
            if (db.CheckVersion(agreement, shown) is { } stale) return stale;
            db.Entry(agreement).Property(a => a.Version).IsModified = true;
            db.Remove(party);
            return await VersionedSave.SaveAsync(db, agreement, ct);
        }
        if (db.CheckVersion(party, expectedVersion) is { } conflict) return conflict;
        db.Remove(party);
        return await VersionedSave.SaveAsync(db, party, ct);
    }

    /// <summary>Organisations to choose from, by name.</summary>
    public static async Task<List<CodeName>> ChoicesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => new CodeName(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name)).ToList();
}
