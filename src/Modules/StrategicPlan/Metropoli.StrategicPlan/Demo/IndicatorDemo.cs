using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Demo;

/// <summary>Demonstration indicators for the demo plan of <see cref="PlanDemo"/>: targets and a few years
/// of validated values, plus one value waiting for validation and one rejected, so that every state of the
/// workflow can be seen. Every name says it is demonstration data. Idempotent: a plan that already has
/// indicators is left as it is.</summary>
public static class IndicatorDemo
{
    private sealed record DemoValue(string Period, decimal Value, string Status, string? Reason = null);

    private sealed record DemoIndicator(string ActionCode, string Code, string Name, string Unit, string Direction, string Frequency,
        decimal? Baseline, int? BaselineYear, (int Year, decimal Value)[] Targets, DemoValue[] Values, decimal? Lower = null, decimal? Upper = null);

    private static readonly DemoIndicator[] Indicators =
    [
        new("D2.1.1", "IND-D2.1.1-A", "Alberi messi a dimora (dato dimostrativo)", "numero", IndicatorDirections.Increase, IndicatorFrequencies.Annual,
            0m, 2022, [(2023, 10_000m), (2024, 25_000m)],
            [new("2023", 12_000m, MeasurementStatuses.Validated), new("2024", 18_500m, MeasurementStatuses.Validated)]),
        new("D3.1.2", "IND-D3.1.2-A", "Concentrazione media annua di PM10 (dato dimostrativo)", "µg/m³", IndicatorDirections.Decrease, IndicatorFrequencies.Annual,
            36m, 2021, [(2023, 32m), (2024, 30m)],
            [new("2022", 35m, MeasurementStatuses.Validated), new("2023", 33m, MeasurementStatuses.Validated),
             new("2024", 0.031m, MeasurementStatuses.Rejected, "Il valore sembra espresso in mg/m³: riportalo in µg/m³ (dato dimostrativo).")]),
        new("D5.1.1", "IND-D5.1.1-A", "Chilometri di itinerari ciclabili realizzati (dato dimostrativo)", "km", IndicatorDirections.Increase, IndicatorFrequencies.Quarterly,
            0m, 2022, [(2023, 20m), (2024, 60m)],
            [new("2023-Q4", 18m, MeasurementStatuses.Validated), new("2024-Q2", 31m, MeasurementStatuses.Validated),
             new("2024-Q4", 44m, MeasurementStatuses.Validated), new("2025-Q1", 49m, MeasurementStatuses.Submitted)]),
        new("D3.1.1", "IND-D3.1.1-A", "Temperatura media invernale nelle aule (dato dimostrativo)", "°C", IndicatorDirections.Range, IndicatorFrequencies.Semiannual,
            null, null, [], [new("2023-S2", 22.5m, MeasurementStatuses.Validated), new("2024-S2", 20.4m, MeasurementStatuses.Validated)], 19m, 21m),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var planId = await db.Set<Plan>().Where(p => p.Name == PlanDemo.CurrentName).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is not { } plan || await db.Set<Indicator>().AnyAsync(i => i.PlanId == plan, ct)) return;
        var actions = await db.Set<PlanAction>().Where(a => a.PlanId == plan).ToDictionaryAsync(a => a.Code, ct);
        var submitter = await db.Users.Where(u => u.Email == "settore@metropoli.example").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "demo";
        var reviewer = await db.Users.Where(u => u.Email == "piano@metropoli.example").Select(u => u.Id).SingleOrDefaultAsync(ct) ?? "demo";
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in Indicators)
        {
            if (!actions.TryGetValue(d.ActionCode, out var action)) continue;
            var indicator = new Indicator
            {
                PlanId = plan, ActionId = action.Id, Code = d.Code, Name = d.Name, Unit = d.Unit, Direction = d.Direction, Frequency = d.Frequency,
                BaselineValue = d.Baseline, BaselineYear = d.BaselineYear, LowerBound = d.Lower, UpperBound = d.Upper, OwnerSector = action.OwnerSector,
                Source = "Settore " + action.OwnerSector + " (dato dimostrativo)",
                Description = "Indicatore dimostrativo: valori e obiettivi sono inventati.", UpdatedAt = now,
            };
            db.Add(indicator);
            await db.SaveChangesAsync(ct);
            db.AddRange(d.Targets.Select(t => new IndicatorTarget { IndicatorId = indicator.Id, Year = t.Year, Value = t.Value }));
            foreach (var v in d.Values)
            {
                var reviewed = v.Status is MeasurementStatuses.Validated or MeasurementStatuses.Rejected;
                db.Add(new Measurement
                {
                    IndicatorId = indicator.Id, Period = v.Period, PeriodEnd = Periods.End(d.Frequency, v.Period)!.Value, Value = v.Value,
                    Note = "Dato dimostrativo.", Status = v.Status, SubmittedBy = submitter, SubmittedAt = now,
                    ReviewedBy = reviewed ? reviewer : null, ReviewedAt = reviewed ? now : null, RejectionReason = v.Reason, UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
