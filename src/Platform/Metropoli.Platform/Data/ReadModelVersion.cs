using System.Collections.Concurrent;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Data;

/// <summary>A set of modules whose data computed read models are made of; a <see cref="ReadCache"/> value names
/// those it depends on, so that a change in one (an agreement expiring) leaves the others' values (a plan's
/// dashboard) alone. A module's key is <see cref="Of"/> its name: one bit each, given out on first use.</summary>
public readonly record struct ReadModels(ulong Bits)
{
    private static readonly ConcurrentDictionary<string, ulong> Assigned = new(StringComparer.Ordinal);
    private static int next;

    public static readonly ReadModels None = new(0);
    public static readonly ReadModels All = new(ulong.MaxValue);

    /// <summary>The key of the module named <paramref name="module"/> (its <see cref="IMetropoliModule.Name"/>).</summary>
    public static ReadModels Of(string module) => new(Assigned.GetOrAdd(module, _ =>
    {
        var bit = Interlocked.Increment(ref next) - 1;
        return bit < 64 ? 1UL << bit : throw new InvalidOperationException("More than 64 modules with read models.");
    }));

    public static ReadModels operator |(ReadModels a, ReadModels b) => new(a.Bits | b.Bits);

    public bool Overlaps(ReadModels other) => (Bits & other.Bits) != 0;
}

/// <summary>Counters that move forward whenever this instance saves a change to a module's data
/// (<see cref="ReadModels"/>): cached values that depend on it are dropped at the next read instead of waiting
/// for their age limit. Writes made elsewhere (another instance, a command-line import) are found by the
/// cache's audit-head check after its age limit; see docs/adr/0017-dashboard-read-model.md and 0021-read-cache.md.</summary>
public sealed class ReadModelVersion
{
    private readonly long[] counters = new long[64];

    /// <summary>A number that changes whenever one of <paramref name="parts"/> changes (a sum of counters
    /// that only grow).</summary>
    public long Current(ReadModels parts)
    {
        long sum = 0;
        for (var i = 0; i < counters.Length; i++)
        {
            if ((parts.Bits & (1UL << i)) != 0) sum += Volatile.Read(ref counters[i]);
        }
        return sum;
    }

    public void Bump(ReadModels parts)
    {
        for (var i = 0; i < counters.Length; i++)
        {
            if ((parts.Bits & (1UL << i)) != 0) Interlocked.Increment(ref counters[i]);
        }
    }

    public void BumpAll() => Bump(ReadModels.All);

    /// <summary>The module of an entity type; None for the platform's own (users, jobs, notifications), which no
    /// read model shows.</summary>
    public static ReadModels ModuleOf(Type type) => ModuleCatalog.ReadModelOf(type);

    /// <summary>The modules the pending changes touch: any entity of theirs that its module says changes what
    /// its read models show (<see cref="IMetropoliModule.ChangesReadModels"/>).</summary>
    public static ReadModels Touches(ChangeTracker tracker)
    {
        var touched = ReadModels.None;
        foreach (var e in tracker.Entries())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var type = e.Metadata.ClrType;
            var module = ModuleOf(type);
            if (module == ReadModels.None || touched.Overlaps(module)) continue;
            if (!ModuleCatalog.ChangesReadModels(type, e)) continue;
            touched |= module;
        }
        return touched;
    }
}
