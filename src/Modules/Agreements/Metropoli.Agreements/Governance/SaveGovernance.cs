using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Governance;

public sealed record BodyRequest
{
    [Display(Name = "Nome dell'organo")] public string? Name { get; init; }
    [Display(Name = "Componenti")] public string? Members { get; init; }
}

public sealed record MeetingRequest
{
    [Display(Name = "Data")] public DateOnly? Date { get; init; }
    [Display(Name = "Luogo")] public string? Place { get; init; }
    [Display(Name = "Ordine del giorno")] public string? Agenda { get; init; }
    [Display(Name = "Verbale")] public string? Minutes { get; init; }
}

/// <summary>The steering bodies of an agreement (cabina di regia, comitato tecnico) and their meetings
/// with agenda and minutes; managed by those who edit the agreement, visible with it.</summary>
public static class SaveGovernance
{
    public static async Task<(Outcome Outcome, long Id)> AddBodyAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long agreementId, BodyRequest r, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Indica il nome dell'organo (per esempio Cabina di regia)."];
        else if (name.Length > 200) errors["name"] = ["Il nome non può superare 200 caratteri."];
        if (r.Members is { Length: > 2000 }) errors["members"] = ["I componenti non possono superare 2000 caratteri."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var body = new AgreementBody { AgreementId = agreementId, Name = name!, Members = SaveAgreement.Blank(r.Members), UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(body);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(body.Version), body.Id);
    }

    public static async Task<(Outcome Outcome, long Id)> AddMeetingAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long bodyId, MeetingRequest r, CancellationToken ct)
    {
        var (body, agreement) = await BodyAsync(db, user, bodyId, ct);
        if (body is null || agreement is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return (new Outcome.Forbidden(), 0);
        var errors = Validate(r);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var meeting = new AgreementMeeting { BodyId = bodyId };
        Apply(meeting, r, clock);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(meeting.Version), meeting.Id);
    }

    public static async Task<Outcome> UpdateMeetingAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long meetingId, int? expectedVersion, MeetingRequest r, CancellationToken ct)
    {
        var meeting = await db.Set<AgreementMeeting>().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        var (body, agreement) = meeting is null ? (null, null) : await BodyAsync(db, user, meeting.BodyId, ct);
        if (meeting is null || body is null || agreement is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        var errors = Validate(r);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(meeting, expectedVersion) is { } conflict) return conflict;
        Apply(meeting, r, clock);
        return await VersionedSave.SaveAsync(db, meeting, ct);
    }

    private static async Task<(AgreementBody?, Agreement?)> BodyAsync(AppDbContext db, ClaimsPrincipal user, long bodyId, CancellationToken ct)
    {
        var body = await db.Set<AgreementBody>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        var agreement = body is null ? null : await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == body.AgreementId, ct);
        return (body, agreement);
    }

    private static Dictionary<string, string[]> Validate(MeetingRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Date is null) errors["date"] = ["Indica la data della riunione."];
        if (r.Place is { Length: > 200 }) errors["place"] = ["Il luogo non può superare 200 caratteri."];
        if (r.Agenda is { Length: > 4000 }) errors["agenda"] = ["L'ordine del giorno non può superare 4000 caratteri."];
        if (r.Minutes is { Length: > 8000 }) errors["minutes"] = ["Il verbale non può superare 8000 caratteri."];
        return errors;
    }

    private static void Apply(AgreementMeeting m, MeetingRequest r, TimeProvider clock)
    {
        m.Date = r.Date!.Value;
        m.Place = SaveAgreement.Blank(r.Place);
        m.Agenda = SaveAgreement.Blank(r.Agenda);
        m.Minutes = SaveAgreement.Blank(r.Minutes);
        m.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }
}
