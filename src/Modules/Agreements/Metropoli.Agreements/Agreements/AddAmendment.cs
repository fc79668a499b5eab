using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Agreements;

public sealed record AmendmentRequest
{
    [Display(Name = "Titolo")] public string? Title { get; init; }
    [Display(Name = "Descrizione")] public string? Description { get; init; }
    [Display(Name = "Data di sottoscrizione")] public DateOnly? SignedOn { get; init; }
    [Display(Name = "Nuova scadenza")] public DateOnly? NewExpiryDate { get; init; }
}

/// <summary>Records an addendum to a signed or in-force agreement, numbered in sequence (the versions of
/// the agreement); an addendum that moves the expiry date updates the agreement in the same save.</summary>
public static class AddAmendment
{
    public static async Task<(Outcome Outcome, long Id)> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long agreementId,
        int? expectedVersion, AmendmentRequest r, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return (new Outcome.Forbidden(), 0);
        if (agreement.Status is not (AgreementStatuses.Signed or AgreementStatuses.InForce))
            return (new Outcome.Refused("Un atto aggiuntivo modifica un'intesa sottoscritta o in vigore; prima della sottoscrizione si modifica direttamente il testo."), 0);
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["Indica il titolo dell'atto aggiuntivo."];
        else if (title.Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.Description is { Length: > 4000 }) errors["description"] = ["La descrizione non può superare 4000 caratteri."];
        if (r.SignedOn is not { } signed) errors["signedOn"] = ["Indica la data di sottoscrizione dell'atto aggiuntivo."];
        else if (signed > CivilClock.Today(clock)) errors["signedOn"] = ["La data di sottoscrizione non può essere futura."];
        if (r.NewExpiryDate is { } exp && agreement.EffectiveDate is { } eff && exp < eff) errors["newExpiryDate"] = ["La nuova scadenza non può precedere la decorrenza."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        if (db.CheckVersion(agreement, expectedVersion) is { } conflict) return (conflict, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.Set<AgreementAmendment>().Where(x => x.AgreementId == agreementId).MaxAsync(x => (int?)x.Number, ct) ?? 0) + 1;
        var amendment = new AgreementAmendment
        {
            AgreementId = agreementId, Number = number, Title = title!, Description = SaveAgreement.Blank(r.Description), SignedOn = r.SignedOn!.Value,
            NewExpiryDate = r.NewExpiryDate, CreatedBy = CurrentUser.Of(user).Name, CreatedAt = now,
        };
        db.Add(amendment);
        // Every addendum changes the agreement's version, so two concurrent addenda cannot take the same number.
        if (r.NewExpiryDate is { } newExpiry) agreement.ExpiryDate = newExpiry;
        agreement.UpdatedAt = now;
        db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
        var outcome = await VersionedSave.SaveAsync(db, agreement, ct);
        return (outcome, outcome is Outcome.Done ? amendment.Id : 0);
    }
}
