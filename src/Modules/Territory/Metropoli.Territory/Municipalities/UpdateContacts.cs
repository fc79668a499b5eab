using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

/// <summary>The contacts a Comune keeps up to date: website, PEC, telephone.</summary>
public sealed record ContactsRequest
{
    [Display(Name = "Sito web")]
    public string? Website { get; init; }
    [Display(Name = "PEC")]
    public string? Pec { get; init; }
    [Display(Name = "Telefono")]
    public string? Phone { get; init; }
}

/// <summary>Administrators and the Comune's own municipality officers may edit its contacts.
/// The edit names the version it started from; a stale version is a conflict, never an overwrite.</summary>
public static class UpdateContacts
{
    public static bool CanEdit(ClaimsPrincipal user, string istatCode) =>
        user.IsInRole(Roles.Administrator)
        || (user.IsInRole(Roles.MunicipalityOfficer) && user.MunicipalityScope() == istatCode);

    public static Dictionary<string, string[]> Validate(ContactsRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Website is { Length: > 0 } w && (w.Length > 200
            || !Uri.TryCreate(w, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors["website"] = ["Indica un indirizzo web completo, per esempio https://www.comune.esempio.mi.it."];
        }
        if (r.Pec is { Length: > 0 } p && (p.Length > 200 || !new EmailAddressAttribute().IsValid(p) || p.Contains(' ')))
        {
            errors["pec"] = ["Indica un indirizzo PEC valido, per esempio protocollo@pec.comune.esempio.mi.it."];
        }
        if (r.Phone is { Length: > 0 } t && (t.Length > 40 || !t.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '/' or '.')))
        {
            errors["phone"] = ["Il telefono può contenere solo cifre, spazi e i simboli + - / ."];
        }
        return errors;
    }

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string istatCode, int? expectedVersion, ContactsRequest request, CancellationToken ct)
    {
        var m = await db.Set<Municipality>().SingleOrDefaultAsync(x => x.IstatCode == istatCode, ct);
        if (m is null) return new Outcome.NotFound();
        if (!CanEdit(user, istatCode)) return new Outcome.Forbidden();
        var errors = Validate(request);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(m, expectedVersion) is { } conflict) return conflict;
        m.Website = Blank(request.Website);
        m.Pec = Blank(request.Pec);
        m.Phone = Blank(request.Phone);
        m.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, m, ct);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
