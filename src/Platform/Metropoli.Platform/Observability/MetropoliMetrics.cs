using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Metropoli.Platform.Observability;

/// <summary>The application's own instruments (meter <c>Metropoli</c>, activity source <c>Metropoli</c>): job lag and
/// runs, outbox backlog, read-cache hits and misses. They cost nothing when nobody listens; OpenTelemetry exports them
/// when configured (<see cref="ObservabilitySetup"/>, docs/adr/0040).</summary>
public static class MetropoliMetrics
{
    public const string Name = "Metropoli";

    public static readonly Meter Meter = new(Name, "1.0");
    public static readonly ActivitySource Activities = new(Name, "1.0");

    /// <summary>Seconds between when a job occurrence was due and when it started.</summary>
    public static readonly Histogram<double> JobLag = Meter.CreateHistogram<double>(
        "metropoli.jobs.lag", unit: "s", description: "Ritardo tra la scadenza di un job e il suo avvio");

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "metropoli.jobs.runs", unit: "{run}", description: "Esecuzioni dei job, per nome ed esito");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "metropoli.jobs.duration", unit: "s", description: "Durata delle esecuzioni dei job");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "metropoli.read_cache.hits", unit: "{read}", description: "Letture servite dalla cache dei modelli di lettura");

    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "metropoli.read_cache.misses", unit: "{read}", description: "Letture che hanno ricalcolato il valore");

    private static long outboxBacklog;

    /// <summary>Messages waiting in the outbox at the sender's last round (an observable gauge).</summary>
    public static void ReportOutboxBacklog(long count) => Interlocked.Exchange(ref outboxBacklog, count);

    public static readonly ObservableGauge<long> OutboxBacklog = Meter.CreateObservableGauge(
        "metropoli.outbox.backlog", () => Interlocked.Read(ref outboxBacklog), unit: "{message}",
        description: "Messaggi in attesa di invio nella posta in uscita");
}
