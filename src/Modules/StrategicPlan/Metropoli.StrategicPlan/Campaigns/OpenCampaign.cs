using System.Globalization;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Metropoli.StrategicPlan.Measurements;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed record OpenCampaignRequest(string? Name, int? Year, DateOnly? Deadline, string? ReminderDays, string? Instructions);

/// <summary>The plan office opens a campaign: one task per action that is not completed, for its owner
/// sector, whose officers are told at once (in-app and e-mail).</summary>
public static class OpenCampaign
{
    public const string OneOpenReason = "Questo piano ha già una campagna aperta: chiudila prima di aprirne un'altra.";
    public const string DuplicateName = "Esiste già una campagna con questo nome in questo piano.";
    public const string PlanStateReason = "Si apre una campagna di monitoraggio solo per un piano adottato o approvato.";

    public static async Task<(Outcome Outcome, long Id)> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, OpenCampaignRequest r, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Visible(user).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return (new Outcome.NotFound(), 0);
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        if (plan.Status is not (PlanStatuses.Adopted or PlanStatuses.Approved)) return (new Outcome.Refused(PlanStateReason), 0);
        if (await db.Set<MonitoringCampaign>().AnyAsync(c => c.PlanId == planId && c.Status == CampaignStatuses.Open, ct))
        {
            return (new Outcome.Refused(OneOpenReason), 0);
        }
        var today = CivilClock.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Indica il nome della campagna, per esempio «Monitoraggio 2025»."];
        else if (name.Length > 200) errors["name"] = ["Il nome non può superare 200 caratteri."];
        else if (await db.Set<MonitoringCampaign>().AnyAsync(c => c.PlanId == planId && c.Name == name, ct))
            errors["name"] = [DuplicateName];
        if (r.Year is not { } year) errors["year"] = ["Indica l'anno di riferimento."];
        else if (year < plan.StartYear - 1 || year > plan.EndYear + 1)
            errors["year"] = [$"L'anno di riferimento deve essere nel periodo del piano ({plan.StartYear}-{plan.EndYear})."];
        if (r.Deadline is not { } deadline) errors["deadline"] = ["Indica la scadenza (GG/MM/AAAA)."];
        else if (deadline < today) errors["deadline"] = ["La scadenza non può essere nel passato."];
        var reminders = ParseReminderDays(r.ReminderDays, errors);
        if (r.Instructions is { Length: > 4000 }) errors["instructions"] = ["Le istruzioni non possono superare 4000 caratteri."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);

        var campaign = new MonitoringCampaign
        {
            PlanId = planId, Name = name!, Year = r.Year!.Value, Deadline = r.Deadline!.Value, ReminderDays = reminders,
            Instructions = Structure.StructureRules.Blank(r.Instructions), Status = CampaignStatuses.Open,
            OpenedAt = clock.GetUtcNow().UtcDateTime, OpenedBy = CurrentUser.Of(user).DisplayName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(campaign);
        if (!await db.TrySaveAsync(ct))
        {
            // A parallel request opened a campaign (or took the name) first: the unique indexes said so.
            await tx.RollbackAsync(ct);
            return (await db.Set<MonitoringCampaign>().AnyAsync(c => c.PlanId == planId && c.Status == CampaignStatuses.Open, ct)
                ? new Outcome.Refused(OneOpenReason)
                : new Outcome.Invalid(new() { ["name"] = [DuplicateName] }), 0);
        }
        var actions = await db.Set<PlanAction>().AsNoTracking()
            .Where(a => a.PlanId == planId && a.Status != ActionStatuses.Completed)
            .Select(a => new { a.Id, a.OwnerSector }).ToListAsync(ct);
        foreach (var a in actions)
        {
            db.Add(new CampaignTask { CampaignId = campaign.Id, ActionId = a.Id, OwnerSector = a.OwnerSector, Status = TaskStatuses.Pending });
        }
        foreach (var sector in actions.GroupBy(a => a.OwnerSector))
        {
            foreach (var officer in await Recipients.ForSectorAsync(db, sector.Key, ct))
            {
                await Notifier.NotifyAsync(db, officer, new NotificationText(PlanNotifications.CampaignOpened,
                        "Nuova campagna di monitoraggio: {campaign}",
                        "Il piano «{plan}» chiede di aggiornare {count} azioni del settore {sector} (stato, avanzamento, stato di attuazione e misurazioni dell'anno {year}) entro il {deadline}.")
                    .Text("campaign", campaign.Name).Text("plan", plan.Name).Number("count", sector.Count()).Text("sector", sector.Key)
                    .Text("year", campaign.Year.ToString(CultureInfo.InvariantCulture)).Date("deadline", campaign.Deadline),
                    $"/piano/campagne/{campaign.Id}", $"campaign:{campaign.Id}:opened", ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(campaign.Version), campaign.Id);
    }

    /// <summary>"7, 1" → "7,1": whole days between 0 and 90, at most five, largest first.</summary>
    public static string ParseReminderDays(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return "7,1";
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 90)
            {
                errors["reminderDays"] = ["Indica i giorni di preavviso come numeri interi tra 0 e 90 separati da virgole, per esempio «7,1»."];
                return "";
            }
            days.Add(d);
        }
        var distinct = days.Distinct().OrderDescending().ToList();
        if (distinct.Count > 5)
        {
            errors["reminderDays"] = ["Al massimo cinque promemoria."];
            return "";
        }
        return string.Join(",", distinct);
    }

    public static IReadOnlyList<int> ReminderDays(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
}
