using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Web.Platform.Data;

/// <summary>The modules whose data computed read models are made of; a <see cref="ReadCache"/> value names
/// those it depends on, so that a change in one (an agreement expiring) leaves the others' values (a plan's
/// dashboard) alone.</summary>
[Flags]
public enum ReadModels
{
    None = 0,
    Plan = 1,
    Territory = 2,
    Agreements = 4,
    All = Plan | Territory | Agreements,
}

/// <summary>Counters that move forward whenever this instance saves a change to a module's data
/// (<see cref="ReadModels"/>): cached values that depend on it are dropped at the next read instead of waiting
/// for their age limit. Writes made elsewhere (another instance, a command-line import) are found by the
/// cache's audit-head check after its age limit; see docs/adr/0017-dashboard-read-model.md and 0021-read-cache.md.</summary>
public sealed class ReadModelVersion
{
    private readonly long[] counters = new long[3];

    /// <summary>A number that changes whenever one of <paramref name="parts"/> changes (a sum of counters
    /// that only grow).</summary>
    public long Current(ReadModels parts)
    {
        long sum = 0;
        for (var i = 0; i < counters.Length; i++)
        {
            if (((int)parts & (1 << i)) != 0) sum += Volatile.Read(ref counters[i]);
        }
        return sum;
    }

    public void Bump(ReadModels parts = ReadModels.All)
    {
        for (var i = 0; i < counters.Length; i++)
        {
            if (((int)parts & (1 << i)) != 0) Interlocked.Increment(ref counters[i]);
        }
    }

    /// <summary>The module of an entity type, by its namespace; None for the platform's own (users, jobs,
    /// notifications), which no read model shows.</summary>
    public static ReadModels ModuleOf(Type type)
    {
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Metropoli.Web.Modules.StrategicPlan", StringComparison.Ordinal) ? ReadModels.Plan
            : ns.StartsWith("Metropoli.Web.Modules.Territory", StringComparison.Ordinal) ? ReadModels.Territory
            : ns.StartsWith("Metropoli.Web.Modules.Agreements", StringComparison.Ordinal) ? ReadModels.Agreements
            : ReadModels.None;
    }

    /// <summary>The modules the pending changes touch: any entity of theirs, except a measurement that neither
    /// is nor was validated (a submission or a rejection changes no public figure).</summary>
    public static ReadModels Touches(ChangeTracker tracker)
    {
        var touched = ReadModels.None;
        foreach (var e in tracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var module = ModuleOf(e.Metadata.ClrType);
            if (module == ReadModels.None || (touched & module) != 0) continue;
            if (e.Entity is Modules.StrategicPlan.Model.Measurement m)
            {
                var was = e.State == EntityState.Added ? null : e.Property(nameof(m.Status)).OriginalValue as string;
                if (m.Status != Modules.StrategicPlan.Model.MeasurementStatuses.Validated
                    && was != Modules.StrategicPlan.Model.MeasurementStatuses.Validated) continue;
            }
            touched |= module;
        }
        return touched;
    }
}
