using System.Security.Claims;
using Metropoli.Participation.Bodies;
using Metropoli.Participation.Calendar;
using Metropoli.Participation.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Meetings;

public sealed record MeetingRequest
{
    public string? Title { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public string? Place { get; init; }
    public string? Link { get; init; }
    public string? Agenda { get; init; }
}

public sealed record MinutesRequest
{
    public string? Minutes { get; init; }
    /// <summary>True: the minutes are approved and published.</summary>
    public bool Approve { get; init; }
    /// <summary>The member organisations that attended.</summary>
    public IReadOnlyList<long>? Attendance { get; init; }
}

public sealed record MeetingDetail(long Id, long BodyId, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? Link,
    string Agenda, string? Minutes, bool MinutesPublished, IReadOnlyList<MemberView> Attendance, bool IsCancelled, bool IsDemo, bool CanManage, int Version,
    IReadOnlyList<MeetingDocumentView> Documents);

/// <summary>Meetings: convened by the secretariat or, for a zone assembly, by the zone's current coordinator; minutes public
/// once approved; iCalendar export; members notified.</summary>
public static class MeetingHandlers
{
    public static async Task<List<MeetingRow>> RowsAsync(AppDbContext db, IQueryable<Meeting> meetings, CancellationToken ct) =>
        (await meetings.AsNoTracking().OrderByDescending(m => m.StartsAt).Take(200).ToListAsync(ct))
        .Select(m => new MeetingRow(m.Id, m.BodyId, m.Title, Utc(m.StartsAt), Utc(m.EndsAt), m.Place, m.Link, m.IsCancelled, m.MinutesApprovedAt is not null, m.IsDemo))
        .ToList();

