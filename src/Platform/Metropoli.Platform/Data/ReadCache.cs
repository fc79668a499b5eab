using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Data;

/// <summary>Computed read models shared by every reader: a plan's dashboard figures, the agreements that
/// concern a Comune, a zone's map. A value is served as it is while this instance has saved no change that
/// can alter it (<see cref="ReadModelVersion"/>) and it is at most <see cref="MaxAge"/> old. Past that age the
/// first reader checks whether anything it depends on changed anywhere (another instance, a command-line
/// import): the audit head's sequence moves, in the writer's own transaction, with every audited change, and
/// the entries since the last check name the entity types changed; if none is of a module the value depends
/// on (<see cref="ReadModels"/>) it is kept for another <see cref="MaxAge"/>, otherwise it is recomputed (and in any case once
/// it was computed <see cref="MaxTrusted"/> ago, for a change made by SQL outside the application). After a change
/// saved here every reader waits for the recomputation, while after the age limit alone readers get the
/// previous value meanwhile (if less than <see cref="MaxStale"/> old): never more than one check or
/// computation per key at a time. A key names everything the value depends on, the viewer's class included
/// (for example "public", or the Comune of a municipality officer), so a value never reaches a reader who may
/// not see it. Why and how stale it may be: docs/adr/0017-dashboard-read-model.md and 0021-read-cache.md.</summary>
public sealed class ReadCache(IServiceScopeFactory scopes, ReadModelVersion version, TimeProvider clock)
{
    /// <summary>How long a computed value is served without asking whether it changed elsewhere.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    /// <summary>How long an unchanged audit head is trusted: past this a value is computed again even if no
    /// audited change happened, which bounds the staleness after a change made outside the application.</summary>
    public static readonly TimeSpan MaxTrusted = TimeSpan.FromSeconds(30);

    /// <summary>The oldest value served while its recomputation runs. Normally a recomputation takes a
    /// fraction of a second, so values are under a second old; when the machine is overloaded and one takes
    /// longer, readers keep the previous value (rather than all waiting, which collapsed throughput at 64
    /// connections in the benchmark) up to this limit.</summary>
    public static readonly TimeSpan MaxStale = TimeSpan.FromSeconds(5);

    /// <summary>Keys come partly from URLs: past this many entries the cache starts again, so that made-up
    /// ids cannot grow it without bound.</summary>
    public const int MaxEntries = 2_000;

    /// <summary>A value computed at <see cref="ComputedAt"/> and last found unchanged at <see cref="Stamp"/>, under
    /// <see cref="Version"/>, from data read when the audit head was at <see cref="Sequence"/>.</summary>
    private sealed record Computed(long Version, long Stamp, long ComputedAt, long Sequence, object? Value);

    /// <summary>The module of each audited entity type name (audit entries name the CLR type), from the model.</summary>
    private IReadOnlyDictionary<string, ReadModels>? modules;

    /// <summary>Beyond this many audit entries since the last check, the value is computed again without
    /// reading which types they name.</summary>
    private const int MaxEntriesRead = 10_000;

    /// <summary>Values derived from one cached value (a filter's projection, its JSON) kept beside it.</summary>
    public const int MaxDerived = 200;

    private readonly ConcurrentDictionary<string, Computed> computed = new(StringComparer.Ordinal);
    /// <summary>A computation in flight, started by a reader that had seen <see cref="Version"/>.</summary>
    private sealed record Run(long Version, Lazy<Task<object?>> Task);

    private readonly ConcurrentDictionary<string, Run> running = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<object>>> derived = new();

    /// <summary>A value computed from a cached one (<paramref name="source"/>, as returned by
    /// <see cref="GetAsync"/>) and <paramref name="key"/> alone, in memory: computed once per source and key
    /// (readers arriving meanwhile wait for that one computation: a new source is read by every connection at
    /// once, and its derived values, such as a 1 MB JSON, were computed by each of them) and dropped with the
    /// source, so it is never older than the source. At most <see cref="MaxDerived"/> are kept per source (keys
    /// come from query strings); past that they are computed on every call.</summary>
    public TDerived Derive<TSource, TDerived>(TSource source, string key, Func<TSource, TDerived> derive)
        where TSource : class where TDerived : notnull
    {
        var memo = derived.GetValue(source, _ => new ConcurrentDictionary<string, Lazy<object>>(StringComparer.Ordinal));
        if (memo.TryGetValue(key, out var hit)) return (TDerived)hit.Value;
        if (memo.Count >= MaxDerived) return derive(source);
        return (TDerived)memo.GetOrAdd(key, _ => new Lazy<object>(() => derive(source))).Value;
    }

    private long ids;

    /// <summary>The key of a list's cached page (or ids): its kind, the viewer's class and the parameters as JSON,
    /// every value quoted, so that no two sets of parameters make one key.</summary>
    public static string ListKey(string kind, string viewer, object parameters) =>
        $"{kind}:{viewer}:{System.Text.Json.JsonSerializer.Serialize(parameters)}";

