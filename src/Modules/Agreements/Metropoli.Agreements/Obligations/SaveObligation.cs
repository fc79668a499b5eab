using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Obligations;

public sealed record ObligationRequest
{
    [Display(Name = "Parte obbligata")] public long? PartyId { get; init; }
    [Display(Name = "Tipo")] public string? Kind { get; init; }
    [Display(Name = "Titolo")] public string? Title { get; init; }
    [Display(Name = "Descrizione")] public string? Description { get; init; }
    [Display(Name = "Scadenza")] public DateOnly? DueDate { get; init; }
}

public sealed record ObligationStatusRequest
{
    [Display(Name = "Stato")] public string? Status { get; init; }
    [Display(Name = "Data di adempimento")] public DateOnly? CompletedOn { get; init; }
    [Display(Name = "Documentazione dell'adempimento")] public string? EvidenceNote { get; init; }
}

public sealed record ObligationDetail(long Id, long AgreementId, string AgreementTitle, long PartyId, string PartyName, string? PartyIstat, string Kind,
    string Title, string? Description, DateOnly DueDate, string Status, DateOnly? CompletedOn, string? EvidenceNote, bool Overdue, int Version);

/// <summary>Obligations and milestones of the parties: those who edit the agreement define them; their
/// status and evidence are updated also by the municipality officer of the Comune that owes them.</summary>
public static class SaveObligation
{
    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long agreementId, ObligationRequest r, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return (new Outcome.Forbidden(), 0);
        if (AgreementStatuses.Final.Contains(agreement.Status)) return (new Outcome.Refused(AgreementAccess.EndedReason), 0);
        var errors = await ValidateAsync(db, agreementId, r, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var o = new AgreementObligation { AgreementId = agreementId, Status = ObligationStatuses.Open };
        Apply(o, r, clock);
        db.Add(o);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(o.Version), o.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, ObligationRequest r, CancellationToken ct)
    {
        var (o, agreement, _) = await LoadAsync(db, user, id, ct);
        if (o is null || agreement is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        if (AgreementStatuses.Final.Contains(agreement.Status)) return new Outcome.Refused(AgreementAccess.EndedReason);
        var errors = await ValidateAsync(db, o.AgreementId, r, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(o, expectedVersion) is { } conflict) return conflict;
        Apply(o, r, clock);
        return await VersionedSave.SaveAsync(db, o, ct);
    }

    public static async Task<Outcome> UpdateStatusAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, ObligationStatusRequest r, CancellationToken ct)
    {
        var (o, agreement, debtorIstat) = await LoadAsync(db, user, id, ct);
        if (o is null || agreement is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanUpdateObligation(user, agreement.OwnerSector, debtorIstat)) return new Outcome.Forbidden();
        if (AgreementStatuses.Final.Contains(agreement.Status)) return new Outcome.Refused(AgreementAccess.EndedReason);
        var errors = new Dictionary<string, string[]>();
        var status = r.Status?.Trim();
        if (!ObligationStatuses.IsKnown(status)) errors["status"] = ["Stato sconosciuto. Valori ammessi: open, done, waived."];
        if (status == ObligationStatuses.Done && r.CompletedOn is null) errors["completedOn"] = ["Indica la data in cui l'obbligo è stato adempiuto."];
        if (r.CompletedOn is { } done && done > CivilClock.Today(clock)) errors["completedOn"] = ["La data di adempimento non può essere futura."];
        if (status == ObligationStatuses.Waived && string.IsNullOrWhiteSpace(r.EvidenceNote)) errors["evidenceNote"] = ["Spiega perché l'obbligo non è più dovuto."];
        if (r.EvidenceNote is { Length: > 2000 }) errors["evidenceNote"] = ["La nota non può superare 2000 caratteri."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(o, expectedVersion) is { } conflict) return conflict;
        o.Status = status!;
        o.CompletedOn = status == ObligationStatuses.Done ? r.CompletedOn : null;
        o.EvidenceNote = SaveAgreement.Blank(r.EvidenceNote);
        o.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, o, ct);
    }

    public static async Task<ObligationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var (o, agreement, istat) = await LoadAsync(db, user, id, ct, track: false);
        if (o is null || agreement is null) return null;
        var party = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.Id == o.PartyId)
            .Join(db.Reads<ITerritoryQueries>().Organisations, p => p.OrganisationId, x => x.Id, (p, x) => x.Name).SingleAsync(ct);
        return new ObligationDetail(o.Id, o.AgreementId, agreement.Title, o.PartyId, party, istat, o.Kind, o.Title, o.Description, o.DueDate, o.Status,
            o.CompletedOn, o.EvidenceNote, ObligationStatuses.IsOverdue(o.Status, o.DueDate, CivilClock.Today(clock)), o.Version);
    }

    /// <summary>The obligation, its agreement (when visible to the user) and the ISTAT code of the Comune that owes it, if a Comune does.</summary>
    internal static async Task<(AgreementObligation?, Agreement?, string?)> LoadAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct, bool track = true)
    {
        var set = track ? db.Set<AgreementObligation>() : db.Set<AgreementObligation>().AsNoTracking();
        var o = await set.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return (null, null, null);
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == o.AgreementId, ct);
        var istat = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.Id == o.PartyId)
            .Join(db.Reads<ITerritoryQueries>().Organisations, p => p.OrganisationId, x => x.Id, (p, x) => x.MunicipalityIstat).SingleOrDefaultAsync(ct);
        return (o, agreement, istat);
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, long agreementId, ObligationRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.PartyId is not { } partyId || !await db.Set<AgreementParty>().AnyAsync(p => p.Id == partyId && p.AgreementId == agreementId, ct))
            errors["partyId"] = ["Scegli una delle parti dell'intesa."];
        var kind = r.Kind?.Trim() ?? ObligationKinds.Obligation;
        if (!ObligationKinds.All.Contains(kind)) errors["kind"] = ["Tipo sconosciuto: obligation oppure milestone."];
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["Indica che cosa è dovuto."];
        else if (title.Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.Description is { Length: > 2000 }) errors["description"] = ["La descrizione non può superare 2000 caratteri."];
        if (r.DueDate is null) errors["dueDate"] = ["Indica la scadenza."];
        return errors;
    }

    private static void Apply(AgreementObligation o, ObligationRequest r, TimeProvider clock)
    {
        o.PartyId = r.PartyId!.Value;
        o.Kind = r.Kind?.Trim() ?? ObligationKinds.Obligation;
        o.Title = r.Title!.Trim();
        o.Description = SaveAgreement.Blank(r.Description);
        o.DueDate = r.DueDate!.Value;
        o.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }
}
