using System.Security.Claims;
using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Desk;

/// <summary>What the shared services put on a person's desk (requests to take in charge for the office; questions to
/// answer and answers to close for the Comune), find for the site search, and explain in the glossary.</summary>
public static class ServicesDesk
{
    public const string RequestsGroup = "Stato delle richieste ai servizi";

    public static async Task<IEnumerable<DeskItem>> ItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var items = new List<DeskItem>();
        var visible = db.Set<ServiceRequest>().AsNoTracking().Visible(db, user);
        if (ServiceAccess.WorksForOffices(user))
        {
            var sector = ServiceAccess.Sector(user);
            var mine = ServiceAccess.IsAdmin(user) ? visible
                : visible.Where(r => db.Set<SharedService>().Any(s => s.Id == r.ServiceId && s.OfficeSector == sector));
            var toTake = await mine.CountAsync(r => r.Status == RequestStatuses.Submitted, ct);
            var inProgress = await mine.CountAsync(r => r.Status == RequestStatuses.InProgress, ct);
            if (toTake > 0)
                items.Add(new DeskItem(ServicesModule.ModuleName, "Richieste dei Comuni da prendere in carico", toTake, "/casa-dei-comuni/richieste", DeskUrgency.DueSoon, 250));
            if (inProgress > 0)
                items.Add(new DeskItem(ServicesModule.ModuleName, "Richieste dei Comuni in lavorazione", inProgress, "/casa-dei-comuni/richieste", DeskUrgency.Normal, 251));
        }
        if (ServiceAccess.Municipality(user) is { } istat)
        {
            var own = visible.Where(r => r.IstatCode == istat);
            var waiting = await own.CountAsync(r => r.Status == RequestStatuses.Waiting, ct);
            var answered = await own.CountAsync(r => r.Status == RequestStatuses.Answered, ct);
            if (waiting > 0)
                items.Add(new DeskItem(ServicesModule.ModuleName, "Richieste ai servizi in attesa di informazioni dal Comune", waiting, "/casa-dei-comuni/richieste", DeskUrgency.DueSoon, 252));
            if (answered > 0)
                items.Add(new DeskItem(ServicesModule.ModuleName, "Richieste ai servizi evase da chiudere e valutare", answered, "/casa-dei-comuni/richieste", DeskUrgency.Normal, 253));
        }
        return items;
    }

    public static async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        // Accents and case ignored (TextSearch): the LIKE narrows, the folded comparison decides.
        var pattern = TextSearch.Pattern(query);
        var found = (await db.Set<SharedService>().AsNoTracking()
            .Where(s => s.Active && (EF.Functions.Like(s.Name.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(s.Summary.ToLower(), pattern, LikePattern.Escape)))
            .OrderBy(s => s.SortOrder).Take(limit * 4).Select(s => new { s.Slug, s.Name, s.Summary }).ToListAsync(ct))
            .Where(s => TextSearch.Matches(s.Name, query) || TextSearch.Matches(s.Summary, query)).Take(limit).ToList();
        var results = found.Select(s => new SearchResult("Servizio", s.Name, $"/casa-dei-comuni/servizi/{s.Slug}", s.Summary)).ToList();
        if (results.Count < limit && user.Identity?.IsAuthenticated == true)
        {
            var requests = (await db.Set<ServiceRequest>().AsNoTracking().Visible(db, user).Where(r => EF.Functions.Like(r.Subject.ToLower(), pattern, LikePattern.Escape))
                .OrderByDescending(r => r.Id).Take((limit - results.Count) * 4).Select(r => new { r.Id, r.Subject }).ToListAsync(ct))
                .Where(r => TextSearch.Matches(r.Subject, query)).Take(limit - results.Count).ToList();
            results.AddRange(requests.Select(r => new SearchResult("Richiesta a un servizio", r.Subject, $"/casa-dei-comuni/richieste/{r.Id}")));
        }
        return results;
    }

    public static IEnumerable<GlossaryEntry> Glossary =>
    [
        G(RequestStatuses.Submitted, "Il Comune ha inviato la richiesta; l'ufficio non l'ha ancora presa in carico. Corre il tempo della prima risposta.", 400),
        G(RequestStatuses.InProgress, "L'ufficio lavora alla richiesta. Corre il tempo della risposta completa.", 401),
        G(RequestStatuses.Waiting, "L'ufficio ha chiesto informazioni al Comune: il tempo di servizio è sospeso finché il Comune risponde.", 402),
        G(RequestStatuses.Answered, "L'ufficio ha dato la risposta completa; il Comune può chiudere la richiesta e valutare il servizio, o riaprirla.", 403),
        G(RequestStatuses.Closed, "La richiesta è conclusa (o ritirata dal Comune), con il motivo nella cronologia.", 404),
    ];

    private static GlossaryEntry G(string code, string definition, int order) =>
        new(RequestsGroup, RequestStatuses.Label(code), definition, order, RequestStatuses.Badge(code), "richiesta-" + code);
}
