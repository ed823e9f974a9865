using Inward.Features.Learning;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Metrics;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Learning;

/// <summary>
/// The demo's training progress, seeded at start-up after the demo courses (the courses' own demo content), and the
/// learning metrics over it.
/// </summary>
public sealed class LearningDemoTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Demo_progress_has_completions_overdue_training_and_certificates_expiring_soon(DatabaseProvider provider)
    {
        var app = await App(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var demo = scope.ServiceProvider.GetServices<IDemoContent>().OfType<LearningAssignmentsDemoContent>().Single();

        // The courses' own demo content runs first (a lower Order), so start-up already seeded the progress: once only.
        Assert.True(await db.Set<LearningPath>().AnyAsync());
        Assert.False(await demo.SeedAsync(db, default));

        var brand = await db.Set<Course>().AsNoTracking().SingleAsync(c => c.Title == LearningAssignmentsDemoContent.BrandCourse);
        // The demo company's people only: other tests add employees of their own to this shared app after start-up.
        var demoPeople = db.Employees.Where(e => e.Email.EndsWith("@" + DemoCompany.Domain));
        var assignments = await db.Set<LearningAssignment>().AsNoTracking()
            .Where(a => a.CourseId == brand.Id && demoPeople.Any(e => e.Id == a.EmployeeId)).ToListAsync();
        var employees = await demoPeople.CountAsync(e => e.IsActive);
        Assert.True(assignments.Count >= employees * 0.9, $"{assignments.Count} of {employees} employees have the brand course");
        var share = assignments.Count(a => a.Status == AssignmentStatus.Completed) / (double)assignments.Count;
        Assert.InRange(share, 0.45, 0.75);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains(assignments, a => a.Status == AssignmentStatus.Open && a.DueDate < today);
        var demoEmployee = await db.Employees.Where(e => e.Email == $"employee@{DemoCompany.Domain}").Select(e => e.Id).SingleAsync();
        var own = Assert.Single(assignments, a => a.EmployeeId == demoEmployee);
        Assert.Equal((AssignmentStatus.Open, today.AddDays(10)), (own.Status, own.DueDate!.Value));
        var internalCustomers = await db.Set<Course>().Where(c => c.Title == LearningAssignmentsDemoContent.InternalCustomersCourse).Select(c => c.Id).SingleAsync();
        var managersCourse = await db.Set<LearningAssignment>().AsNoTracking()
            .Where(a => a.CourseId == internalCustomers && a.RuleId != null && a.PathId == null && demoPeople.Any(e => e.Id == a.EmployeeId))
            .Select(a => a.EmployeeId!.Value).ToListAsync();
        var managers = await demoPeople.Where(e => e.IsActive && db.Employees.Any(r => r.ManagerId == e.Id && r.IsActive)).Select(e => e.Id).ToListAsync();
        Assert.Equal(managers.Order(), managersCourse.Order());

        var now = DateTime.UtcNow;
        var expiringSoon = await db.Set<Certificate>().CountAsync(c => c.CourseId == brand.Id && c.ExpiresUtc > now && c.ExpiresUtc <= now.AddDays(30));
        Assert.InRange(expiringSoon, 1, 10);
        var metrics = scope.ServiceProvider.GetRequiredService<MetricRegistry>();
        Assert.True((await metrics.EvaluateAsync(LearningAssignmentMetrics.Expiring30, MetricScope.Company))!.Value >= expiringSoon);
        Assert.True((await metrics.EvaluateAsync(LearningAssignmentMetrics.Overdue, MetricScope.Company))!.Value > 0);
        Assert.InRange((await metrics.EvaluateAsync(LearningAssignmentMetrics.AverageScore, MetricScope.Company))!.Value!.Value, 70m, 100m);
        var brandRate = (await metrics.EvaluateAsync($"learning.course.{brand.Id}.completion-rate", MetricScope.Company))!.Value!.Value;
        Assert.InRange(brandRate, 45m, 75m);
    }
}
