using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Web.Platform.Data;

/// <summary>A counter that moves forward whenever this instance saves a change that can alter a computed
/// read model (<see cref="ReadCache"/>: the plan dashboards, the agreements of a territory, the maps):
/// cached values are dropped at the next read instead of waiting for their age limit. Writes made elsewhere (another instance, bulk SQL) are covered by the caches' short
/// age limit, not by this counter; see docs/adr/0017-dashboard-read-model.md.</summary>
public sealed class ReadModelVersion
{
    private long value;

    public long Current => Volatile.Read(ref value);

    public void Bump() => Interlocked.Increment(ref value);

    /// <summary>True when the pending changes touch the plan, the territory or the agreements: anything but a
    /// measurement that neither is nor was validated (a submission or a rejection changes no public figure).</summary>
    public static bool Touches(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var ns = e.Metadata.ClrType.Namespace ?? "";
            if (!ns.StartsWith("Metropoli.Web.Modules.StrategicPlan", StringComparison.Ordinal)
                && !ns.StartsWith("Metropoli.Web.Modules.Territory", StringComparison.Ordinal)
                && !ns.StartsWith("Metropoli.Web.Modules.Agreements", StringComparison.Ordinal)) continue;
            if (e.Entity is Modules.StrategicPlan.Model.Measurement m)
            {
                var was = e.State == EntityState.Added ? null : e.Property(nameof(m.Status)).OriginalValue as string;
                if (m.Status != Modules.StrategicPlan.Model.MeasurementStatuses.Validated
                    && was != Modules.StrategicPlan.Model.MeasurementStatuses.Validated) continue;
            }
            return true;
        }
        return false;
    }
}
