using Microsoft.Extensions.Options;

namespace Inward.Platform.Jobs;

public static class JobsSetup
{
    /// <summary>The job scheduler (always) and, unless Jobs:Enabled=false, the worker that runs due jobs on this instance.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddScoped<IJobScheduler, JobScheduler>();
        services.AddSingleton(sp => new JobRunner(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<JobOptions>>().Value, sp.GetServices<JobHandlerRegistration>(), sp.GetServices<RecurringJob>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<JobRunner>()));
        services.AddHostedService<JobWorker>();
        return services;
    }
}

/// <summary>Polls for due jobs every Jobs:PollSeconds (wall-clock) until the application stops.</summary>
public sealed partial class JobWorker(JobRunner runner, IOptions<JobOptions> options, ILogger<JobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be unreachable for a while: log and poll again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling for background jobs failed; trying again at the next poll.")]
    private static partial void LogPollFailed(ILogger logger, Exception e);
}
