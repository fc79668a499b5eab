using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Time;
using Metropoli.Territory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Desk;

/// <summary>What the agreements put on a person's desk (obligations due and overdue in the user's scope), find for
/// the site search, and show on the home page (ADR 0038).</summary>
public static class AgreementDesk
{
    /// <summary>An open obligation due within these days is on the desk.</summary>
    public const int HorizonDays = 30;

    public const int DueSoonDays = 7;

    public static async Task<IEnumerable<DeskItem>> ItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var today = CivilClock.Today(services.GetRequiredService<TimeProvider>());
        var horizon = today.AddDays(HorizonDays);
        var agreements = db.Set<Agreement>().Where(a => a.Status != AgreementStatuses.Concluded && a.Status != AgreementStatuses.Expired && a.Status != AgreementStatuses.Withdrawn);
        IQueryable<AgreementObligation> obligations;
        if (AgreementAccess.CanManageAll(user))
        {
            obligations = db.Set<AgreementObligation>().Where(o => agreements.Any(a => a.Id == o.AgreementId));
        }
        else if (AgreementAccess.Sector(user) is { } sector)
        {
            obligations = db.Set<AgreementObligation>().Where(o => agreements.Any(a => a.Id == o.AgreementId && a.OwnerSector == sector));
        }
        else if (AgreementAccess.Municipality(user) is { } istat)
        {
            // What the Comune owes: obligations of the party that is this Comune.
            obligations = db.Set<AgreementObligation>().Where(o => agreements.Any(a => a.Id == o.AgreementId)
                && db.Set<AgreementParty>().Any(p => p.Id == o.PartyId
                    && db.Reads<ITerritoryQueries>().Organisations.Any(g => g.Id == p.OrganisationId && g.MunicipalityIstat == istat)));
        }
        else
        {
            return [];
        }
        var due = await obligations.AsNoTracking().Where(o => o.Status == ObligationStatuses.Open && o.DueDate <= horizon)
            .OrderBy(o => o.DueDate).Select(o => new { o.Id, o.DueDate, o.Title }).ToListAsync(ct);
        var items = new List<DeskItem>();
        var overdue = due.Where(o => o.DueDate < today).ToList();
        if (overdue.Count > 0)
        {
            items.Add(new DeskItem(AgreementsModule.ModuleName, "Impegni delle intese scaduti e non adempiuti", overdue.Count,
                $"/intese/obblighi/{overdue[0].Id}", DeskUrgency.Overdue, 200, overdue[0].DueDate, overdue[0].Title));
        }
        var coming = due.Where(o => o.DueDate >= today).ToList();
        if (coming.Count > 0)
        {
            items.Add(new DeskItem(AgreementsModule.ModuleName, "Impegni delle intese in scadenza entro 30 giorni", coming.Count,
                $"/intese/obblighi/{coming[0].Id}", coming[0].DueDate <= today.AddDays(DueSoonDays) ? DeskUrgency.DueSoon : DeskUrgency.Normal,
                210, coming[0].DueDate, coming[0].Title));
        }
        if (AgreementAccess.CanManageAll(user))
        {
            var toReview = await db.Set<Agreement>().CountAsync(a => a.Status == AgreementStatuses.UnderReview, ct);
            if (toReview > 0)
            {
                items.Add(new DeskItem(AgreementsModule.ModuleName, "Intese in istruttoria", toReview, "/intese?status=under-review", DeskUrgency.Normal, 220));
            }
        }
        return items;
    }

    public static async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var q = query.Trim().ToLower();
        var pattern = TextSearch.Pattern(q);
        // Accents and case ignored (TextSearch): the LIKE narrows, the folded comparison decides; a few spare rows
        // make room for the near misses the pattern lets through.
        var found = await db.Set<Agreement>().AsNoTracking().Visible(db, user)
            .Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, LikePattern.Escape) || (a.Number != null && a.Number.ToLower() == q))
            .OrderByDescending(a => a.SignatureDate).Take(limit * 4).Select(a => new { a.Id, a.Title, a.Number }).ToListAsync(ct);
        return found.Where(a => TextSearch.Matches(a.Title, q) || a.Number?.ToLower() == q).Take(limit)
            .Select(a => new SearchResult("Intesa", a.Title, $"/intese/{a.Id}", a.Number));
    }

    public static async Task<IEnumerable<HomeFigure>> FiguresAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var inForce = db.Set<Agreement>().AsNoTracking().Where(AgreementAccess.IsPublished).Where(a => a.Status == AgreementStatuses.InForce);
        var count = await inForce.CountAsync(ct);
        var last = await inForce.MaxAsync(a => (DateTime?)a.UpdatedAt, ct);
        return [new(count, "Intese in vigore", 30, last is { } l ? DateOnly.FromDateTime(l) : null, "/intese?status=in-force")];
    }
}
