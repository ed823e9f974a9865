using Inward.Features.Audiences;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inward.Features.Learning;

/// <summary>
/// Brightwheel's training assignments: the brand course for every employee (due 30 days after assignment), the
/// internal-customers course for people who manage others, and the "Welcome to Brightwheel" path for people hired in
/// the last 90 days (due 14 days after hire). Then progress, so dashboards show something: about 60 % completed with
/// scores over the last months, some overdue, and a few brand certificates expiring within 30 days. Runs after the
/// courses' own demo content (which creates the courses); a course that is not there is skipped.
/// </summary>
internal sealed class LearningAssignmentsDemoContent(TimeProvider clock) : IDemoContent
{
    public const string BrandCourse = LearningDemoContent.BrandCourse;
    public const string InternalCustomersCourse = LearningDemoContent.InternalCourse;
    public const string WelcomePath = "Welcome to Brightwheel";

    public string Name => "learning assignments and progress";
    public int Order => 90;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<LearningPath>().AnyAsync(p => p.Title == WelcomePath, ct))
        {
            return false;
        }
        var courses = await db.Set<Course>().Where(c => c.Title == BrandCourse || c.Title == InternalCustomersCourse).ToListAsync(ct);
        var brand = courses.FirstOrDefault(c => c.Title == BrandCourse);
        var internalCustomers = courses.FirstOrDefault(c => c.Title == InternalCustomersCourse);
        if (brand is null && internalCustomers is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Brand knowledge goes stale: everyone re-certifies yearly (unless the course's author chose otherwise).
        if (brand is not null)
        {
            brand.RecertifyMonths ??= 12;
        }
        var path = new LearningPath
        {
            Title = WelcomePath,
            Description = "Your first two weeks: who we are, what we promise our customers, and how the departments serve each other.",
            CreatedUtc = now, UpdatedUtc = now,
            Courses = [.. courses.OrderBy(c => c.Title == BrandCourse ? 0 : 1).Select((c, i) => new LearningPathCourse { CourseId = c.Id, Position = i })],
        };
        db.Add(path);
        await db.SaveChangesAsync(ct);
        if (brand is not null)
        {
            db.Add(Rule("All employees: the brand", brand.Id, null, AudienceRule.EveryoneInternal(), DueBasis.AfterAssignment, 30, now));
        }
        if (internalCustomers is not null)
        {
            db.Add(Rule("Managers and department leads: internal customers", internalCustomers.Id, null,
                new AudienceRule { Include = [new AudienceClause { ManagesOthers = true }] }, DueBasis.AfterAssignment, 45, now));
        }
        db.Add(Rule("New hires: welcome path", null, path.Id, new AudienceRule { Include = [new AudienceClause { HiredWithinDays = 90 }] },
            DueBasis.AfterHire, 14, now));
        await db.SaveChangesAsync(ct);

        var evaluator = new AssignmentEvaluator(db, new AudienceResolver(db, clock), Options.Create(new LearningOptions()), clock);
        await evaluator.EvaluateAsync(null, ct);
        await ProgressAsync(db, brand, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Spreads the new assignments over the last five months and completes about 60 % of them, deterministically.</summary>
    private static async Task ProgressAsync(InwardDbContext db, Course? brand, DateTime now, CancellationToken ct)
    {
        var random = new Random(6);
        var demoEmployee = await db.Employees.Where(e => e.Email == $"employee@{DemoCompany.Domain}").Select(e => (int?)e.Id).SingleOrDefaultAsync(ct);
        var names = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var userIds = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).ToDictionaryAsync(u => u.EmployeeId!.Value, u => u.Id, ct);
        var courses = await db.Set<Course>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var added = db.ChangeTracker.Entries<LearningAssignment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(a => a.EmployeeId is not null).OrderBy(a => a.EmployeeId).ThenBy(a => a.CourseId).ToList();
        var expiringSoon = 0;
        foreach (var a in added)
        {
            var employeeId = a.EmployeeId!.Value;
            var course = courses[a.CourseId];
            if (brand is not null && a.CourseId == brand.Id && course.RecertifyMonths is { } months && expiringSoon < 4 && employeeId % 9 == 4 && employeeId != demoEmployee)
            {
                // Certified almost a year ago: the certificate expires within the next 30 days.
                expiringSoon++;
                Complete(db, a, course, names[employeeId], userIds.GetValueOrDefault(employeeId, $"demo-{employeeId}"),
                    now.AddMonths(-months).AddDays(5 + 5 * expiringSoon), 80 + expiringSoon * 4);
                continue;
            }
            a.AssignedUtc = now.AddDays(-random.Next(10, 150)).AddHours(-random.Next(0, 9));
            a.DueDate = a.DueDate is null ? null : DateOnly.FromDateTime(a.AssignedUtc).AddDays(30);
            if (employeeId == demoEmployee)
            {
                // The demo employee has the brand course still to do, due soon: what a new hire sees first.
                a.AssignedUtc = now.AddDays(-20);
                a.DueDate = DateOnly.FromDateTime(now).AddDays(10);
                continue;
            }
            if (random.NextDouble() < 0.6)
            {
                var done = a.AssignedUtc.AddDays(random.Next(1, 28));
                Complete(db, a, course, names[employeeId], userIds.GetValueOrDefault(employeeId, $"demo-{employeeId}"),
                    done < now ? done : now.AddHours(-1), 70 + random.Next(0, 31));
            }
        }
    }

    private static void Complete(InwardDbContext db, LearningAssignment a, Course course, string name, string userId, DateTime completedUtc, int score)
    {
        var completion = new CourseCompletion { CourseId = course.Id, UserId = userId, EmployeeId = a.EmployeeId, CompletedUtc = completedUtc, ScorePercent = score };
        db.Add(completion);
        db.Add(CertificateIssuer.Issue(completion, course, name));
        a.AssignedUtc = completedUtc.AddDays(-7);
        a.DueDate = a.DueDate is null ? null : DateOnly.FromDateTime(a.AssignedUtc).AddDays(30);
        a.Status = AssignmentStatus.Completed;
        a.CompletedUtc = completedUtc;
        a.Completion = completion;
    }

    private static AssignmentRule Rule(string title, int? courseId, int? pathId, AudienceRule audience, DueBasis basis, int days, DateTime now) => new()
    {
        Title = title, CourseId = courseId, PathId = pathId, AudienceJson = audience.ToJson(), DueBasis = basis, DueDays = days, IsActive = true,
        CreatedUtc = now, UpdatedUtc = now,
    };
}