    /// <summary>A number naming this cached value (or a value derived from one) and no other, for as long as it
    /// lives: the key of its rendered HTML in a page's <c>&lt;cache vary-by&gt;</c>, which therefore changes
    /// whenever the value is computed again.</summary>
    public long IdOf(object source) => Derive(source, "id", _ => (object)Interlocked.Increment(ref ids)) is long id ? id : 0;

    /// <summary>The value under <paramref name="key"/>, computed by <paramref name="compute"/> with a
    /// database context of its own when missing or out of date. The key must name the value's type too
    /// (one key, one kind of value).</summary>
    public async Task<T> GetAsync<T>(string key, ReadModels dependsOn, Func<AppDbContext, CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var current = version.Current(dependsOn);
        if (computed.TryGetValue(key, out var done))
        {
            var age = clock.GetElapsedTime(done.Stamp);
            if (done.Version == current && age <= MaxAge)
            {
                Observability.MetropoliMetrics.CacheHits.Add(1);
                return (T)done.Value!;
            }
            Observability.MetropoliMetrics.CacheMisses.Add(1);
            var refresh = Recompute(key, current, dependsOn, compute, done);
            // A change this instance saved is never hidden: wait for a value that includes it. Only the age
            // limit (changes elsewhere, if any) lets a reader have the previous value meanwhile.
            if (done.Version == current && age <= MaxStale) return (T)done.Value!;
            return (T)(await refresh.WaitAsync(ct))!;
        }
        Observability.MetropoliMetrics.CacheMisses.Add(1);
        return (T)(await Recompute(key, current, dependsOn, compute, null).WaitAsync(ct))!;
    }

    /// <summary>The computation a reader who has seen <paramref name="current"/> may take: one in flight if it was
    /// started under that version (or a later one), else a new one once an older one in flight has ended, since
    /// an older one may have read the data before the change this reader must see.</summary>
    private Task<object?> Recompute<T>(string key, long current, ReadModels dependsOn, Func<AppDbContext, CancellationToken, Task<T>> compute, Computed? previous)
    {
        while (true)
        {
            if (running.TryGetValue(key, out var inFlight))
            {
                if (inFlight.Version >= current) return inFlight.Task.Value;
                return AfterAsync(inFlight.Task.Value);
            }
            Run? mine = null;
            mine = new Run(current, new Lazy<Task<object?>>(() => RunAsync(key, current, dependsOn, compute, previous, mine!)));
            if (running.TryAdd(key, mine)) return mine.Task.Value;
        }

        async Task<object?> AfterAsync(Task<object?> older)
        {
            try { await older; } catch { /* its readers see its failure; this one computes again */ }
            return await Recompute(key, current, dependsOn, compute, null);
        }
    }

    private async Task<object?> RunAsync<T>(string key, long current, ReadModels dependsOn, Func<AppDbContext, CancellationToken, Task<T>> compute, Computed? previous, Run self)
    {
        await Task.Yield();
        var stamp = clock.GetTimestamp();
        try
        {
            // Its own scope and no caller's token: the result serves every reader, not only the first.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The sequence before the data: a change committed in between is in the value and moves the
            // sequence, so it costs one more computation at the next check, never a stale value.
            var sequence = await db.Set<Audit.AuditHead>().AsNoTracking().Where(h => h.Id == 1).Select(h => h.Sequence).SingleOrDefaultAsync();
            if (previous is not null && previous.Version == current && clock.GetElapsedTime(previous.ComputedAt) < MaxTrusted
                && (previous.Sequence == sequence || !await ChangedAsync(db, previous.Sequence, sequence, dependsOn)))
            {
                computed[key] = previous with { Stamp = stamp, Sequence = sequence };
                return previous.Value;
            }
            object? value = await compute(db, CancellationToken.None);
            if (computed.Count >= MaxEntries) computed.Clear();
            computed[key] = new Computed(current, stamp, stamp, sequence, value);
            return value;
        }
        finally
        {
            running.TryRemove(new KeyValuePair<string, Run>(key, self));
        }
    }

    /// <summary>Whether an audit entry after <paramref name="from"/> (up to <paramref name="to"/>) names an entity
    /// of <paramref name="dependsOn"/>; a name the model does not know (a summary entry such as an import's) counts.</summary>
    private async Task<bool> ChangedAsync(AppDbContext db, long from, long to, ReadModels dependsOn)
    {
        if (to - from > MaxEntriesRead) return true;
        modules ??= db.Model.GetEntityTypes().GroupBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(ReadModels.None, (m, t) => m | ReadModelVersion.ModuleOf(t.ClrType)), StringComparer.Ordinal);
        var types = await db.Set<Audit.AuditEntry>().AsNoTracking().Where(e => e.Sequence > from && e.Sequence <= to)
            .Select(e => e.EntityType).Distinct().ToListAsync();
        return types.Any(t => (modules.TryGetValue(t, out var m) ? m : ReadModels.All) is var module && module.Overlaps(dependsOn));
    }
}
