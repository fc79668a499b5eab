using System.Security.Claims;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Metropoli.StrategicPlan.Measurements;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed record TaskReportRequest(string? Status, int? Progress, string? Narrative);

public sealed record TaskReviewRequest(string? Decision, string? Note);

/// <summary>The two steps of a task: the owner sector reports (which also updates the action's monitoring
/// fields, as its officers may), and the plan office accepts the report or returns it with a note.</summary>
public static class TaskWork
{
    public const string ClosedReason = "La campagna è chiusa: le sue attività non si modificano più.";
    public const string AcceptedReason = "L'attività è già stata accettata dall'ufficio di piano.";
    public const string NotSubmittedReason = "Si esamina solo un'attività inviata e non ancora esaminata.";

    public static async Task<Outcome> SubmitAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long taskId, int? expectedVersion, TaskReportRequest r, CancellationToken ct)
    {
        var found = await LoadAsync(db, user, taskId, ct);
        if (found is not var (task, campaign)) return new Outcome.NotFound();
        if (!PlanAccess.CanUpdateProgress(user, task.OwnerSector)) return new Outcome.Forbidden();
        if (campaign.Status == CampaignStatuses.Closed) return new Outcome.Refused(ClosedReason);
        if (task.Status == TaskStatuses.Accepted) return new Outcome.Refused(AcceptedReason);
        var action = await db.Set<PlanAction>().SingleAsync(a => a.Id == task.ActionId, ct);
        var errors = new Dictionary<string, string[]>();
        if (r.Status is null) errors["status"] = ["Scegli lo stato dell'azione."];
        if (r.Progress is null) errors["progress"] = ["Indica l'avanzamento in percentuale."];
        if (string.IsNullOrWhiteSpace(r.Narrative)) errors["narrative"] = ["Descrivi lo stato di attuazione: che cosa è stato fatto nel periodo e che cosa resta."];
        ActionRules.CheckProgress(r.Status, r.Progress, action.StartDate, action.EndDate, r.Narrative, errors);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(task, expectedVersion) is { } conflict) return conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        task.ReportedStatus = r.Status;
        task.ReportedProgress = r.Progress;
        task.Narrative = r.Narrative!.Trim();
        task.Status = TaskStatuses.Submitted;
        task.SubmittedAt = now;
        task.SubmittedBy = CurrentUser.Of(user).DisplayName;
        action.Status = r.Status!;
        action.Progress = r.Progress!.Value;
        action.Narrative = task.Narrative;
        action.UpdatedAt = now;
        return await VersionedSave.SaveAsync(db, task, ct);
    }

    public static async Task<Outcome> ReviewAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long taskId, int? expectedVersion, TaskReviewRequest r, CancellationToken ct)
    {
        var found = await LoadAsync(db, user, taskId, ct);
        if (found is not var (task, campaign)) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (campaign.Status == CampaignStatuses.Closed) return new Outcome.Refused(ClosedReason);
        var errors = new Dictionary<string, string[]>();
        if (r.Decision is not ("accept" or "return")) errors["decision"] = ["Scegli se accettare (accept) o restituire (return) l'attività."];
        if (r.Decision == "return" && string.IsNullOrWhiteSpace(r.Note)) errors["note"] = ["Spiega che cosa va corretto: la nota arriva al settore."];
        if (r.Note is { Length: > 2000 }) errors["note"] = ["La nota non può superare 2000 caratteri."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (task.Status != TaskStatuses.Submitted) return new Outcome.Refused(NotSubmittedReason);
        if (db.CheckVersion(task, expectedVersion) is { } conflict) return conflict;

        task.Status = r.Decision == "accept" ? TaskStatuses.Accepted : TaskStatuses.Returned;
        task.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        task.ReviewedBy = CurrentUser.Of(user).DisplayName;
        task.ReviewNote = Structure.StructureRules.Blank(r.Note);
        if (task.Status == TaskStatuses.Returned)
        {
            var code = await db.Set<PlanAction>().Where(a => a.Id == task.ActionId).Select(a => a.Code).SingleAsync(ct);
            foreach (var officer in await Recipients.ForSectorAsync(db, task.OwnerSector, ct))
            {
                await Notifier.NotifyAsync(db, officer, new NotificationText(PlanNotifications.TaskReturned,
                        "Attività restituita: azione {action} ({campaign})",
                        "L'ufficio di piano chiede di correggere l'aggiornamento dell'azione {action}: {note}")
                    .Text("action", code).Text("campaign", campaign.Name).Text("note", task.ReviewNote),
                    $"/piano/campagne/attivita/{task.Id}", $"campaign:{campaign.Id}:task:{task.Id}:returned:{task.Version}", ct);
            }
        }
        else
        {
            // The acceptance goes to who reported (stored by display name), or to the sector when they are gone.
            var code = await db.Set<PlanAction>().Where(a => a.Id == task.ActionId).Select(a => a.Code).SingleAsync(ct);
            var officers = await Recipients.ForSectorAsync(db, task.OwnerSector, ct);
            var submitters = officers.Where(o => o.DisplayName == task.SubmittedBy).ToList();
            foreach (var officer in submitters.Count > 0 ? submitters : officers)
            {
                await Notifier.NotifyAsync(db, officer, new NotificationText(PlanNotifications.TaskAccepted,
                        "Attività accettata: azione {action} ({campaign})",
                        "L'ufficio di piano ha accettato l'aggiornamento dell'azione {action}.")
                    .Text("action", code).Text("campaign", campaign.Name),
                    $"/piano/campagne/attivita/{task.Id}", $"campaign:{campaign.Id}:task:{task.Id}:accepted:{task.Version}", ct);
            }
        }
        return await VersionedSave.SaveAsync(db, task, ct);
    }

    /// <summary>The task and its campaign, when the campaign's plan is visible to the user.</summary>
    internal static async Task<(CampaignTask Task, MonitoringCampaign Campaign)?> LoadAsync(AppDbContext db, ClaimsPrincipal user, long taskId, CancellationToken ct)
    {
        var task = await db.Set<CampaignTask>().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return null;
        var campaign = await db.Set<MonitoringCampaign>().SingleAsync(c => c.Id == task.CampaignId, ct);
        return await Structure.StructureRules.PlanStatusAsync(db, user, campaign.PlanId, ct) is null ? null : (task, campaign);
    }
}
