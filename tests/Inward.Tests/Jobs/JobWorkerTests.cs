using Inward.Platform.Data;
using Inward.Platform.Jobs;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Jobs;

/// <summary>The hosted worker of real app instances, on the wall clock: each test starts its own apps.</summary>
public sealed class JobWorkerTests
{
    [Fact]
    public async Task Two_running_instances_on_one_PostgreSQL_run_queued_jobs_once_each_with_their_hosted_workers()
    {
        var kind = $"test.hosted.{Guid.NewGuid():N}";
        var handler = new RecordingHandler();
        void Handler(IServiceCollection services) => services.AddSingleton(new JobHandlerRegistration(kind, _ => handler));
        var settings = new Dictionary<string, string> { ["Jobs:PollSeconds"] = "1" };
        await using var a = new InwardApp(DatabaseProvider.Postgres, settings, Handler);
        await a.InitialiseAsync();
        await using var b = new InwardApp(DatabaseProvider.Postgres, new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings:Postgres"] = a.PostgresConnectionString!,
        }, Handler);
        await b.InitialiseAsync();

        var ids = new List<Guid>();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var scheduler = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            for (var i = 0; i < 30; i++)
            {
                ids.Add(await scheduler.EnqueueAsync(kind, new { Number = i }));
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<JobStatus> statuses;
        do
        {
            await Task.Delay(200);
            await using var scope = b.Services.CreateAsyncScope();
            statuses = await scope.ServiceProvider.GetRequiredService<InwardDbContext>().Set<BackgroundJob>()
                .Where(j => j.Kind == kind).Select(j => j.Status).ToListAsync();
        }
        while (statuses.Any(s => s != JobStatus.Succeeded) && DateTime.UtcNow < deadline);

        Assert.Equal(30, statuses.Count(s => s == JobStatus.Succeeded));
        Assert.Equal(ids.Order(), handler.Runs.Order());
    }
}
