using System.Text.Json;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Jobs;

public interface IJobScheduler
{
    /// <summary>
    /// Queues a job of <paramref name="kind"/> to run at <paramref name="runAtUtc"/> (null: now) and saves it with
    /// everything else pending in the request's <see cref="InwardDbContext"/>, inside its transaction if one is open:
    /// a post and its "publish at 9:00" job are saved together or not at all. With an <paramref name="idempotencyKey"/>
    /// that was used before, nothing is queued and the existing job's id is returned.
    /// </summary>
    Task<Guid> EnqueueAsync(string kind, string payloadJson, DateTime? runAtUtc = null, string? idempotencyKey = null, CancellationToken ct = default);

    /// <summary>As <see cref="EnqueueAsync(string,string,DateTime?,string?,CancellationToken)"/>, serialising the payload as JSON.</summary>
    Task<Guid> EnqueueAsync<T>(string kind, T payload, DateTime? runAtUtc = null, string? idempotencyKey = null, CancellationToken ct = default);
}

public sealed class JobScheduler(InwardDbContext db, TimeProvider clock, IOptions<JobOptions> options) : IJobScheduler
{
    public Task<Guid> EnqueueAsync<T>(string kind, T payload, DateTime? runAtUtc = null, string? idempotencyKey = null, CancellationToken ct = default) =>
        EnqueueAsync(kind, JsonSerializer.Serialize(payload), runAtUtc, idempotencyKey, ct);

    public async Task<Guid> EnqueueAsync(string kind, string payloadJson, DateTime? runAtUtc = null, string? idempotencyKey = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (idempotencyKey is not null)
        {
            var tracked = db.ChangeTracker.Entries<BackgroundJob>().FirstOrDefault(e => e.Entity.IdempotencyKey == idempotencyKey);
            if (tracked is not null)
            {
                return tracked.Entity.Id;
            }
            var existing = await db.Set<BackgroundJob>().Where(j => j.IdempotencyKey == idempotencyKey).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (existing is { } id)
            {
                return id;
            }
        }
        var job = NewJob(kind, payloadJson, runAtUtc, idempotencyKey, clock.GetUtcNow().UtcDateTime, options.Value.MaxAttempts);
        db.Set<BackgroundJob>().Add(job);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    internal static BackgroundJob NewJob(string kind, string payloadJson, DateTime? runAtUtc, string? idempotencyKey, DateTime now, int maxAttempts) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Payload = string.IsNullOrWhiteSpace(payloadJson) ? "{}" : payloadJson,
        RunAtUtc = runAtUtc is { } at ? DateTime.SpecifyKind(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at, DateTimeKind.Utc) : now,
        Status = JobStatus.Pending,
        MaxAttempts = Math.Max(1, maxAttempts),
        IdempotencyKey = idempotencyKey,
        CreatedUtc = now,
        Version = Guid.NewGuid(),
    };
}
