using Metropoli.Platform.Time;

namespace Metropoli.Services.Sla;

/// <summary>Where a service-level target stands: working days used, the target, the due date while the clock runs
/// (null while paused or stopped), and whether it was missed.</summary>
public sealed record SlaState(int Elapsed, int Target, bool Running, bool Paused, bool Stopped, DateOnly? Due, bool Breached)
{
    public int Remaining => Target - Elapsed;
}

/// <summary>The service-level clock of a request (docs/adr/0042). It counts working days in Milan
/// (<see cref="WorkingDays"/>) from the request's creation: a working day counts when the clock was running at some point
/// across a civil-date change into that day — precisely, each running stretch [a, b) adds the working days d with
/// date(a) &lt; d ≤ date(b). The clock pauses while the request waits for the Comune and stops at the target's event
/// (the first answer, or the full answer). Breached: more working days used than the target.</summary>
public static class SlaClock
{
    /// <param name="start">When the request was sent (UTC).</param>
    /// <param name="pauses">The stretches waiting for the Comune (UTC; an open one has no end).</param>
    /// <param name="stop">When the target's event happened (UTC), or null.</param>
    /// <param name="now">Now (UTC).</param>
    public static SlaState Measure(DateTime start, IReadOnlyList<(DateTime From, DateTime? To)> pauses, DateTime? stop, DateTime now, int target)
    {
        var end = stop ?? now;
        var elapsed = 0;
        var cursor = start;
        var pausedNow = false;
        foreach (var (from, to) in pauses.OrderBy(p => p.From))
        {
            if (from >= end) break;
            if (from > cursor) elapsed += Days(cursor, from);
            if (to is null || to >= end)
            {
                pausedNow = stop is null && to is null;
                cursor = end;
                break;
            }
            if (to > cursor) cursor = to.Value;
        }
        if (cursor < end) elapsed += Days(cursor, end);
        var stopped = stop is not null;
        var running = !stopped && !pausedNow;
        DateOnly? due = running ? WorkingDays.Add(Date(now), Math.Max(0, target - elapsed)) : null;
        return new SlaState(elapsed, target, running, pausedNow, stopped, due, elapsed > target);
    }

    private static int Days(DateTime from, DateTime to) => WorkingDays.Between(Date(from), Date(to));

    private static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(CivilClock.ToCivil(utc));
}
