using Inward.Features.Audiences;
using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Posts;

/// <summary>
/// `seed-posts --count N [--seed S]`: generates published posts over the last two years for benchmarks. A quarter for
/// everyone, the rest for one department, location or job role, a few pinned, must-read or expired; deterministic per seed.
/// </summary>
internal sealed class SeedPostsCommand : ICliCommand
{
    public string Name => "seed-posts";
    public string Summary => "Generates published posts with varied audiences (deterministic for a given --seed) for benchmarks.";
    public string Usage => "seed-posts --count N [--seed S]";

    private const int Batch = 2_000;

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.GetInt("count") is not { } count || count < 1 || count > 10_000_000)
        {
            await output.WriteLineAsync("--count must be a number from 1 to 10000000.");
            return 2;
        }
        var random = new Random(args.GetInt("seed") ?? 1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        int[] departments, locations, roles;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            departments = [.. await db.Departments.Select(d => d.Id).ToListAsync(ct)];
            locations = [.. await db.Locations.Select(l => l.Id).ToListAsync(ct)];
            roles = [.. await db.JobRoles.Select(r => r.Id).ToListAsync(ct)];
        }
        if (departments.Length == 0 || locations.Length == 0 || roles.Length == 0)
        {
            await output.WriteLineAsync("Seed a company first (seed --employees N, or --demo).");
            return 2;
        }
        var now = DateTime.UtcNow;
        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed-posts command");
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var published = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                var roll = random.Next(100);
                var clause = roll switch
                {
                    < 25 => new AudienceClause { Everyone = true },
                    < 70 => new AudienceClause { Departments = [new(departments[random.Next(departments.Length)], true)] },
                    < 85 => new AudienceClause { Locations = [locations[random.Next(locations.Length)]] },
                    _ => new AudienceClause { JobRoles = [roles[random.Next(roles.Length)]] },
                };
                var mustRead = random.Next(200) == 0;
                db.Add(new Post
                {
                    Type = (PostType)random.Next(5),
                    Title = $"Generated post {i + 1}",
                    Body = $"## Update {i + 1}\n\nThis is generated text for load tests: **what changed**, why it matters for our customers, " +
                        "and what each team does next. See the plan for the goals behind it.\n\n- One\n- Two\n- Three",
                    AudienceJson = new AudienceRule { Include = [clause] }.ToJson(),
                    Status = PostStatus.Published,
                    PublishedUtc = published,
                    ExpiresUtc = random.Next(20) == 0 ? published.AddDays(7) : null,
                    Pinned = random.Next(20_000) == 0,
                    MustRead = mustRead,
                    MustReadDue = mustRead ? DateOnly.FromDateTime(published.AddDays(14)) : null,
                    AuthorUserId = "seed",
                    AuthorName = "Generated",
                    CreatedUtc = published,
                    UpdatedUtc = published,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        await output.WriteLineAsync($"Seeded {count} posts in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
