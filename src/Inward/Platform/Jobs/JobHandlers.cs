using System.Text.Json;

namespace Inward.Platform.Jobs;

/// <summary>What a handler gets: the job's id (stable across retries, usable as a deduplication key), its payload and attempt.</summary>
public sealed record JobContext(Guid JobId, string Kind, string Payload, int Attempt, DateTime RunAtUtc)
{
    public T PayloadAs<T>() => JsonSerializer.Deserialize<T>(Payload) ?? throw new InvalidOperationException($"Job {JobId} has an empty payload.");
}

/// <summary>
/// Does the work of one kind of job. Resolved from a fresh DI scope per job. Database changes made on that scope's
/// InwardDbContext and left unsaved are saved together with the job's completion, in one transaction (exactly once);
/// work outside the database (mail, webhooks) may be repeated if an instance dies mid-job, so keep it idempotent,
/// e.g. with <see cref="JobContext.JobId"/>. Throwing makes the job retry with backoff.
/// </summary>
public interface IJobHandler
{
    Task HandleAsync(JobContext job, CancellationToken ct);
}

public sealed record JobHandlerRegistration(string Kind, Func<IServiceProvider, IJobHandler> Create);

/// <summary>A recurring job: a job of <paramref name="Kind"/> queued at each occurrence of <paramref name="Schedule"/>.</summary>
public sealed record RecurringJob(string Name, string Kind, JobSchedule Schedule, string Payload = "{}");

public static class JobServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) as the handler of jobs of <paramref name="kind"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind) where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(kind, sp => sp.GetRequiredService<THandler>()));
        return services;
    }

    /// <summary>Queues a job of <paramref name="kind"/> at every occurrence of <paramref name="schedule"/> (one per occurrence across all instances).</summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string name, string kind, JobSchedule schedule, string payload = "{}")
    {
        services.AddSingleton(new RecurringJob(name, kind, schedule, payload));
        return services;
    }
}
