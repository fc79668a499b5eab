using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Agreements;

/// <summary>Moves an agreement to another status (those who edit it). The agreement's update and the
/// status-change row are saved together, so the audit trail and the agreement's history both show who
/// moved it, when, from what to what, and why.</summary>
public static class TransitionAgreement
{
    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion,
        AgreementTransitionRequest request, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().Visible(db, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        if (db.CheckVersion(agreement, expectedVersion) is { } conflict) return conflict;
        var parties = await db.Set<AgreementParty>().CountAsync(p => p.AgreementId == id, ct);
        var facts = new AgreementFacts(agreement.Status, agreement.ApprovalActBody, agreement.ApprovalActNumber, agreement.ApprovalActDate,
            agreement.SignatureDate, agreement.EffectiveDate, agreement.ExpiryDate, parties);
        switch (AgreementTransitions.Check(facts, request, CivilClock.Today(clock)))
        {
            case AgreementTransitions.Verdict.Refused refused:
                return new Outcome.Refused(refused.Reason);
            case AgreementTransitions.Verdict.Incomplete incomplete:
                return new Outcome.Invalid(incomplete.Errors);
        }
        Apply(agreement, request.Status!.Trim(), request, clock);
        db.Add(new AgreementStatusChange
        {
            AgreementId = id, FromStatus = facts.Status, ToStatus = agreement.Status, Reason = request.Reason!.Trim(),
            ChangedBy = CurrentUser.Of(user).Name, ChangedAt = clock.GetUtcNow().UtcDateTime,
        });
        return await VersionedSave.SaveAsync(db, agreement, ct);
    }

    private static void Apply(Agreement a, string target, AgreementTransitionRequest r, TimeProvider clock)
    {
        a.Status = target;
        switch (target)
        {
            case AgreementStatuses.Approved:
                a.ApprovalActBody = SaveAgreement.Blank(r.ActBody) ?? a.ApprovalActBody;
                a.ApprovalActNumber = SaveAgreement.Blank(r.ActNumber) ?? a.ApprovalActNumber;
                a.ApprovalActDate = r.ActDate ?? a.ApprovalActDate;
                break;
            case AgreementStatuses.Signed:
                a.SignatureDate = r.Date ?? a.SignatureDate;
                break;
            case AgreementStatuses.InForce:
                a.EffectiveDate = r.Date ?? a.EffectiveDate;
                a.ExpiryDate ??= SaveAgreement.DerivedExpiry(a.EffectiveDate, a.DurationMonths);
                break;
        }
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }
}
