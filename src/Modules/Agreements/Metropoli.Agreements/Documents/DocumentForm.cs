using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;

namespace Metropoli.Agreements.Documents;

/// <summary>The upload form of the agreement's page (<c>_DocumentsSection</c>), whose fields are named Upload,
/// DocumentKind, DocumentTitle and DocumentObligationId: the same handler as the API, its errors named after the
/// form's fields so that each shows next to its own.</summary>
internal static class DocumentForm
{
    public static async Task<Outcome> UploadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files, long agreementId,
        IFormFile? upload, string? kind, string? title, long? obligationId, CancellationToken ct)
    {
        var file = upload is { Length: > 0 } f ? new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream) : null;
        var (outcome, _) = await UploadDocument.HandleAsync(db, user, clock, files, agreementId, new DocumentRequest(kind, title, obligationId, null), file, ct);
        return outcome is Outcome.Invalid invalid
            ? new Outcome.Invalid(invalid.Errors.ToDictionary(e => e.Key switch
            {
                "file" => "upload",
                "kind" => "documentKind",
                "title" => "documentTitle",
                "obligationId" => "documentObligationId",
                _ => e.Key,
            }, e => e.Value))
            : outcome;
    }
}
