using System.Globalization;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>Indicators (nine in ten on actions, the rest on objectives) with a baseline and a target for
/// each year of their plan, and their measurement history: one value per period from a start year chosen
/// so that the total hits the profile's count; mostly validated, the last months still to validate, a few
/// rejected and resubmitted or superseded by a later value.</summary>
public sealed class IndicatorsGenerator(ScaleWorld w)
{
    private static readonly (string Frequency, double Weight, int PerYear)[] Frequencies =
    [
        (IndicatorFrequencies.Monthly, 50, 12), (IndicatorFrequencies.Quarterly, 25, 4),
        (IndicatorFrequencies.Semiannual, 10, 2), (IndicatorFrequencies.Annual, 15, 1),
    ];

    private static readonly (string Name, string Unit)[] Measures =
    [
        ("Chilometri di piste ciclabili realizzati", "km"), ("Passeggeri del trasporto pubblico", "milioni"),
        ("Edifici scolastici riqualificati", "n."), ("Concentrazione media di PM10", "µg/m³"), ("Servizi online attivati", "n."),
        ("Alloggi sociali assegnati", "n."), ("Tempo medio di rilascio delle autorizzazioni", "giorni"),
        ("Persone avviate al lavoro", "n."), ("Superficie di verde pubblico", "ettari"), ("Emissioni di CO2", "kt"),
        ("Comuni aderenti", "%"), ("Perdite della rete idrica", "%"),
    ];

    public List<Indicator> Indicators { get; } = [];
    public List<IndicatorTarget> Targets { get; } = [];

    public void Generate(long firstId)
    {
        var r = w.Random;
        var frequencies = new Randomness.Weighted<(string Frequency, double Weight, int PerYear)>(Frequencies, Frequencies.Select(f => f.Weight));
        var current = w.CurrentPlan;
        // The old plans keep a small share of the indicators, as of the actions.
        var allActions = w.Plans.SelectMany(p => p.Actions).ToList();
        var actionPick = new Randomness.Weighted<ScaleWorld.ActionInfo>(allActions, allActions.Select(a => a.PlanId == current.Id ? 1.0 : 0.5));
        var codes = new Dictionary<long, int>();
        var total = w.Profile.Indicators;
        for (var i = 0; i < total; i++)
        {
            ScaleWorld.ActionInfo? action = i < current.Actions.Count ? current.Actions[i] : r.Chance(0.9) ? actionPick.Next(r) : null;
            var planId = action?.PlanId ?? current.Id;
            var plan = w.Plans.Single(p => p.Id == planId);
            long? objective = action is null ? r.Pick(plan.Objectives) : null;
            var n = codes[planId] = codes.GetValueOrDefault(planId) + 1;
            var f = frequencies.Next(r);
            var (name, unit) = r.Pick(Measures);
            var direction = r.Double() switch { < 0.6 => IndicatorDirections.Increase, < 0.9 => IndicatorDirections.Decrease, _ => IndicatorDirections.Range };
            var baseline = Math.Round((decimal)(50 + r.Double() * 5000), 2);
            var baselineYear = plan.StartYear - 1;
            var sector = action?.Sector ?? w.SectorPick.Next(r);
            var indicator = new Indicator
            {
                Id = firstId + i, PlanId = planId, ActionId = action?.Id, ObjectiveId = objective,
                Code = string.Create(CultureInfo.InvariantCulture, $"IND-{n:00000}"), Name = name, Unit = unit,
                Description = "Indicatore generato per le prove di carico.", Direction = direction,
                LowerBound = direction == IndicatorDirections.Range ? Math.Round(baseline * 0.9m, 2) : null,
                UpperBound = direction == IndicatorDirections.Range ? Math.Round(baseline * 1.1m, 2) : null,
                BaselineValue = baseline, BaselineYear = baselineYear, Source = r.Chance(0.5) ? "ISTAT" : "Sistema informativo metropolitano",
                Frequency = f.Frequency, OwnerSector = sector, UpdatedAt = w.Now, Version = 1,
            };
            Indicators.Add(indicator);
            w.Indicators.Add(new ScaleWorld.IndicatorInfo(indicator.Id, planId, indicator.Code, f.Frequency, sector, direction, baseline, baselineYear));
            for (var y = plan.StartYear; y <= plan.EndYear; y++)
            {
                Targets.Add(new IndicatorTarget { IndicatorId = indicator.Id, Year = y, Value = Trend(direction, baseline, y - baselineYear) });
            }
        }
    }

    /// <summary>Where the indicator should be after <paramref name="years"/>: 6% a year up or down, flat for a range.</summary>
    private static decimal Trend(string direction, decimal baseline, double years) => Math.Round(direction switch
    {
        IndicatorDirections.Increase => baseline * (decimal)(1 + 0.06 * years),
        IndicatorDirections.Decrease => baseline * (decimal)Math.Max(0.2, 1 - 0.05 * years),
        _ => baseline,
    }, 4);

