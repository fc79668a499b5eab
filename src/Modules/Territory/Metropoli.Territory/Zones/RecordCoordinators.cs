using Metropoli.Territory.Model;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Zones;

/// <summary>Writes down the coordinator of the term in course, with the mayor's name, so that the
/// history of coordinators survives later edits of mayors, members or the order. Only terms that
/// started after the rotation was last configured are recorded: earlier ones are a reconstruction
/// from today's data, and freezing them while an administrator is still entering mayors would fix
/// mistakes into the history.</summary>
public static class RecordCoordinators
{
    /// <summary>Adds the record to <paramref name="db"/> without saving; returns whether it added one.</summary>
    public static async Task<bool> AddStartedTermAsync(AppDbContext db, string zoneCode, DateOnly today, string setBy, DateTime now, CancellationToken ct)
    {
        var data = await RotationData.LoadAsync(db, zoneCode, ct);
        if (data.Plan is not { } plan || data.Rotation is not { } rotation) return false;
        var k = CoordinatorRotation.PeriodIndex(plan, today);
        if (k < 0) return false;
        var turn = CoordinatorRotation.Turns(plan, data.RecordedTerms, data.Eligible, k)[k];
        if (turn.Recorded || turn.IstatCode is not { } istat || turn.From <= CivilClock.DayOf(rotation.UpdatedAt)) return false;
        db.Add(new CoordinatorTerm
        {
            ZoneCode = zoneCode,
            IstatCode = istat,
            MayorName = data.MayorOn(istat, turn.From) ?? "",
            TermStart = turn.From,
            TermEnd = turn.To,
            SetBy = setBy,
            CreatedAt = now,
        });
        return true;
    }
}

/// <summary>Records each zone's coordinator when a new term starts (see <see cref="RecordCoordinators"/>).</summary>
public sealed class CoordinatorHistoryJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "territory-coordinator-history";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:CoordinatorHistorySeconds", 3600d));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var today = CivilClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = false;
        foreach (var zone in await db.Set<ZoneRotation>().AsNoTracking().Select(r => r.ZoneCode).ToListAsync(ct))
        {
            added |= await RecordCoordinators.AddStartedTermAsync(db, zone, today, CurrentUser.SystemName, now, ct);
        }
        if (added)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
