using Inward.Features.Audiences;
using Inward.Features.Learning;
using Inward.Features.Learning.Assignments;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Learning;

/// <summary>Courses, departments, people and rules of a test's own (the course player is another feature: completions are made here).</summary>
public static class AssignmentTestData
{
    public static Task<int> DepartmentAsync(InwardApp app) => TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Learning dept {Guid.NewGuid():N}"[..34] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    public static Task<Course> CourseAsync(InwardApp app, string? title = null, AudienceRule? audience = null, int? recertifyMonths = null) =>
        TestAccounts.WithDbAsync(app, async db =>
        {
            var course = new Course
            {
                Title = title ?? $"Course {Guid.NewGuid():N}"[..19], OwnerUserId = "test", AudienceJson = (audience ?? AudienceRule.EveryoneInternal()).ToJson(),
                Status = CourseStatus.Published, RecertifyMonths = recertifyMonths, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Add(course);
            await db.SaveChangesAsync();
            return course;
        });

    /// <summary>An employee with an account (and an e-mail address) in the department: (e-mail, user id, employee id).</summary>
    public static async Task<(string Email, string UserId, int EmployeeId)> PersonAsync(InwardApp app, int departmentId, DateOnly? hired = null,
        string[]? roles = null)
    {
        var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            e.HireDate = hired;
            return await db.SaveChangesAsync();
        });
        return (email, userId, employeeId!.Value);
    }

    public static AudienceRule Department(int departmentId) =>
        new() { Include = [new AudienceClause { Departments = [new DepartmentChoice(departmentId, true)] }] };

    public static Task<int> RuleAsync(InwardApp app, AudienceRule audience, int? courseId = null, int? pathId = null,
        DueBasis basis = DueBasis.AfterAssignment, int? days = 14) => TestAccounts.WithDbAsync(app, async db =>
    {
        var rule = new AssignmentRule
        {
            Title = "Test rule", CourseId = courseId, PathId = pathId, AudienceJson = audience.ToJson(), DueBasis = basis, DueDays = days,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Add(rule);
        await db.SaveChangesAsync();
        return rule.Id;
    });

    /// <summary>Runs the evaluation as the job would, with the test's clock, and saves what it left pending.</summary>
    public static async Task EvaluateAsync(InwardApp app, TimeProvider clock, int? ruleId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var evaluator = ActivatorUtilities.CreateInstance<AssignmentEvaluator>(scope.ServiceProvider, clock);
        await evaluator.EvaluateAsync(ruleId, default);
        await scope.ServiceProvider.GetRequiredService<InwardDbContext>().SaveChangesAsync();
    }

    public static async Task RunAsync<THandler>(InwardApp app, TimeProvider clock) where THandler : IJobHandler
    {
        await using var scope = app.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider, clock);
        await handler.HandleAsync(new JobContext(Guid.NewGuid(), "test", "{}", 1, DateTime.UtcNow), default);
        await scope.ServiceProvider.GetRequiredService<InwardDbContext>().SaveChangesAsync();
    }

    /// <summary>Completes the course as the course player does: a completion, every registered handler, one save.</summary>
    public static async Task<CourseCompletion> CompleteAsync(InwardApp app, Course course, string userId, int? employeeId, DateTime completedUtc, int? score = 90)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var completion = new CourseCompletion { CourseId = course.Id, UserId = userId, EmployeeId = employeeId, CompletedUtc = completedUtc, ScorePercent = score };
        db.Add(completion);
        foreach (var handler in scope.ServiceProvider.GetServices<ICourseCompletedHandler>())
        {
            await handler.OnCompletedAsync(db, completion, course, default);
        }
        await db.SaveChangesAsync();
        return completion;
    }

    /// <summary>A person's assignments, oldest first; only of one course when given (evaluating every rule may add others').</summary>
    public static Task<List<LearningAssignment>> AssignmentsAsync(InwardApp app, int employeeId, int? courseId = null) =>
        TestAccounts.WithDbAsync(app, db => db.Set<LearningAssignment>().AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && (courseId == null || a.CourseId == courseId)).OrderBy(a => a.Id).ToListAsync());
}
