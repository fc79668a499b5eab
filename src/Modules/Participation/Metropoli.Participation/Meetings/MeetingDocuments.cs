using System.Security.Claims;
using Metropoli.Participation.Bodies;
using Metropoli.Participation.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Meetings;

public sealed record MeetingDocumentView(long Id, string Kind, string Title, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Files of a meeting (ADR 0043): who may convene the meeting's body (the secretariat, or the zone's current
/// coordinator for a zone assembly) uploads attachments of the agenda and the signed minutes, with the platform's upload
/// checks (<see cref="Evidence"/>: type, size, content, SHA-256 recorded), as agreements do. Agenda attachments are public
/// with the meeting; a minutes file is seen by the public once the minutes are approved (before, by those who manage the
/// meeting; others get the same 404 as a missing file). Approved minutes take no more files.</summary>
public static class MeetingDocuments
{
    /// <summary>The file-store area (<c>data/participation</c>).</summary>
    public const string Area = "participation";
    public const string NotFound = "Nessun documento con questo identificativo.";
    public const string MinutesClosed = "Il verbale è già approvato e pubblicato: non si aggiungono file.";

    public static async Task<(Outcome Outcome, long Id)> UploadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long meetingId, string? kind, string? title, EvidenceUpload? file, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return (new Outcome.NotFound(), 0);
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        if (!await ParticipationAccess.MayConveneAsync(db, user, clock, body, ct)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        kind = BodyHandlers.Blank(kind) ?? MeetingDocumentKinds.Agenda;
        if (!MeetingDocumentKinds.All.Contains(kind)) errors["kind"] = ["Tipo di documento sconosciuto. Valori ammessi: agenda, minutes."];
        if (title is { Length: > 300 }) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (file is null) errors["file"] = ["Scegli il file da caricare."];
        else if (Evidence.CheckShape(file) is { } shape) errors["file"] = [shape];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        if (kind == MeetingDocumentKinds.Minutes && meeting.MinutesApprovedAt is not null) return (new Outcome.Refused(MinutesClosed), 0);

        var (stored, error) = await Evidence.SaveAsync(files, Area, file!, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var document = new MeetingDocument
        {
            MeetingId = meetingId, Kind = kind, Title = BodyHandlers.Blank(title) ?? stored.Name, FileName = stored.Name, StoredName = stored.StoredName,
            ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            UploadedBy = ParticipationAccess.Actor(user), UploadedAt = clock.GetUtcNow().UtcDateTime,
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

    /// <summary>The documents of a meeting the user may see.</summary>
    public static async Task<IReadOnlyList<MeetingDocumentView>> ListAsync(AppDbContext db, long meetingId, bool minutesPublished, bool canManage, CancellationToken ct) =>
        (await db.Set<MeetingDocument>().AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Id).ToListAsync(ct))
        .Where(d => d.Kind != MeetingDocumentKinds.Minutes || minutesPublished || canManage)
        .Select(d => new MeetingDocumentView(d.Id, d.Kind, d.Title, d.FileName, d.ContentType, d.Size, d.Sha256, new DateTimeOffset(DateTime.SpecifyKind(d.UploadedAt, DateTimeKind.Utc))))
        .ToList();

    /// <summary>The document when the user may see it, or null (missing and hidden answer the same).</summary>
    public static async Task<MeetingDocument?> FindAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var d = await db.Set<MeetingDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || d.Kind != MeetingDocumentKinds.Minutes) return d;
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == d.MeetingId, ct);
        if (meeting.MinutesApprovedAt is not null) return d;
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == meeting.BodyId, ct);
        return await ParticipationAccess.MayConveneAsync(db, user, clock, body, ct) ? d : null;
    }
}
