namespace Metropoli.Territory.Zones;

/// <summary>A zone's rotation: terms of <see cref="TermMonths"/> months from <see cref="StartDate"/>,
/// taken in turn by the Comuni of <see cref="Order"/> (ISTAT codes).</summary>
public sealed record RotationPlan(DateOnly StartDate, int TermMonths, IReadOnlyList<string> Order);

/// <summary>A coordinator already recorded: a term written down when it started, or an override.
/// <see cref="Sequence"/> orders them by creation (a later override wins over an earlier one).</summary>
public sealed record RecordedTerm(string IstatCode, DateOnly From, DateOnly To, bool IsOverride, string? Reason, long Sequence);

/// <summary>Who coordinates from <see cref="From"/> to <see cref="To"/> (both inclusive).
/// <see cref="IstatCode"/> is null when no Comune of the order could take the turn.</summary>
public sealed record CoordinatorSpan(string? IstatCode, DateOnly From, DateOnly To, bool IsOverride, string? Reason, bool Recorded);

public sealed record CoordinatorSchedule(CoordinatorSpan? Current, CoordinatorSpan? Next, IReadOnlyList<CoordinatorSpan> Past);

/// <summary>The rotation of zone coordinators as a pure function of the plan, what has been recorded,
/// and who is eligible on a day (a member of the zone with a mayor in office).
/// <list type="bullet">
/// <item>Term k runs from StartDate + k·TermMonths months to the day before term k+1 starts
/// (months are added to the start date each time, so month ends do not drift).</item>
/// <item>Each term goes to the next Comune in the order after the previous term's holder, wrapping
/// around; a Comune not eligible on the term's first day is skipped for that turn.</item>
/// <item>A recorded (non-override) term that covers a term's first day decides that term's holder,
/// and the order continues after it: the past stays as it was recorded even if mayors or members
/// were edited later.</item>
/// <item>An override wins for its own days only and does not move the order.</item>
/// </list></summary>
public static class CoordinatorRotation
{
    public static (DateOnly From, DateOnly To) Period(RotationPlan plan, int k) =>
        (plan.StartDate.AddMonths(k * plan.TermMonths), plan.StartDate.AddMonths((k + 1) * plan.TermMonths).AddDays(-1));

    /// <summary>The index of the term that contains <paramref name="day"/>, or -1 before the start.</summary>
    public static int PeriodIndex(RotationPlan plan, DateOnly day)
    {
        if (day < plan.StartDate)
        {
            return -1;
        }
        var months = (day.Year - plan.StartDate.Year) * 12 + day.Month - plan.StartDate.Month;
        var k = Math.Max(0, months / plan.TermMonths);
        while (k > 0 && Period(plan, k).From > day) k--;
        while (Period(plan, k + 1).From <= day) k++;
        return k;
    }

    /// <summary>The holder of every term from the first to <paramref name="last"/>, in order.</summary>
    public static IReadOnlyList<CoordinatorSpan> Turns(RotationPlan plan, IReadOnlyList<RecordedTerm> recorded,
        Func<string, DateOnly, bool> eligible, int last)
    {
        var turns = new List<CoordinatorSpan>(Math.Max(0, last + 1));
        var pointer = -1;
        for (var k = 0; k <= last; k++)
        {
            var (from, to) = Period(plan, k);
            var served = recorded.Where(r => !r.IsOverride && r.From <= from && r.To >= from).MaxBy(r => r.Sequence);
            if (served is not null)
            {
                var at = IndexOf(plan.Order, served.IstatCode);
                if (at >= 0) pointer = at;
                turns.Add(new CoordinatorSpan(served.IstatCode, from, to, false, null, Recorded: true));
                continue;
            }
            string? holder = null;
            for (var step = 1; step <= plan.Order.Count; step++)
            {
                var candidate = (pointer + step) % plan.Order.Count;
                if (eligible(plan.Order[candidate], from))
                {
                    holder = plan.Order[candidate];
                    pointer = candidate;
                    break;
                }
            }
            turns.Add(new CoordinatorSpan(holder, from, to, false, null, Recorded: false));
        }
        return turns;
    }

    /// <summary>The coordinator on <paramref name="day"/>, the next one, and the earlier ones (newest first).</summary>
    public static CoordinatorSchedule Resolve(RotationPlan? plan, IReadOnlyList<RecordedTerm> recorded,
        Func<string, DateOnly, bool> eligible, DateOnly day)
    {
        var k = plan is null ? -1 : PeriodIndex(plan, day);
        var turns = plan is null ? [] : Turns(plan, recorded, eligible, k + 1);

        CoordinatorSpan? current = Covering(recorded, day, isOverride: true) ?? Covering(recorded, day, isOverride: false)
            ?? (k >= 0 ? turns[k] : null);
        CoordinatorSpan? next = null;
        if (plan is not null)
        {
            var turn = turns[k + 1];
            next = Covering(recorded, turn.From, isOverride: true) ?? turn;
        }

        // Everything that started before the current coordinator did, cut at the day before it started.
        var cut = current?.From ?? day;
        var past = new List<CoordinatorSpan>();
        foreach (var r in recorded.Where(r => r.From < cut))
        {
            past.Add(new CoordinatorSpan(r.IstatCode, r.From, Min(r.To, cut.AddDays(-1)), r.IsOverride, r.Reason, Recorded: true));
        }
        foreach (var t in turns.Take(Math.Max(0, k + 1)))
        {
            // Recorded turns are listed from the records above, with their own dates.
            if (!t.Recorded && t.IstatCode is not null && t.From < cut)
            {
                past.Add(t with { To = Min(t.To, cut.AddDays(-1)) });
            }
        }
        return new CoordinatorSchedule(current, next,
            past.OrderByDescending(p => p.From).ThenByDescending(p => p.IsOverride).ToList());
    }

    private static CoordinatorSpan? Covering(IReadOnlyList<RecordedTerm> recorded, DateOnly day, bool isOverride) =>
        recorded.Where(r => r.IsOverride == isOverride && r.From <= day && r.To >= day).MaxBy(r => r.Sequence) is { } r
            ? new CoordinatorSpan(r.IstatCode, r.From, r.To, r.IsOverride, r.Reason, Recorded: true)
            : null;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static int IndexOf(IReadOnlyList<string> order, string istatCode)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == istatCode) return i;
        }
        return -1;
    }
}
