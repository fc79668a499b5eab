using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Requests;

public sealed record AttachmentView(long Id, string FileName, long Size, string Sha256, string Side, string UploadedBy, DateTime UploadedAt);

/// <summary>Attachments of a request, with the platform's upload checks (<see cref="Evidence"/>): the Comune and the office
/// of the request attach files while it is open; those who see the request download them.</summary>
public static class Attachments
{
    /// <summary>The file-store area of the requests' attachments (<c>data/services</c>).</summary>
    public const string Area = "services";

    public static async Task<(Outcome, long)> UploadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files, long requestId,
        EvidenceUpload? file, CancellationToken ct)
    {
        var r = await db.Set<ServiceRequest>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(x => x.Id == requestId, ct);
        if (r is null) return (new Outcome.NotFound(), 0);
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == r.ServiceId, ct);
        var side = ServiceAccess.IsOffice(user, service.OfficeSector) ? RequestSides.Office
            : ServiceAccess.Municipality(user) == r.IstatCode ? RequestSides.Comune : null;
        if (side is null) return (new Outcome.Forbidden(), 0);
        if (file is null) return (new Outcome.Invalid(new() { ["file"] = ["Scegli il file da caricare."] }), 0);
        if (Evidence.CheckShape(file) is { } shape) return (new Outcome.Invalid(new() { ["file"] = [shape] }), 0);
        if (r.Status == RequestStatuses.Closed) return (new Outcome.Refused("La richiesta è chiusa: aprine una nuova."), 0);
        var (stored, error) = await Evidence.SaveAsync(files, Area, file, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var a = new ServiceRequestAttachment
        {
            RequestId = r.Id, FileName = stored.Name, StoredName = stored.StoredName, ContentType = stored.ContentType, Size = stored.Size,
            Sha256 = stored.Sha256, Side = side, UploadedBy = ServiceAccess.Email(user), UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(a);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await files.DeleteAsync(Area, stored.StoredName, CancellationToken.None);
            throw;
        }
        return (new Outcome.Done(1), a.Id);
    }

    /// <summary>An attachment of a request the user sees, or null.</summary>
    public static Task<ServiceRequestAttachment?> FindAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
        db.Set<ServiceRequestAttachment>().AsNoTracking()
            .Where(a => a.Id == id && db.Set<ServiceRequest>().Visible(db, user).Any(r => r.Id == a.RequestId))
            .SingleOrDefaultAsync(ct);

    public static Task<List<AttachmentView>> ListAsync(AppDbContext db, long requestId, CancellationToken ct) =>
        db.Set<ServiceRequestAttachment>().AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Sha256, a.Side, a.UploadedBy, a.UploadedAt)).ToListAsync(ct);
}
