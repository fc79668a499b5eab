using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Observability;
using Metropoli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Observability;

/// <summary>Issue 24, point 4: health endpoints for the load balancer, the W3C trace id in every problem, and the
/// application's own metrics (job lag and runs, outbox backlog, read-cache hits) on the <c>Metropoli</c> meter.</summary>
// On PostgreSQL too: readiness asks the provider for pending migrations.
[Trait("Database", "Both")]
public sealed class ObservabilityTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Live_and_ready_answer_json_never_cached_and_ready_checks_the_migrated_database()
    {
        var client = fx.App.Anonymous();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("no-store", live.Headers.CacheControl?.ToString());
        Assert.Equal("healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("healthy", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", doc.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_problem_carries_the_w3c_trace_id_of_the_request()
    {
        var traceId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans/999999999");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}-01");
        using var response = await fx.App.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(traceId, doc.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Jobs_outbox_and_read_cache_publish_their_metrics()
    {
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MetropoliMetrics.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => seen.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => seen.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.Start();

        var scheduler = fx.App.Services.GetRequiredService<JobScheduler>();
        await scheduler.RunDueJobsAsync(CancellationToken.None); // registers the schedules
        await scheduler.RunDueJobsAsync(CancellationToken.None); // runs the due ones
        var cache = fx.App.Services.GetRequiredService<Metropoli.Platform.Data.ReadCache>();
        var key = "observability-test:" + Guid.NewGuid();
        var models = Metropoli.Platform.Data.ReadModels.Of("territory");
        Assert.Equal(42, await cache.GetAsync(key, models, (_, _) => Task.FromResult(42), CancellationToken.None)); // a miss
        Assert.Equal(42, await cache.GetAsync(key, models, (_, _) => Task.FromResult(0), CancellationToken.None)); // a hit
        listener.RecordObservableInstruments();

        Assert.True(seen.ContainsKey("metropoli.jobs.runs"), string.Join(", ", seen.Keys));
        Assert.True(seen.ContainsKey("metropoli.jobs.lag"));
        Assert.True(seen.ContainsKey("metropoli.outbox.backlog"));
        Assert.True(seen.GetValueOrDefault("metropoli.read_cache.hits") >= 1 && seen.GetValueOrDefault("metropoli.read_cache.misses") >= 1,
            string.Join(", ", seen.Select(kv => kv.Key + "=" + kv.Value)));
    }
}
