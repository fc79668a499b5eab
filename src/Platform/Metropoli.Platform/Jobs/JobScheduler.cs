using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Jobs;

/// <summary>A recurring background job. Modules register theirs with <c>AddJob&lt;T&gt;()</c>.</summary>
public interface IRecurringJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    [Range(0.05, 86_400)]
    public double PollSeconds { get; set; } = 15;
    /// <summary>Identifies this app instance in job runs; defaults to host name and process id.</summary>
    public string? InstanceName { get; set; }
}

/// <summary>Runs every due occurrence of every job exactly once across all instances sharing the
/// database: claiming an occurrence is one conditional UPDATE, so two instances cannot both win.</summary>
public sealed class JobScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<IRecurringJob> jobs,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> logger) : BackgroundService
{
    public string Instance { get; } = options.Value.InstanceName ?? $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        // The host starts the server only after this method's first await; SQLite completes queries
        // synchronously, so without this the first round of jobs (at metro scale, seconds of work) would run
        // before the app listens, delaying the cold start (bench/RESULTS.md).
        await Task.Yield();
        var period = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await RunDueJobsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Job polling failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunDueJobsAsync(CancellationToken ct)
    {
        var ran = 0;
        foreach (var job in jobs)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var schedule = await db.Set<JobSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == job.Name, ct);
            if (schedule is null)
            {
                db.Add(new JobSchedule { Name = job.Name, NextRunAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance registered the job first; that is fine.
                }
                continue;
            }
            if (schedule.NextRunAt > now)
            {
                continue;
            }
            var due = schedule.NextRunAt;
            var next = due + job.Interval;
            while (next <= now)
            {
                next += job.Interval; // missed occurrences while down are skipped, not replayed
            }
            var claimed = await db.Set<JobSchedule>()
                .Where(s => s.Name == job.Name && s.NextRunAt == due)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.NextRunAt, next)
                    .SetProperty(x => x.LastRunAt, now)
                    .SetProperty(x => x.LastRunBy, Instance), ct);
            if (claimed != 1)
            {
                continue;
            }
            var run = new JobRun { Name = job.Name, ScheduledFor = due, Instance = Instance, StartedAt = now, Outcome = "running" };
            Observability.MetropoliMetrics.JobLag.Record((now - due).TotalSeconds, new KeyValuePair<string, object?>("job", job.Name));
            using var activity = Observability.MetropoliMetrics.Activities.StartActivity("job " + job.Name);
            db.Add(run);
            await db.SaveChangesAsync(ct);
            try
            {
                await job.RunAsync(scope.ServiceProvider, ct);
                run.Outcome = "ok";
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Job {Job} failed", job.Name);
                run.Outcome = "failed: " + ex.GetType().Name;
            }
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            var outcome = new KeyValuePair<string, object?>("outcome", run.Outcome == "ok" ? "ok" : "failed");
            Observability.MetropoliMetrics.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job.Name), outcome);
            Observability.MetropoliMetrics.JobDuration.Record((run.FinishedAt.Value - now).TotalSeconds, new KeyValuePair<string, object?>("job", job.Name));
            ran++;
        }
        return ran;
    }
}

public static class JobRegistration
{
    public static IServiceCollection AddJob<T>(this IServiceCollection services) where T : class, IRecurringJob =>
        services.AddSingleton<IRecurringJob, T>();
}