    public static async Task<MeetingDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == m.BodyId, ct);
        var canManage = await ParticipationAccess.MayConveneAsync(db, user, clock, body, ct);
        var published = m.MinutesApprovedAt is not null;
        var attendance = (await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.MeetingId == id)
                .Join(db.Reads<ITerritoryQueries>().Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { o.Id, o.Name, o.Type }).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => new MemberView(o.Id, o.Name, o.Type, "", default)).ToList();
        return new MeetingDetail(m.Id, m.BodyId, body.Name, m.Title, Utc(m.StartsAt), Utc(m.EndsAt), m.Place, m.Link, m.Agenda,
            published || canManage ? m.Minutes : null, published, attendance, m.IsCancelled, m.IsDemo, canManage, m.Version,
            await MeetingDocuments.ListAsync(db, m.Id, published, canManage, ct));
    }

    public static async Task<(Outcome Outcome, long Id)> ConveneAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long bodyId, MeetingRequest r, CancellationToken ct)
    {
        var body = await db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null) return (new Outcome.NotFound(), 0);
        if (!await ParticipationAccess.MayConveneAsync(db, user, clock, body, ct)) return (new Outcome.Forbidden(), 0);
        var errors = Validate(r, clock);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var starts = r.StartsAt!.Value.UtcDateTime;
        var meeting = new Meeting
        {
            BodyId = bodyId, Title = r.Title!.Trim(), StartsAt = starts, EndsAt = r.EndsAt?.UtcDateTime ?? starts.AddHours(2),
            Place = BodyHandlers.Blank(r.Place), Link = BodyHandlers.Blank(r.Link), Agenda = r.Agenda!.Trim(),
            ConvenedBy = ParticipationAccess.Actor(user),
            ConvenedByIstat = ParticipationAccess.IsSecretariat(user) ? null : user.MunicipalityScope(),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        await NotifyMembersAsync(db, body, meeting, ct);
        return (new Outcome.Done(meeting.Version), meeting.Id);
    }

    private static Dictionary<string, string[]> Validate(MeetingRequest r, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 300) errors["title"] = ["Indica il titolo (al massimo 300 caratteri)."];
        if (r.StartsAt is not { } starts) errors["startsAt"] = ["Indica data e ora di inizio."];
        else if (starts < clock.GetUtcNow()) errors["startsAt"] = ["Una riunione si convoca per una data futura."];
        if (r.EndsAt is { } ends && r.StartsAt is { } s && ends <= s) errors["endsAt"] = ["La fine deve seguire l'inizio."];
        if (string.IsNullOrWhiteSpace(r.Place) && string.IsNullOrWhiteSpace(r.Link)) errors["place"] = ["Indica il luogo o il collegamento."];
        if (r.Place is { Length: > 300 }) errors["place"] = ["Il luogo non può superare 300 caratteri."];
        if (r.Link is { Length: > 0 } link && (link.Length > 500 || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            errors["link"] = ["Il collegamento deve essere un indirizzo http o https."];
        if (string.IsNullOrWhiteSpace(r.Agenda) || r.Agenda.Length > 8000) errors["agenda"] = ["Indica l'ordine del giorno (al massimo 8000 caratteri)."];
        return errors;
    }

    /// <summary>Writes the minutes and the attendance; with <see cref="MinutesRequest.Approve"/> they are published.</summary>
    public static async Task<Outcome> MinutesAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, MinutesRequest r, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return new Outcome.NotFound();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        if (!await ParticipationAccess.MayConveneAsync(db, user, clock, body, ct)) return new Outcome.Forbidden();
        if (meeting.MinutesApprovedAt is not null) return new Outcome.Refused("Il verbale è già approvato e pubblicato.");
        if (string.IsNullOrWhiteSpace(r.Minutes) || r.Minutes.Length > 40000) return new Outcome.Invalid(new() { ["minutes"] = ["Scrivi il verbale (al massimo 40000 caratteri)."] });
        var attendance = (r.Attendance ?? []).Distinct().ToList();
        var members = await db.Set<BodyMember>().Where(m => m.BodyId == body.Id && attendance.Contains(m.OrganisationId)).Select(m => m.OrganisationId).ToListAsync(ct);
        if (members.Count != attendance.Count) return new Outcome.Invalid(new() { ["attendance"] = ["Le presenze sono organizzazioni membri dell'organismo."] });
        meeting.Minutes = r.Minutes.Trim();
        if (r.Approve) meeting.MinutesApprovedAt = clock.GetUtcNow().UtcDateTime;
        meeting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (db.CheckVersion(meeting, version) is { } conflict)
        {
            db.ChangeTracker.Clear();
            return conflict;
        }
        await db.Set<MeetingAttendance>().Where(a => a.MeetingId == id).ExecuteDeleteAsync(ct);
        db.AddRange(attendance.Select(o => new MeetingAttendance { MeetingId = id, OrganisationId = o }));
        return await VersionedSave.SaveAsync(db, meeting, ct);
    }

    /// <summary>The calendar of one meeting or of every meeting of a body.</summary>
    public static async Task<string?> IcsAsync(AppDbContext db, TimeProvider clock, long? meetingId, long? bodyId, string host, CancellationToken ct)
    {
        var q = db.Set<Meeting>().AsNoTracking();
        string name;
        if (meetingId is { } mid)
        {
            q = q.Where(m => m.Id == mid);
            if (!await q.AnyAsync(ct)) return null;
            name = "Metropoli";
        }
        else
        {
            var body = await db.Set<Body>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct);
            if (body is null) return null;
            q = q.Where(m => m.BodyId == body.Id);
            name = body.Name;
        }
        var meetings = await q.OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
        var stamp = clock.GetUtcNow().UtcDateTime;
        return Ics.Calendar(meetings.Select(m => new IcsEvent($"meeting-{m.Id}@{host}", m.StartsAt, m.EndsAt, m.Title, m.Agenda,
            m.Place ?? m.Link, m.Link, stamp, m.IsCancelled, m.Version)), name);
    }

    private static async Task NotifyMembersAsync(AppDbContext db, Body body, Meeting meeting, CancellationToken ct)
    {
        var organisations = await db.Set<BodyMember>().Where(m => m.BodyId == body.Id).Select(m => m.OrganisationId).ToListAsync(ct);
        var recipients = await db.Users.Where(u => u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value) && !u.IsDisabled).ToListAsync(ct);
        var when = CivilClock.ToCivil(meeting.StartsAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var user in recipients)
        {
            await Notifier.NotifyAsync(db, user, $"Convocazione: {body.Name}",
                $"{meeting.Title} — {when}, {meeting.Place ?? meeting.Link}.", $"/partecipazione/riunioni/{meeting.Id}", $"participation-meeting-{meeting.Id}-{user.Id}", ct);
        }
        await db.SaveChangesAsync(ct);
    }

    internal static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero);
}
