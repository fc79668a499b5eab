using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Recruitment;

/// <summary>Warns, in the app and by e-mail (the outbox), the office of the joint recruitment service and the municipality
/// officers of the Comuni of the competition when a ranking list with ranks still available expires within
/// <c>Services:RankingListAlertDays</c> (60) days. The key names the list and its expiry date: one alert per list, again
/// only if the validity changes.</summary>
public sealed class RankingListExpiryJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "ranking-list-expiry";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:RankingListExpirySeconds", 86400d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendAsync(services.GetRequiredService<AppDbContext>(), clock, configuration.GetValue("Services:RankingListAlertDays", 60), ct);

    public const string Kind = "ranking-list-expiry";

    /// <returns>How many notifications were queued.</returns>
    public static async Task<int> SendAsync(AppDbContext db, TimeProvider clock, int alertDays, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var limit = today.AddDays(alertDays);
        var lists = await db.Set<RankingList>().AsNoTracking().Where(l => l.ValidUntil >= today && l.ValidUntil <= limit)
            .Join(db.Set<Competition>(), l => l.CompetitionId, c => c.Id, (l, c) => new { l, c }).ToListAsync(ct);
        var admins = await Recipients.InRoleAsync(db, Metropoli.Platform.Auth.Roles.Administrator, ct);
        var sent = 0;
        foreach (var x in lists)
        {
            var used = await db.Set<RankingDraw>().CountAsync(d => d.RankingListId == x.l.Id, ct);
            if (used >= x.l.EntryCount) continue;
            var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == x.c.ServiceId, ct);
            var people = await Recipients.ForSectorAsync(db, service.OfficeSector, ct);
            if (people.Count == 0) people = admins;
            foreach (var istat in await db.Set<CompetitionPost>().Where(p => p.CompetitionId == x.c.Id).Select(p => p.IstatCode).ToListAsync(ct))
                people = [.. people, .. await Recipients.ForMunicipalityAsync(db, istat, ct)];
            var text = new NotificationText(Kind, "Graduatoria in scadenza il {due}: «{competition}»",
                "La graduatoria del concorso «{competition}» scade il {due}: restano {left} idonei a cui attingere.")
                .Date("due", x.l.ValidUntil).Text("competition", x.c.Title).Number("left", x.l.EntryCount - used);
            var key = $"ranking-list-expiry:{x.l.Id}:{x.l.ValidUntil:yyyy-MM-dd}";
            foreach (var user in people.DistinctBy(u => u.Id))
            {
                if (await Notifier.NotifyAsync(db, user, text, $"/casa-dei-comuni/graduatorie/{x.l.Id}", key, ct)) sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
