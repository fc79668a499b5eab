using Metropoli.Services.Model;
using Metropoli.Services.Procurements;
using Metropoli.Services.Requests;
using Metropoli.Services.Sla;

namespace Metropoli.Tests.Modules.Services;

/// <summary>The service-level clock in working days, the phases of a procedure and the moves of a request, without a database.</summary>
public sealed class ServiceLogicTests
{
    /// <summary>Noon in Milan on a date, as UTC (December: +01:00).</summary>
    private static DateTime Noon(int year, int month, int day) => new DateTime(year, month, day, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Working_days_skip_weekends_and_national_holidays_easter_monday_included()
    {
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 12, 7))); // Monday (Sant'Ambrogio is not a national holiday)
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 12, 8))); // Immacolata
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 12, 12))); // Saturday
        Assert.Equal(new DateOnly(2026, 4, 5), WorkingDays.EasterSunday(2026));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 4, 6))); // Pasquetta
        Assert.Equal(new DateOnly(2025, 4, 20), WorkingDays.EasterSunday(2025));
        // Friday 24 Dec 2027 + 1 working day: Christmas on Saturday, Santo Stefano on Sunday → Monday 27.
        Assert.Equal(new DateOnly(2027, 12, 27), WorkingDays.Add(new DateOnly(2027, 12, 24), 1));
        Assert.Equal(2, WorkingDays.Between(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 9))); // Mon 7, Wed 9
        Assert.Equal(0, WorkingDays.Between(new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 9)));
    }

    [Fact]
    public void The_clock_counts_working_days_and_gives_the_due_date()
    {
        // Sent Monday 30 Nov, target 3 working days; now Wednesday 2 Dec: 2 used, due Thursday 3.
        var s = SlaClock.Measure(Noon(2026, 11, 30), [], null, Noon(2026, 12, 2), 3);
        Assert.Equal(2, s.Elapsed);
        Assert.True(s.Running);
        Assert.Equal(new DateOnly(2026, 12, 3), s.Due);
        Assert.False(s.Breached);
        // Monday 7 Dec: Thu 3, Fri 4, Mon 7 → 5 used of 3: breached.
        var late = SlaClock.Measure(Noon(2026, 11, 30), [], null, Noon(2026, 12, 7), 3);
        Assert.Equal(5, late.Elapsed);
        Assert.True(late.Breached);
    }

    [Fact]
    public void The_clock_pauses_while_waiting_for_the_comune_and_stops_at_the_answer()
    {
        // Sent Mon 30 Nov; waiting from Tue 1 to Fri 4; now Mon 7: 1 (Tue) + 1 (Mon 7) = 2, not 5.
        var pauses = new List<(DateTime, DateTime?)> { (Noon(2026, 12, 1), Noon(2026, 12, 4)) };
        var s = SlaClock.Measure(Noon(2026, 11, 30), pauses, null, Noon(2026, 12, 7), 3);
        Assert.Equal(2, s.Elapsed);
        Assert.False(s.Breached);
        // Still waiting: paused, no due date.
        var waiting = SlaClock.Measure(Noon(2026, 11, 30), [(Noon(2026, 12, 1), null)], null, Noon(2026, 12, 7), 3);
        Assert.True(waiting.Paused);
        Assert.Null(waiting.Due);
        Assert.Equal(1, waiting.Elapsed);
        // Answered on Wed 2: stopped at 2, whatever now is.
        var answered = SlaClock.Measure(Noon(2026, 11, 30), [], Noon(2026, 12, 2), Noon(2026, 12, 30), 3);
        Assert.True(answered.Stopped);
        Assert.Equal(2, answered.Elapsed);
        Assert.False(answered.Breached);
    }

    [Fact]
    public void Pauses_come_from_the_status_history()
    {
        var t0 = Noon(2026, 11, 30);
        ServiceRequestEvent E(int day, string from, string to) => new() { Kind = RequestEventKinds.Status, FromStatus = from, ToStatus = to, At = t0.AddDays(day) };
        var pauses = RequestHandlers.Pauses([E(1, "submitted", "waiting"), E(3, "waiting", "in-progress"), E(5, "in-progress", "answered")]);
        Assert.Equal(new List<(DateTime, DateTime?)> { (t0.AddDays(1), t0.AddDays(3)), (t0.AddDays(5), null) }, pauses);
    }

    [Fact]
    public void Phases_must_follow_their_order_without_gaps_nor_future_dates()
    {
        var today = new DateOnly(2026, 12, 7);
        DateOnly? D(int m, int d) => new DateOnly(2026, m, d);
        Assert.Empty(ProcurementPhases.Validate([D(9, 1), D(9, 10), D(10, 1), D(11, 1), null, null], today));
        Assert.Equal(ProcurementPhases.BidsReceived, ProcurementPhases.Current([D(9, 1), D(9, 10), D(10, 1), D(11, 1), null, null]));
        var before = ProcurementPhases.Validate([D(9, 1), D(9, 10), D(9, 5), null, null, null], today);
        Assert.Equal(new[] { "publishedOn" }, before.Keys);
        var gap = ProcurementPhases.Validate([D(9, 1), null, D(10, 1), null, null, null], today);
        Assert.Equal(new[] { "publishedOn" }, gap.Keys);
        var future = ProcurementPhases.Validate([D(9, 1), D(12, 20), null, null, null, null], today);
        Assert.Equal(new[] { "decisionOn" }, future.Keys);
        Assert.Equal(new[] { "requestedOn" }, ProcurementPhases.Validate([null, null, null, null, null, null], today).Keys);
    }

    [Fact]
    public void Only_the_office_answers_and_only_the_comune_cannot_ask_itself_for_information()
    {
        Assert.Null(RequestTransitions.Check("submitted", "in-progress", RequestSides.Office));
        Assert.NotNull(RequestTransitions.Check("submitted", "in-progress", RequestSides.Comune));
        Assert.NotNull(RequestTransitions.Check("in-progress", "answered", RequestSides.Comune));
        Assert.Null(RequestTransitions.Check("answered", "closed", RequestSides.Comune));
        Assert.Null(RequestTransitions.Check("waiting", "in-progress", RequestSides.Comune));
        Assert.NotNull(RequestTransitions.Check("closed", "in-progress", RequestSides.Office));
        Assert.Equal(new[] { "in-progress", "waiting", "answered", "closed" }, RequestTransitions.Next("submitted", RequestSides.Office));
    }
}
