using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Platform.Jobs;

public sealed class JobOptions
{
    /// <summary>Jobs:Enabled=false stops this instance from running jobs (they are still queued).</summary>
    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    /// <summary>How long a claim lasts: a job whose instance died runs again after this; handlers must finish within it.</summary>
    public int LeaseSeconds { get; set; } = 300;
    public int MaxAttempts { get; set; } = 5;
    public int RetryBaseSeconds { get; set; } = 30;
    public int RetryMaxSeconds { get; set; } = 3600;
    public int BatchSize { get; set; } = 20;
    public int KeepSucceededDays { get; set; } = 14;
}

/// <summary>
/// Claims due jobs with an atomic conditional UPDATE (docs/adr/0007-background-jobs.md), runs each with its handler
/// in a fresh scope, then completes, retries or fails it. Only kinds with a handler here are claimed, so an instance
/// that does not know a kind leaves it to one that does. Several runners (instances) may share one database.
/// </summary>
public sealed class JobRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly JobOptions _options;
    private readonly Dictionary<string, JobHandlerRegistration> _handlers;
    private readonly List<RecurringJob> _recurring;
    private readonly ILogger _logger;
    private readonly Dictionary<string, string> _recurringEnsured = new(StringComparer.Ordinal);
    private DateTime _lastCleanup = DateTime.MinValue;

    public string Owner { get; }

    public JobRunner(IServiceScopeFactory scopes, TimeProvider clock, JobOptions options, IEnumerable<JobHandlerRegistration> handlers,
        IEnumerable<RecurringJob> recurring, ILogger logger, string? owner = null)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options;
        _handlers = new Dictionary<string, JobHandlerRegistration>(StringComparer.Ordinal);
        foreach (var h in handlers)
        {
            if (!_handlers.TryAdd(h.Kind, h))
            {
                throw new InvalidOperationException($"Two handlers are registered for jobs of kind '{h.Kind}'.");
            }
        }
        _recurring = recurring.ToList();
        _logger = logger;
        Owner = owner ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Queues due recurring occurrences, then runs every job that is due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        if (_handlers.Count == 0)
        {
            // Nothing this instance could run (e.g. no feature has registered a handler yet).
            return 0;
        }
        await ScheduleRecurringAsync(ct);
        var ran = 0;
        while (!ct.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0)
            {
                break;
            }
            foreach (var (job, version) in claimed)
            {
                await RunAsync(job, version, ct);
                ran++;
            }
        }
        await CleanUpAsync(ct);
        return ran;
    }

    /// <summary>
    /// Makes sure the next occurrence of each recurring job is queued. Its idempotency key names the occurrence, so
    /// however many instances do this at once, one job per occurrence exists. An occurrence missed while every instance
    /// was down was queued before it, so it runs once on restart.
    /// </summary>
    public async Task ScheduleRecurringAsync(CancellationToken ct = default)
    {
        var now = Now;
        foreach (var r in _recurring.Where(r => _handlers.ContainsKey(r.Kind)))
        {
            var next = r.Schedule.NextAfter(now);
            var key = RecurringKey(r.Name, next);
            if (_recurringEnsured.GetValueOrDefault(r.Name) == key)
            {
                continue;
            }
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            if (!await db.Set<BackgroundJob>().AnyAsync(j => j.IdempotencyKey == key, ct))
            {
                db.Set<BackgroundJob>().Add(JobScheduler.NewJob(r.Kind, r.Payload, next, key, now, _options.MaxAttempts));
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance queued the same occurrence first.
                }
            }
            _recurringEnsured[r.Name] = key;
        }
    }

    public static string RecurringKey(string name, DateTime occurrenceUtc) =>
        $"recurring:{name}:{occurrenceUtc.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<List<(BackgroundJob Job, Guid Version)>> ClaimAsync(CancellationToken ct)
    {
        var now = Now;
        var leaseUntil = now.AddSeconds(_options.LeaseSeconds);
        var kinds = _handlers.Keys.ToList();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var jobs = db.Set<BackgroundJob>();
        var candidates = await jobs.AsNoTracking()
            .Where(j => kinds.Contains(j.Kind)
                && ((j.Status == JobStatus.Pending && j.RunAtUtc <= now) || (j.Status == JobStatus.Running && j.LeaseUntilUtc < now)))
            .OrderBy(j => j.RunAtUtc).Take(Math.Max(1, _options.BatchSize) * 2).Select(j => j.Id).ToListAsync(ct);
        // Other instances see the same candidates: trying them in a different order makes them collide less.
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates));
        var claimed = new List<(BackgroundJob, Guid)>();
        foreach (var id in candidates)
        {
            if (claimed.Count >= Math.Max(1, _options.BatchSize))
            {
                break;
            }
            var version = Guid.NewGuid();
            // The claim: one atomic UPDATE whose WHERE repeats the "due" test, so of several instances racing for the
            // same job exactly one changes the row (PostgreSQL re-checks the WHERE after waiting for the row lock;
            // SQLite has one writer at a time).
            var changed = await jobs.Where(j => j.Id == id
                    && ((j.Status == JobStatus.Pending && j.RunAtUtc <= now) || (j.Status == JobStatus.Running && j.LeaseUntilUtc < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, Owner)
                    .SetProperty(j => j.LeaseUntilUtc, leaseUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.Version, version), ct);
            if (changed == 1)
            {
                var job = await jobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
                claimed.Add((job, version));
            }
        }
        return claimed;
    }

    private async Task RunAsync(BackgroundJob job, Guid version, CancellationToken ct)
    {
        if (job.Attempts > job.MaxAttempts)
        {
            // Its last attempt's instance died while running it.
            await FinishAsync(job.Id, version, new InvalidOperationException("The instance running the last attempt stopped before finishing it."), job, ct);
            return;
        }
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var handler = _handlers[job.Kind].Create(scope.ServiceProvider);
            await handler.HandleAsync(new JobContext(job.Id, job.Kind, job.Payload, job.Attempts, job.RunAtUtc), ct);
            // The handler's unsaved changes and the completion are saved in one transaction, and only if this
            // instance still holds the job (the concurrency token is the claim's version).
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var done = new BackgroundJob { Id = job.Id, Version = version };
            db.Set<BackgroundJob>().Attach(done);
            done.Status = JobStatus.Succeeded;
            done.CompletedUtc = Now;
            done.LeaseOwner = null;
            done.LeaseUntilUtc = null;
            done.Version = Guid.NewGuid();
            var entry = db.Entry(done);
            foreach (var p in new[] { nameof(BackgroundJob.Status), nameof(BackgroundJob.CompletedUtc), nameof(BackgroundJob.LeaseOwner), nameof(BackgroundJob.LeaseUntilUtc), nameof(BackgroundJob.Version) })
            {
                entry.Property(p).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e) when (e.Entries.Any(x => x.Entity is BackgroundJob b && b.Id == job.Id))
        {
            _logger.LogWarning("Job {JobId} ({Kind}) was taken over by another instance after its lease ran out; its changes were not saved.", job.Id, job.Kind);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(job.Id, version);
        }
#pragma warning disable CA1031 // A failing job must never stop the worker: the error is kept on the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Job {JobId} ({Kind}) failed on attempt {Attempt} of {Max}.", job.Id, job.Kind, job.Attempts, job.MaxAttempts);
            await FinishAsync(job.Id, version, e, job, ct);
        }
    }

    /// <summary>After a failure: back to Pending after a backoff while attempts remain, else Failed; the error is kept.</summary>
    private async Task FinishAsync(Guid id, Guid version, Exception error, BackgroundJob job, CancellationToken ct)
    {
        var now = Now;
        var message = $"{error.GetType().Name}: {error.Message}";
        if (message.Length > 4000)
        {
            message = message[..4000];
        }
        await using var scope = _scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Where(j => j.Id == id && j.Version == version);
        if (job.Attempts < job.MaxAttempts)
        {
            var retryAt = now + JobBackoff.Delay(job.Attempts, TimeSpan.FromSeconds(_options.RetryBaseSeconds), TimeSpan.FromSeconds(_options.RetryMaxSeconds));
            await jobs.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Pending)
                .SetProperty(j => j.RunAtUtc, retryAt)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(j => j.LastError, message)
                .SetProperty(j => j.Version, Guid.NewGuid()), ct);
        }
        else
        {
            await jobs.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Failed)
                .SetProperty(j => j.CompletedUtc, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(j => j.LastError, message)
                .SetProperty(j => j.Version, Guid.NewGuid()), ct);
        }
    }

    /// <summary>On shutdown: hands the job back at once, without counting the interrupted attempt.</summary>
    private async Task ReleaseAsync(Guid id, Guid version)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>()
                .Where(j => j.Id == id && j.Version == version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Pending)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                    .SetProperty(j => j.Version, Guid.NewGuid()), CancellationToken.None);
        }
#pragma warning disable CA1031 // Shutting down: if this fails, the lease runs out and another instance takes the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Could not hand back job {JobId} on shutdown; it runs again when its lease ends.", id);
        }
    }

    /// <summary>Once an hour: deletes succeeded jobs older than Jobs:KeepSucceededDays (failed ones stay for the admin page).</summary>
    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = Now;
        if (now - _lastCleanup < TimeSpan.FromHours(1) || _options.KeepSucceededDays <= 0)
        {
            return;
        }
        _lastCleanup = now;
        var before = now.AddDays(-_options.KeepSucceededDays);
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>()
            .Where(j => j.Status == JobStatus.Succeeded && j.CompletedUtc < before).ExecuteDeleteAsync(ct);
    }
}
