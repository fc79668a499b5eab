using System.Security.Claims;
using System.Text.RegularExpressions;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>Rules shared by areas, objectives and actions: codes, titles, and what an archived or
/// published plan allows.</summary>
public static partial class StructureRules
{
    public const string DeleteOnlyInDraft = "Si possono eliminare elementi solo da un piano in bozza: in un piano adottato la struttura è un atto pubblico.";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]{0,19}$")]
    private static partial Regex CodeShape();

    /// <summary>Codes are compared and stored in upper case ("a1" and "A1" are the same code).</summary>
    public static string? NormalizeCode(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    public static void CheckCode(string? code, Dictionary<string, string[]> errors, string field = "code")
    {
        if (code is null) errors[field] = ["Indica il codice."];
        else if (!CodeShape().IsMatch(code)) errors[field] = ["Il codice può contenere lettere, cifre, punto, trattino e trattino basso (al più 20 caratteri), per esempio A1 o OB-1.2."];
    }

    public static void CheckTitle(string? title, Dictionary<string, string[]> errors, string field = "title")
    {
        if (string.IsNullOrWhiteSpace(title)) errors[field] = ["Indica il titolo."];
        else if (title.Trim().Length > 300) errors[field] = ["Il titolo non può superare 300 caratteri."];
    }

    public static void CheckText(string? text, Dictionary<string, string[]> errors, string field)
    {
        if (text is { Length: > 4000 }) errors[field] = ["Il testo non può superare 4000 caratteri."];
    }

    public static void CheckSortOrder(int? order, Dictionary<string, string[]> errors)
    {
        if (order is < 0 or > 9999) errors["sortOrder"] = ["L'ordine deve essere un numero tra 0 e 9999."];
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The plan's status, or null when it is missing or the user may not see it.</summary>
    public static Task<string?> PlanStatusAsync(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, long planId, CancellationToken ct) =>
        db.Set<Plan>().AsNoTracking().Visible(user).Where(p => p.Id == planId).Select(p => p.Status).SingleOrDefaultAsync(ct);

    /// <summary>What a change to a node of the plan (an area, an objective) checks first, in this order: the
    /// node exists in a plan the user may see (404), the user manages the plan (403), the plan allows the
    /// change (409: an archived plan changes no more; deleting only from a draft). Null when it may go on.</summary>
    public static async Task<Outcome?> GuardAsync(AppDbContext db, ClaimsPrincipal user, long? planId, bool delete, CancellationToken ct)
    {
        var status = planId is { } id ? await PlanStatusAsync(db, user, id, ct) : null;
        if (status is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (delete && status != PlanStatuses.Draft) return new Outcome.Refused(DeleteOnlyInDraft);
        if (!delete && status == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        return null;
    }

    /// <summary>Saves a node: a concurrent edit is a version conflict (or 404 when it was deleted meanwhile),
    /// a concurrent save of the same code (the unique index on plan and code) a field error.</summary>
    public static async Task<Outcome> SaveAsync<T>(AppDbContext db, T node, string duplicateCode, CancellationToken ct) where T : class, IVersioned
    {
        try
        {
            return await VersionedSave.SaveAsync(db, node, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(new() { ["code"] = [duplicateCode] });
        }
    }
}
