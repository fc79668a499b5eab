using System.Globalization;
using Metropoli.Platform.Audit;

namespace Metropoli.DataGen.Scale;

/// <summary>A history of the generated records for the audit trail, appended to the existing chain: each
/// row's hash covers the previous one exactly as <see cref="AuditRecorder"/> computes it, so
/// <c>audit verify</c> passes, and the head is moved to the last row. Times rise from 2019 to the
/// anchor date; users are the generated ones; the entities are the generated measurements, actions,
/// agreements and indicators (measurement submissions and validations are most of the traffic).</summary>
public sealed class AuditGenerator(ScaleWorld w)
{
    public AuditHead Head { get; private set; } = new();

    public IEnumerable<AuditEntry> Generate(long firstId, AuditHead head)
    {
        var r = w.Random;
        var total = w.Profile.AuditRows;
        var from = new DateTime(2019, 1, 7, 8, 0, 0, DateTimeKind.Utc);
        var span = (w.Now - from).Ticks;
        var sequence = head.Sequence;
        var previous = head.Hash;
        var actions = w.Plans.SelectMany(p => p.Actions).ToList();
        var measurements = Math.Max(1, w.LastMeasurementId - w.FirstMeasurementId + 1);
        var agreements = Math.Max(1, w.LastAgreementId - w.FirstAgreementId + 1);
        for (long i = 0; i < total; i++)
        {
            var at = new DateTime(from.Ticks + span / total * i, DateTimeKind.Utc);
            at = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            var roll = r.Double();
            string type, entityId, action, after;
            string? before = null;
            ScaleWorld.Person who;
            if (roll < 0.55)
            {
                var ind = r.Pick(w.Indicators);
                who = r.Chance(0.5) ? w.OfficerFor(ind.Sector) : r.Pick(w.PlanOffice);
                type = "Measurement";
                entityId = (w.FirstMeasurementId + (long)(r.Double() * measurements)).ToString(CultureInfo.InvariantCulture);
                action = r.Chance(0.5) ? "create" : "update";
                after = string.Create(CultureInfo.InvariantCulture, $"{{\"IndicatorId\":{ind.Id},\"Status\":\"{(action == "create" ? "submitted" : "validated")}\",\"Value\":{r.Int(1, 100000)}}}");
                if (action == "update") before = "{\"Status\":\"submitted\"}";
            }
            else if (roll < 0.75)
            {
                var a = r.Pick(actions);
                who = w.OfficerFor(a.Sector);
                type = "PlanAction";
                entityId = a.Id.ToString(CultureInfo.InvariantCulture);
                action = "update";
                before = string.Create(CultureInfo.InvariantCulture, $"{{\"Progress\":{r.Int(0, 50)}}}");
                after = string.Create(CultureInfo.InvariantCulture, $"{{\"Progress\":{r.Int(50, 100)},\"Status\":\"{a.Status}\"}}");
            }
            else if (roll < 0.92)
            {
                who = r.Pick(w.PlanOffice);
                type = r.Chance(0.7) ? "Agreement" : "AgreementObligation";
                entityId = (w.FirstAgreementId + (long)(r.Double() * agreements)).ToString(CultureInfo.InvariantCulture);
                action = r.Chance(0.3) ? "create" : "update";
                after = "{\"Status\":\"in-force\"}";
            }
            else
            {
                who = r.Pick(w.People);
                type = "AuditTrail";
                entityId = "search";
                action = "read";
                after = "{\"q\":\"\"}";
            }
            var entry = new AuditEntry
            {
                Id = firstId + i, Sequence = ++sequence, At = at, UserId = who.Id, UserName = who.Email,
                EntityType = type, EntityId = entityId, Action = action, Before = before, After = after, PreviousHash = previous,
            };
            entry.Hash = AuditRecorder.ComputeHash(entry);
            previous = entry.Hash;
            yield return entry;
        }
        Head = new AuditHead { Id = 1, Sequence = sequence, Hash = previous };
    }
}
