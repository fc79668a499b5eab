using System.Security.Claims;
using Metropoli.Participation.Model;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Desk;

/// <summary>Participation on the desk and in the site search: for the secretariat the proposals waiting for their answer
/// and the membership requests to decide; for the zone coordinator whose Comune holds the term, their zone's assembly
/// (the zone desk); bodies and consultations by name in the search.</summary>
public static class ParticipationDesk
{
    public static async Task<IEnumerable<DeskItem>> ItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = CivilClock.Today(clock);
        var items = new List<DeskItem>();
        if (user.IsInRole(Roles.ZoneCoordinator) && user.ZoneScope() is { Length: > 0 } zone)
        {
            items.Add(new DeskItem(ParticipationModule.ModuleName, "Scrivania della zona: intese, azioni, richieste e finanziamenti dei Comuni", 0,
                $"/partecipazione/zone/{zone}", DeskUrgency.Normal, 303));
            var assembly = await db.Set<Body>().AsNoTracking().FirstOrDefaultAsync(b => b.Kind == BodyKinds.ZoneAssembly && b.ZoneCode == zone, ct);
            if (assembly is not null && await ParticipationAccess.MayConveneAsync(db, user, clock, assembly, ct))
            {
                var next = await db.Set<Meeting>().AsNoTracking().Where(m => m.BodyId == assembly.Id && !m.IsCancelled && m.StartsAt > clock.GetUtcNow().UtcDateTime)
                    .OrderBy(m => m.StartsAt).Select(m => (DateTime?)m.StartsAt).FirstOrDefaultAsync(ct);
                items.Add(new DeskItem(ParticipationModule.ModuleName, "Assemblea dei sindaci della zona: convoca e verbalizza", 0,
                    $"/partecipazione/organismi/{assembly.Id}", DeskUrgency.Normal, 302, next is { } n ? CivilClock.DayOf(n) : null));
            }
        }
        if (!ParticipationAccess.IsSecretariat(user)) return items;
        var waiting = await db.Set<Proposal>().AsNoTracking()
            .Where(p => p.Answer == null && !p.IsWithdrawn && !p.IsHidden)
            .Join(db.Set<Consultation>().Where(c => c.ClosesOn < today), p => p.ConsultationId, c => c.Id, (p, c) => c.AnswerBy).ToListAsync(ct);
        if (waiting.Count > 0)
        {
            var due = waiting.Min();
            items.Add(new DeskItem(ParticipationModule.ModuleName, "Proposte in attesa di risposta", waiting.Count, "/partecipazione",
                due < today ? DeskUrgency.Overdue : due <= today.AddDays(14) ? DeskUrgency.DueSoon : DeskUrgency.Normal, 300, due));
        }
        var requests = await db.Set<MembershipRequest>().CountAsync(r => r.Status == RequestStatuses.Pending, ct);
        if (requests > 0)
        {
            items.Add(new DeskItem(ParticipationModule.ModuleName, "Domande di adesione da decidere", requests, "/partecipazione", DeskUrgency.Normal, 301));
        }
        return items;
    }

    public static async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        // Accents and case ignored (TextSearch): the LIKE narrows, the folded comparison decides.
        var pattern = TextSearch.Pattern(query);
        var bodies = (await db.Set<Body>().AsNoTracking().Where(b => EF.Functions.Like(b.Name.ToLower(), pattern, LikePattern.Escape)).OrderBy(b => b.Id).Take(limit * 4)
            .Select(b => new SearchResult("Organismo di partecipazione", b.Name, "/partecipazione/organismi/" + b.Id, null)).ToListAsync(ct))
            .Where(r => TextSearch.Matches(r.Title, query)).Take(limit);
        var consultations = (await db.Set<Consultation>().AsNoTracking().Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, LikePattern.Escape)).OrderByDescending(c => c.Id).Take(limit * 4)
            .Select(c => new SearchResult("Consultazione pubblica", c.Title, "/partecipazione/consultazioni/" + c.Id, null)).ToListAsync(ct))
            .Where(r => TextSearch.Matches(r.Title, query)).Take(limit);
        return bodies.Concat(consultations).Take(limit);
    }
}
