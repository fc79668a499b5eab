using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Agreements.Obligations;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Documents;

public sealed record DocumentRequest(string? Kind, string? Title, long? ObligationId, long? MeetingId);

/// <summary>Uploads a document of an agreement: the signed text, an annex, the minutes of a meeting,
/// the evidence of an obligation. The files follow the evidence rules of the plan (PDF, PNG, JPG, CSV or
/// XLSX, at most 10 MB, content checked against the type, SHA-256 recorded, stored under the data folder
/// with a generated name). Those who edit the agreement upload anything; the municipality officer of the
/// Comune that owes an obligation uploads its evidence.</summary>
public static class UploadDocument
{
    /// <summary>The file-store area of agreements' documents (<c>data/agreements</c>).</summary>
    public const string Area = "agreements";

    public static async Task<(Outcome Outcome, long Id)> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long agreementId, DocumentRequest r, EvidenceUpload? file, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return (new Outcome.NotFound(), 0);
        var canEdit = AgreementAccess.CanEdit(user, agreement.OwnerSector);
        string? debtorIstat = null;
        if (r.ObligationId is { } oid)
        {
            var (o, _, istat) = await SaveObligation.LoadAsync(db, user, oid, ct, track: false);
            if (o is null || o.AgreementId != agreementId)
                return (new Outcome.Invalid(new() { ["obligationId"] = ["L'obbligo indicato non appartiene a questa intesa."] }), 0);
            debtorIstat = istat;
        }
        var allowed = canEdit || (r.ObligationId is not null && AgreementAccess.CanUpdateObligation(user, agreement.OwnerSector, debtorIstat));
        if (!allowed) return (new Outcome.Forbidden(), 0);
        if (AgreementStatuses.Final.Contains(agreement.Status) && !canEdit) return (new Outcome.Refused(AgreementAccess.EndedReason), 0);

        var errors = new Dictionary<string, string[]>();
        var kind = SaveAgreement.Blank(r.Kind) ?? (r.ObligationId is not null ? DocumentKinds.Evidence : DocumentKinds.Annex);
        if (!DocumentKinds.IsKnown(kind)) errors["kind"] = ["Tipo di documento sconosciuto. Valori ammessi: " + string.Join(", ", DocumentKinds.All) + "."];
        else if (!canEdit && kind != DocumentKinds.Evidence) errors["kind"] = [OfficerKindOnly];
        if (!canEdit && r.MeetingId is not null) errors["meetingId"] = [OfficerKindOnly];
        if (r.Title is { Length: > 300 }) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.MeetingId is { } mid && !await db.Set<AgreementMeeting>().AnyAsync(m => m.Id == mid
                && db.Set<AgreementBody>().Any(b => b.Id == m.BodyId && b.AgreementId == agreementId), ct))
            errors["meetingId"] = ["La riunione indicata non appartiene a questa intesa."];
        if (file is null) errors["file"] = ["Scegli il file da caricare."];
        else if (Evidence.CheckShape(file) is { } shape) errors["file"] = [shape];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);

        var (stored, error) = await Evidence.SaveAsync(files, Area, file!, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var document = new AgreementDocument
        {
            AgreementId = agreementId, ObligationId = r.ObligationId, MeetingId = r.MeetingId, Kind = kind,
            Title = SaveAgreement.Blank(r.Title) ?? stored.Name, FileName = stored.Name, StoredName = stored.StoredName,
            ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            UploadedBy = CurrentUser.Of(user).Name, UploadedAt = clock.GetUtcNow().UtcDateTime,
            // An officer's upload is their Comune's evidence, seen by others only once the owner office accepts it.
            UploadedByIstat = canEdit ? null : debtorIstat,
            AcceptedAt = canEdit ? clock.GetUtcNow().UtcDateTime : null, AcceptedBy = canEdit ? CurrentUser.Of(user).Name : null,
        };
        db.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await files.DeleteAsync(Area, stored.StoredName, CancellationToken.None);
            throw;
        }
        return (new Outcome.Done(1), document.Id);
    }

    public const string OfficerKindOnly = "Come referente comunale carichi solo l'evidenza di un obbligo del tuo Comune: " +
        "il testo firmato, gli allegati e i verbali li carica l'ufficio titolare dell'intesa.";
    public const string AlreadyAccepted = "Il documento è già stato accettato.";

    /// <summary>The document when the user may see it: its agreement is visible to them and the document is accepted,
    /// or they edit the agreement, or they are an officer of the Comune that uploaded it; null otherwise (the same 404
    /// as a missing one).</summary>
    public static async Task<AgreementDocument?> FindAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var d = await db.Set<AgreementDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == d.AgreementId, ct);
        return agreement is not null && MaySee(user, agreement.OwnerSector, d.AcceptedAt, d.UploadedByIstat) ? d : null;
    }

    /// <summary>An accepted document is seen by whoever sees the agreement; one waiting for acceptance by those who
    /// edit the agreement and by the officers of the Comune that uploaded it.</summary>
    public static bool MaySee(ClaimsPrincipal user, string? ownerSector, DateTime? acceptedAt, string? uploadedByIstat) =>
        acceptedAt is not null || AgreementAccess.CanEdit(user, ownerSector)
        || (uploadedByIstat is not null && uploadedByIstat == AgreementAccess.Municipality(user));

    /// <summary>The owner office accepts an officer's upload as evidence: from then on it is seen with the agreement.</summary>
    public static async Task<Outcome> AcceptAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var d = await db.Set<AgreementDocument>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return new Outcome.NotFound();
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == d.AgreementId, ct);
        if (agreement is null || !MaySee(user, agreement.OwnerSector, d.AcceptedAt, d.UploadedByIstat)) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        if (d.AcceptedAt is not null) return new Outcome.Refused(AlreadyAccepted);
        d.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        d.AcceptedBy = CurrentUser.Of(user).Name;
        await db.SaveChangesAsync(ct);
        return new Outcome.Done(1);
    }
}
