using System.Security.Claims;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Applications;

/// <summary>The documents of an application: uploaded by the applicant while it is a draft, under the platform's
/// evidence rules (PDF, PNG, JPG, CSV or XLSX, at most 10 MB, content checked against the type, SHA-256 recorded),
/// seen by whoever sees the application.</summary>
public static class ApplicationDocuments
{
    /// <summary>The file-store area of applications' documents (<c>data/funding</c>).</summary>
    public const string Area = "funding";

    public static async Task<(Outcome Outcome, long Id)> UploadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long applicationId, string? title, EvidenceUpload? file, CancellationToken ct)
    {
        var a = await db.Set<FundingApplication>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == applicationId, ct);
        if (a is null) return (new Outcome.NotFound(), 0);
        var partners = await db.Set<FundingApplicationPartner>().AsNoTracking().Where(p => p.ApplicationId == applicationId).Select(p => p.IstatCode).ToListAsync(ct);
        if (!ApplicationAccess.CanSee(user, a.Status, a.LeadIstat, partners, a.CoordinatorZone)) return (new Outcome.NotFound(), 0);
        if (!ApplicationAccess.IsApplicant(user, a.LeadIstat, a.CoordinatorZone)) return (new Outcome.Forbidden(), 0);
        if (a.Status != ApplicationStatuses.Draft) return (new Outcome.Refused("I documenti si aggiungono solo alla domanda in bozza."), 0);
        var errors = new Dictionary<string, string[]>();
        if (title is { Length: > 300 }) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (file is null) errors["file"] = ["Scegli il file da caricare."];
        else if (Evidence.CheckShape(file) is { } shape) errors["file"] = [shape];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var (stored, error) = await Evidence.SaveAsync(files, Area, file!, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var d = new FundingApplicationDocument
        {
            ApplicationId = applicationId, Title = string.IsNullOrWhiteSpace(title) ? stored.Name : title.Trim(), FileName = stored.Name,
            StoredName = stored.StoredName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            UploadedBy = CurrentUser.Of(user).Name, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(d);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await files.DeleteAsync(Area, stored.StoredName, CancellationToken.None);
            throw;
        }
        return (new Outcome.Done(1), d.Id);
    }

    /// <summary>The document when its application is visible to the user; null otherwise (the same 404 as a missing one).</summary>
    public static async Task<FundingApplicationDocument?> FindAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var d = await db.Set<FundingApplicationDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return null;
        return await ApplicationHandlers.GetAsync(db, user, d.ApplicationId, ct) is null ? null : d;
    }
}
