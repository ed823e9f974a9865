using Inward.Features.Audiences;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>
/// `seed-learning [--courses N] [--seed S]`: generated training for benchmarks. N published courses (default 20), each with
/// an assignment rule (most for everyone, the rest for one top-level department and its sub-departments), and the
/// assignments those rules give every active employee, as the evaluator would make them: about 60 % completed (with
/// completion and certificate), the rest open, a quarter of those overdue. Deterministic per seed.
/// </summary>
internal sealed class SeedLearningCommand : ICliCommand
{
    public string Name => "seed-learning";
    public string Summary => "Generates courses, assignment rules, assignments, completions and certificates (deterministic for a given --seed) for benchmarks.";
    public string Usage => "seed-learning [--courses N] [--seed S]";

    private const int PeoplePerBatch = 500;
    private const string Owner = "seed";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var courseCount = args.GetInt("courses") ?? 20;
        if (courseCount is < 1 or > 200)
        {
            await output.WriteLineAsync("--courses must be a number from 1 to 200.");
            return 2;
        }
        var random = new Random(args.GetInt("seed") ?? 1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        List<Course> courses = [];
        // Course id → the departments its rule reaches (null: everyone).
        var reach = new Dictionary<int, HashSet<int>?>();
        var ruleOf = new Dictionary<int, int>();
        List<(int Id, string Name, int? DepartmentId)> people;
        Dictionary<int, string> userIds;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed-learning command");
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            if (await db.Set<Course>().AnyAsync(c => c.OwnerUserId == Owner, ct))
            {
                await output.WriteLineAsync("Generated courses already exist; nothing seeded.");
                return 0;
            }
            var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(ct);
            var topLevel = departments.Where(d => d.ParentId == null).Select(d => d.Id).Order().ToArray();
            if (topLevel.Length == 0)
            {
                await output.WriteLineAsync("Seed a company first (seed --employees N, or --demo).");
                return 2;
            }
            var children = departments.Where(d => d.ParentId != null).ToLookup(d => d.ParentId!.Value, d => d.Id);
            HashSet<int> Subtree(int root)
            {
                var set = new HashSet<int> { root };
                var queue = new Queue<int>([root]);
                while (queue.TryDequeue(out var id))
                {
                    foreach (var child in children[id].Where(set.Add))
                    {
                        queue.Enqueue(child);
                    }
                }
                return set;
            }
            people = [.. (await db.Employees.AsNoTracking().Where(e => e.IsActive).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.Name, e.DepartmentId }).ToListAsync(ct)).Select(e => (e.Id, e.Name, e.DepartmentId))];
            userIds = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).ToDictionaryAsync(u => u.EmployeeId!.Value, u => u.Id, ct);

            for (var i = 0; i < courseCount; i++)
            {
                // Seven in ten courses are for everyone; the others for one department (with its sub-departments).
                int? department = random.Next(10) < 7 ? null : topLevel[random.Next(topLevel.Length)];
                var audience = department is { } d
                    ? new AudienceRule { Include = [new AudienceClause { Departments = [new DepartmentChoice(d, true)] }] }
                    : AudienceRule.EveryoneInternal();
                var course = new Course
                {
                    Title = $"Generated course {i + 1:D2}",
                    Description = "Generated for load tests: what we promise our customers and how each team keeps that promise.",
                    OwnerUserId = Owner,
                    EstimatedMinutes = 10 + random.Next(50),
                    AudienceJson = audience.ToJson(),
                    Status = CourseStatus.Published,
                    RecertifyMonths = random.Next(3) == 0 ? 12 : null,
                    CreatedUtc = now.AddDays(-400),
                    UpdatedUtc = now.AddDays(-400),
                };
                db.Add(course);
                courses.Add(course);
                await db.SaveChangesAsync(ct);
                var rule = new AssignmentRule
                {
                    Title = $"Generated rule {i + 1:D2}", CourseId = course.Id, AudienceJson = audience.ToJson(), DueBasis = DueBasis.AfterAssignment,
                    DueDays = 30, IsActive = true, CreatedUtc = course.CreatedUtc, UpdatedUtc = course.CreatedUtc,
                };
                db.Add(rule);
                await db.SaveChangesAsync(ct);
                ruleOf[course.Id] = rule.Id;
                reach[course.Id] = department is { } root ? Subtree(root) : null;
            }
        }

        int assignments = 0, completed = 0, overdue = 0;
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed-learning command");
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var person in batch)
            {
                foreach (var course in courses)
                {
                    if (reach[course.Id] is { } departments && (person.DepartmentId is not { } d || !departments.Contains(d)))
                    {
                        continue;
                    }
                    var assigned = now.AddDays(-random.Next(1, 360)).AddMinutes(-random.Next(600));
                    var a = new LearningAssignment
                    {
                        PersonKey = LearningAssignment.EmployeeKey(person.Id), EmployeeId = person.Id, CourseId = course.Id,
                        RuleId = ruleOf[course.Id], Reason = AssignmentReason.Rule, AssignedUtc = assigned, DueDate = DateOnly.FromDateTime(assigned).AddDays(30),
                        Status = AssignmentStatus.Open,
                    };
                    var roll = random.Next(100);
                    if (roll < 60)
                    {
                        var done = assigned.AddDays(random.Next(1, 40));
                        done = done < now ? done : now.AddHours(-1);
                        var completion = new CourseCompletion
                        {
                            CourseId = course.Id, UserId = userIds.GetValueOrDefault(person.Id, $"seed-{person.Id}"), EmployeeId = person.Id,
                            CompletedUtc = done, ScorePercent = 60 + random.Next(41),
                        };
                        db.Add(completion);
                        db.Add(CertificateIssuer.Issue(completion, course, person.Name));
                        a.Status = AssignmentStatus.Completed;
                        a.CompletedUtc = done;
                        a.Completion = completion;
                        completed++;
                    }
                    else if (roll < 70)
                    {
                        // A quarter of the open ones (10 of 40) are overdue: due in the past.
                        a.AssignedUtc = now.AddDays(-random.Next(31, 360));
                        a.DueDate = DateOnly.FromDateTime(a.AssignedUtc).AddDays(30);
                    }
                    else
                    {
                        // The rest are open and not yet due: assigned within the last 30 days.
                        a.AssignedUtc = now.AddDays(-random.Next(0, 29)).AddMinutes(-random.Next(600));
                        a.DueDate = DateOnly.FromDateTime(a.AssignedUtc).AddDays(30);
                    }
                    if (a.Status == AssignmentStatus.Open && a.DueDate < today)
                    {
                        overdue++;
                    }
                    db.Add(a);
                    assignments++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        await output.WriteLineAsync($"Seeded {courses.Count} courses with rules, {assignments} assignments for {people.Count} employees " +
            $"({completed} completed with certificates, {overdue} overdue) in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
