using System.Collections.Concurrent;
using System.Net;
using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inward.Tests.Jobs;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTime startUtc) : TimeProvider
{
    public DateTime UtcNow { get; set; } = startUtc;

    public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);

    public void Advance(TimeSpan by) => UtcNow += by;
}

/// <summary>Counts executions per job id, thread-safe; optionally fails.</summary>
public sealed class RecordingHandler(Func<JobContext, Exception?>? fail = null) : IJobHandler
{
    public ConcurrentBag<Guid> Runs { get; } = [];

    public async Task HandleAsync(JobContext job, CancellationToken ct)
    {
        Runs.Add(job.JobId);
        await Task.Yield();
        if (fail?.Invoke(job) is { } e)
        {
            throw e;
        }
    }
}

/// <summary>
/// The job runner against the shared app's real database on both providers, with its own job kinds (which the app's
/// own worker does not claim: it knows no handler for them) and a clock the test controls.
/// </summary>
public sealed class JobRunnerTests(Apps apps) : IntegrationTest(apps)
{
    private static readonly DateTime Start = new(2031, 3, 4, 6, 0, 0, DateTimeKind.Utc);

    private static JobRunner Runner(InwardApp app, TimeProvider clock, string kind, IJobHandler handler, string? owner = null,
        JobOptions? options = null, IEnumerable<RecurringJob>? recurring = null) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            options ?? new JobOptions { MaxAttempts = 3, RetryBaseSeconds = 10, RetryMaxSeconds = 600, BatchSize = 5, KeepSucceededDays = 0 },
            [new JobHandlerRegistration(kind, _ => handler)], recurring ?? [], NullLogger.Instance, owner);

    private static async Task<Guid> EnqueueAsync(InwardApp app, string kind, DateTime runAt, string? key = null, string payload = "{}")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync(kind, payload, runAt, key);
    }

    private static async Task<BackgroundJob> JobAsync(InwardApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private static async Task<List<BackgroundJob>> JobsOfKindAsync(InwardApp app, string kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().AsNoTracking()
            .Where(j => j.Kind == kind).ToListAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_job_runs_once_at_its_time_and_not_before(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.once.");
        var clock = new ManualClock(Start);
        var handler = new RecordingHandler();
        var runner = Runner(app, clock, kind, handler);
        var id = await EnqueueAsync(app, kind, Start.AddMinutes(10), payload: """{"postId":42}""");

        Assert.Equal(0, await runner.RunDueAsync());
        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.Equal(0, await runner.RunDueAsync());
        Assert.Empty(handler.Runs);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await runner.RunDueAsync());
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await runner.RunDueAsync());

        Assert.Equal([id], handler.Runs);
        var job = await JobAsync(app, id);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LeaseOwner);
        Assert.Equal(Start.AddMinutes(10), job.CompletedUtc);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_job_is_retried_with_backoff_and_ends_failed_with_its_error_after_the_last_attempt(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.fail.");
        var clock = new ManualClock(Start);
        var handler = new RecordingHandler(job => new InvalidOperationException($"SMTP refused, attempt {job.Attempt}"));
        var runner = Runner(app, clock, kind, handler);
        var id = await EnqueueAsync(app, kind, Start);
        // Queued with the app's Jobs:MaxAttempts (5); three is enough here.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.MaxAttempts, 3));
        }

        Assert.Equal(1, await runner.RunDueAsync());
        var job = await JobAsync(app, id);
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(Start.AddSeconds(10), job.RunAtUtc);
        Assert.Equal("InvalidOperationException: SMTP refused, attempt 1", job.LastError);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await runner.RunDueAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await runner.RunDueAsync());
        job = await JobAsync(app, id);
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(Start.AddSeconds(10 + 20), job.RunAtUtc);

        clock.UtcNow = Start.AddSeconds(29);
        Assert.Equal(0, await runner.RunDueAsync());
        clock.UtcNow = Start.AddSeconds(30);
        Assert.Equal(1, await runner.RunDueAsync());
        job = await JobAsync(app, id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(3, job.Attempts);
        Assert.Equal("InvalidOperationException: SMTP refused, attempt 3", job.LastError);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await runner.RunDueAsync());
        Assert.Equal(3, handler.Runs.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_idempotency_key_queues_one_job_however_often_it_is_used(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.key.");
        var key = Unique("publish-post-");
        var first = await EnqueueAsync(app, kind, Start, key);
        var second = await EnqueueAsync(app, kind, Start.AddHours(1), key);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Twice in one unit of work, before saving, too.
            var scheduler = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            var other = Unique("other-");
            Assert.Equal(await scheduler.EnqueueAsync(kind, "{}", Start, other), await scheduler.EnqueueAsync(kind, "{}", Start, other));
        }

        Assert.Equal(first, second);
        var jobs = await JobsOfKindAsync(app, kind);
        Assert.Equal(2, jobs.Count);
        Assert.Equal(Start, jobs.Single(j => j.IdempotencyKey == key).RunAtUtc);

        var handler = new RecordingHandler();
        await Runner(app, new ManualClock(Start), kind, handler).RunDueAsync();
        Assert.Equal(2, handler.Runs.Count);
        Assert.Single(handler.Runs, first);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_sharing_the_database_run_each_of_200_jobs_exactly_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.pair.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            for (var i = 0; i < 200; i++)
            {
                db.Set<BackgroundJob>().Add(new BackgroundJob
                {
                    Id = Guid.NewGuid(), Kind = kind, RunAtUtc = Start.AddSeconds(-i), MaxAttempts = 3, CreatedUtc = Start, Version = Guid.NewGuid(),
                });
            }
            await db.SaveChangesAsync();
        }
        var clock = new ManualClock(Start);
        var handler = new RecordingHandler();
        var a = Runner(app, clock, kind, handler, owner: "instance-a");
        var b = Runner(app, clock, kind, handler, owner: "instance-b");

        var ran = await Task.WhenAll(Task.Run(() => a.RunDueAsync()), Task.Run(() => b.RunDueAsync()));

        Assert.Equal(200, ran.Sum());
        Assert.Equal(200, handler.Runs.Count);
        Assert.Equal(200, handler.Runs.Distinct().Count());
        var jobs = await JobsOfKindAsync(app, kind);
        Assert.All(jobs, j => Assert.Equal((JobStatus.Succeeded, 1), (j.Status, j.Attempts)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_job_whose_instance_died_is_taken_over_when_its_lease_expires_and_not_before(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.crash.");
        var clock = new ManualClock(Start);
        var handler = new RecordingHandler();
        var crashed = Runner(app, clock, kind, new RecordingHandler(), owner: "crashed", options: new JobOptions { LeaseSeconds = 60, MaxAttempts = 3, KeepSucceededDays = 0 });
        var id = await EnqueueAsync(app, kind, Start);
        // The crashed instance's claim, as it left it: Running, leased to it for 60 s.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.LeaseOwner, crashed.Owner)
                    .SetProperty(j => j.LeaseUntilUtc, Start.AddSeconds(60)).SetProperty(j => j.Attempts, 1));
        }
        var survivor = Runner(app, clock, kind, handler, owner: "survivor");

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await survivor.RunDueAsync());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await survivor.RunDueAsync());

        Assert.Equal([id], handler.Runs);
        var job = await JobAsync(app, id);
        Assert.Equal((JobStatus.Succeeded, 2), (job.Status, job.Attempts));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_whose_lease_was_taken_over_cannot_complete_the_job_nor_save_its_changes(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.slow.");
        var clock = new ManualClock(Start);
        var marker = Unique("lost-lease-");
        JobRunner? other = null;
        var otherHandler = new RecordingHandler();
        var slow = new DelegateHandler(async (sp, job) =>
        {
            // While this instance works, its lease runs out and another instance takes and finishes the job.
            clock.Advance(TimeSpan.FromSeconds(120));
            Assert.Equal(1, await other!.RunDueAsync());
            sp.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Add(JobScheduler.NewJob(marker, "{}", Start, null, Start, 1));
        });
        var options = new JobOptions { LeaseSeconds = 60, MaxAttempts = 3, KeepSucceededDays = 0 };
        var first = new JobRunner(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, options,
            [new JobHandlerRegistration(kind, sp => slow.With(sp))], [], NullLogger.Instance, "first");
        other = Runner(app, clock, kind, otherHandler, owner: "second", options: options);
        var id = await EnqueueAsync(app, kind, Start);

        await first.RunDueAsync();

        Assert.Equal([id], otherHandler.Runs);
        var job = await JobAsync(app, id);
        Assert.Equal((JobStatus.Succeeded, 2), (job.Status, job.Attempts));
        Assert.Empty(await JobsOfKindAsync(app, marker));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_handlers_unsaved_changes_are_saved_with_the_jobs_completion(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.tx.");
        var followUp = Unique("test.follow.");
        var handler = new DelegateHandler((sp, job) =>
        {
            sp.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Add(JobScheduler.NewJob(followUp, "{}", Start, null, Start, 1));
            return Task.CompletedTask;
        });
        var runner = new JobRunner(app.Services.GetRequiredService<IServiceScopeFactory>(), new ManualClock(Start), new JobOptions { KeepSucceededDays = 0 },
            [new JobHandlerRegistration(kind, sp => handler.With(sp))], [], NullLogger.Instance);
        await EnqueueAsync(app, kind, Start);

        Assert.Equal(1, await runner.RunDueAsync());

        Assert.Single(await JobsOfKindAsync(app, followUp));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Jobs_enqueued_in_a_rolled_back_transaction_never_run(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.rollback.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync(kind, "{}", Start, Unique("k-"));
            await tx.RollbackAsync();
        }
        var handler = new RecordingHandler();

        Assert.Equal(0, await Runner(app, new ManualClock(Start.AddDays(1)), kind, handler).RunDueAsync());

        Assert.Empty(handler.Runs);
        Assert.Empty(await JobsOfKindAsync(app, kind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recurring_job_runs_at_each_occurrence_and_queues_the_next_one_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.daily.");
        var name = Unique("digest-");
        var clock = new ManualClock(Start); // 06:00 UTC
        var handler = new RecordingHandler();
        RecurringJob[] recurring = [new(name, kind, JobSchedule.Daily(new TimeOnly(7, 0)))];
        var a = Runner(app, clock, kind, handler, "a", recurring: recurring);
        var b = Runner(app, clock, kind, handler, "b", recurring: recurring);

        Assert.Equal(0, await a.RunDueAsync());
        Assert.Equal(0, await b.RunDueAsync());
        var queued = Assert.Single(await JobsOfKindAsync(app, kind));
        Assert.Equal((Start.AddHours(1), JobStatus.Pending), (queued.RunAtUtc, queued.Status));

        clock.UtcNow = Start.AddHours(1).AddSeconds(3);
        Assert.Equal(1, await a.RunDueAsync() + await b.RunDueAsync());
        Assert.Equal([queued.Id], handler.Runs);

        var jobs = (await JobsOfKindAsync(app, kind)).OrderBy(j => j.RunAtUtc).ToList();
        Assert.Equal(2, jobs.Count);
        Assert.Equal(JobStatus.Succeeded, jobs[0].Status);
        Assert.Equal((Start.AddDays(1).AddHours(1), JobStatus.Pending), (jobs[1].RunAtUtc, jobs[1].Status));
        Assert.Equal(JobRunner.RecurringKey(name, Start.AddDays(1).AddHours(1)), jobs[1].IdempotencyKey);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_page_lists_a_failed_job_and_retrying_it_queues_it_again(DatabaseProvider provider)
    {
        var app = await App(provider);
        var kind = Unique("test.admin.");
        var error = Unique("Webhook answered 500 ");
        var id = await EnqueueAsync(app, kind, Start);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>().Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Attempts, 5)
                    .SetProperty(j => j.LastError, error).SetProperty(j => j.CompletedUtc, DateTime.UtcNow.AddYears(10)));
        }
        var admin = await app.SignedInAsync("admin@demo.example");

        var page = await admin.GetStringAsync("/admin/jobs");
        Assert.Contains(error, page, StringComparison.Ordinal);
        Assert.Contains(kind, page, StringComparison.Ordinal);

        var retry = await InwardApp.PostFormAsync(admin, "/admin/jobs", [], $"/admin/jobs?handler=Retry&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var job = await JobAsync(app, id);
        Assert.Equal((JobStatus.Pending, 0), (job.Status, job.Attempts));

        var again = await InwardApp.PostFormAsync(admin, "/admin/jobs", [], $"/admin/jobs?handler=Retry&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var employee = await app.SignedInAsync("employee@demo.example");
        var denied = await employee.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>A handler written inline, given the job's service scope.</summary>
public sealed class DelegateHandler(Func<IServiceProvider, JobContext, Task> handle)
{
    public IJobHandler With(IServiceProvider services) => new Bound(handle, services);

    private sealed class Bound(Func<IServiceProvider, JobContext, Task> handle, IServiceProvider services) : IJobHandler
    {
        public Task HandleAsync(JobContext job, CancellationToken ct) => handle(services, job);
    }
}