    /// <summary>Every period key of a frequency whose period has ended by <paramref name="until"/>, oldest first.</summary>
    public static IEnumerable<(string Period, DateOnly End)> PeriodsOf(string frequency, int fromYear, DateOnly until)
    {
        for (var y = fromYear; y <= until.Year; y++)
        {
            var keys = frequency switch
            {
                IndicatorFrequencies.Monthly => Enumerable.Range(1, 12).Select(m => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}")),
                IndicatorFrequencies.Quarterly => Enumerable.Range(1, 4).Select(q => string.Create(CultureInfo.InvariantCulture, $"{y}-Q{q}")),
                IndicatorFrequencies.Semiannual => Enumerable.Range(1, 2).Select(h => string.Create(CultureInfo.InvariantCulture, $"{y}-S{h}")),
                _ => [y.ToString(CultureInfo.InvariantCulture)],
            };
            foreach (var key in keys)
            {
                var end = Periods.End(frequency, key)!.Value;
                if (end <= until) yield return (key, end);
            }
        }
    }

    /// <summary>The measurements, streamed (they are not kept in memory). Keys from <paramref name="firstId"/>.</summary>
    public IEnumerable<Measurement> Measurements(long firstId)
    {
        var r = w.Random;
        var target = w.Profile.Measurements;
        // History from a start year between 2008 and 2018, then trimmed in proportion so that the rows
        // (about 1.05 per period, counting rejections and superseded values) add up to the target.
        var starts = w.Indicators.Select(_ => r.Int(2008, 2019)).ToArray();
        var available = w.Indicators.Select((x, i) => PeriodsOf(x.Frequency, starts[i], w.Today).Count()).ToArray();
        var scale = Math.Min(1.0, target / (available.Sum() * 1.05));
        var id = firstId;
        var recent = w.Today.AddMonths(-3);
        long emitted = 0;
        for (var i = 0; i < w.Indicators.Count && emitted < target; i++)
        {
            var ind = w.Indicators[i];
            var take = Math.Max(1, (int)Math.Round(available[i] * scale));
            var periods = PeriodsOf(ind.Frequency, starts[i], w.Today).ToList();
            foreach (var (period, end) in periods.Skip(Math.Max(0, periods.Count - take)))
            {
                if (emitted >= target) break;
                var years = end.DayNumber / 365.25 - new DateOnly(ind.BaselineYear, 12, 31).DayNumber / 365.25;
                var value = Math.Round(Trend(ind.Direction, ind.Baseline, years) * (decimal)(0.9 + r.Double() * 0.2), 2);
                var officer = w.OfficerFor(ind.Sector);
                var submitted = r.Time(end.AddDays(r.Int(5, 40)));
                if (end >= recent && r.Chance(0.6))
                {
                    yield return Row(id++, ind, period, end, value, MeasurementStatuses.Submitted, officer.Id, submitted, null, null, null);
                    emitted++;
                    continue;
                }
                var reviewer = r.Pick(w.PlanOffice);
                var roll = r.Double();
                if (roll < 0.04)
                {
                    yield return Row(id++, ind, period, end, value * 10, MeasurementStatuses.Rejected, officer.Id, submitted, reviewer.Id, submitted.AddDays(3),
                        "Valore fuori scala: verificare l'unità di misura.");
                    submitted = submitted.AddDays(7);
                    emitted++;
                }
                else if (roll < 0.07)
                {
                    yield return Row(id++, ind, period, end, Math.Round(value * 0.97m, 2), MeasurementStatuses.Superseded, officer.Id, submitted, reviewer.Id, submitted.AddDays(2), null);
                    submitted = submitted.AddDays(60);
                    emitted++;
                }
                yield return Row(id++, ind, period, end, value, MeasurementStatuses.Validated, officer.Id, submitted, reviewer.Id, submitted.AddDays(r.Int(1, 20)), null);
                emitted++;
            }
        }
        w.FirstMeasurementId = firstId;
        w.LastMeasurementId = id - 1;
    }

    private static Measurement Row(long id, ScaleWorld.IndicatorInfo ind, string period, DateOnly end, decimal value, string status,
        string submittedBy, DateTime submittedAt, string? reviewedBy, DateTime? reviewedAt, string? reason) => new()
    {
        Id = id, IndicatorId = ind.Id, Period = period, PeriodEnd = end, Value = value, Status = status,
        Note = status == MeasurementStatuses.Submitted ? "Dato provvisorio (generato)." : null,
        SubmittedBy = submittedBy, SubmittedAt = submittedAt, ReviewedBy = reviewedBy, ReviewedAt = reviewedAt, RejectionReason = reason,
        UpdatedAt = reviewedAt ?? submittedAt, Version = 1,
    };
}
