using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>The kinds of the plan's notifications (issue 18, point 6): stored with their parameters, rendered in the
/// reader's language.</summary>
public static class PlanNotifications
{
    public const string CampaignOpened = "campaign-opened";
    public const string TaskReturned = "campaign-task-returned";
    public const string TaskAccepted = "campaign-task-accepted";
    public const string MeasurementWaiting = "measurement-waiting";
    public const string MeasurementValidated = "measurement-validated";
    public const string MeasurementRejected = "measurement-rejected";

    /// <summary>A new value waits for validation: the plan office is told (in the caller's transaction).</summary>
    public static async Task WaitingAsync(AppDbContext db, Measurement m, CancellationToken ct)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == m.IndicatorId).Select(i => new { i.Code, i.Name }).SingleAsync(ct);
        foreach (var office in await Recipients.InRoleAsync(db, Roles.PlanOffice, ct))
        {
            await Notifier.NotifyAsync(db, office, new NotificationText(MeasurementWaiting,
                    "Valore da validare: {indicator} ({period})",
                    "È stato inviato un valore per l'indicatore {indicator} «{name}», periodo {period}: {value}. Validalo o respingilo con il motivo.")
                .Text("indicator", indicator.Code).Text("name", indicator.Name).Text("period", m.Period).Number("value", m.Value),
                "/piano/misurazioni/da-validare", $"measurement:{m.Id}:waiting:{m.SubmittedAt.Ticks}", ct);
        }
    }

    /// <summary>The submitter learns the plan office's decision, with the reason of a rejection.</summary>
    public static async Task ReviewedAsync(AppDbContext db, Measurement m, CancellationToken ct)
    {
        var submitter = await db.Users.SingleOrDefaultAsync(u => u.Id == m.SubmittedBy && !u.IsDisabled, ct);
        if (submitter is null) return;
        var indicator = await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == m.IndicatorId).Select(i => new { i.Code, i.Name }).SingleAsync(ct);
        var text = m.Status == MeasurementStatuses.Rejected
            ? new NotificationText(MeasurementRejected, "Valore respinto: {indicator} ({period})",
                "L'ufficio di piano ha respinto il valore {value} dell'indicatore {indicator} «{name}», periodo {period}. Motivo: {reason}. Correggilo e invialo di nuovo.")
                .Text("reason", m.RejectionReason)
            : new NotificationText(MeasurementValidated, "Valore validato: {indicator} ({period})",
                "L'ufficio di piano ha validato il valore {value} dell'indicatore {indicator} «{name}», periodo {period}: ora conta nel cruscotto.");
        text.Text("indicator", indicator.Code).Text("name", indicator.Name).Text("period", m.Period).Number("value", m.Value);
        await Notifier.NotifyAsync(db, submitter, text, $"/piano/indicatori/{m.IndicatorId}", $"measurement:{m.Id}:{m.Status}:{m.ReviewedAt?.Ticks}", ct);
    }
}
