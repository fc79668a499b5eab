using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Campaigns;

/// <summary>Reminds sector officers of the tasks still waiting for them. For each open campaign the
/// reminder that applies today is the one with the fewest days left among those already reached
/// (deadline − N ≤ today), plus one "deadline passed" notice; the dedup key names the campaign and N, so a
/// rerun, a restart or a second instance never sends the same reminder twice to the same person.</summary>
public sealed class CampaignReminderJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public const string CampaignReminder = "campaign-reminder";

    public string Name => "campaign-reminders";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:CampaignRemindersSeconds", 3600d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendAsync(services.GetRequiredService<AppDbContext>(), clock, ct);

    public static async Task<int> SendAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var sent = 0;
        var campaigns = await db.Set<MonitoringCampaign>().AsNoTracking().Where(c => c.Status == CampaignStatuses.Open).ToListAsync(ct);
        foreach (var campaign in campaigns)
        {
            var left = campaign.Deadline.DayNumber - today.DayNumber;
            string key;
            string subject;
            if (left < 0)
            {
                key = "overdue";
                subject = "Scaduta la campagna «{campaign}»: aggiornamenti mancanti";
            }
            else
            {
                var reached = OpenCampaign.ReminderDays(campaign.ReminderDays).Where(n => left <= n).ToList();
                if (reached.Count == 0) continue;
                key = "days-" + reached.Min();
                subject = left == 0
                    ? "Scade oggi la campagna «{campaign}»"
                    : "Promemoria: la campagna «{campaign}» scade tra {left} giorni";
            }
            var waiting = await db.Set<CampaignTask>().AsNoTracking()
                .Where(t => t.CampaignId == campaign.Id && (t.Status == TaskStatuses.Pending || t.Status == TaskStatuses.Returned))
                .GroupBy(t => t.OwnerSector).Select(g => new { Sector = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var sector in waiting)
            {
                foreach (var officer in await Recipients.ForSectorAsync(db, sector.Sector, ct))
                {
                    var text = new NotificationText(CampaignReminder, subject,
                            "{count} azioni del settore {sector} attendono ancora l'aggiornamento (scadenza {deadline}).")
                        .Text("campaign", campaign.Name).Number("left", left).Number("count", sector.Count).Text("sector", sector.Sector)
                        .Date("deadline", campaign.Deadline);
                    if (await Notifier.NotifyAsync(db, officer, text, $"/piano/campagne/{campaign.Id}", $"campaign:{campaign.Id}:reminder:{key}", ct))
                    {
                        sent++;
                    }
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
