using System.Globalization;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>
/// Learning for the plan's KPIs: completion rate of assigned training (overall, per course and per path), average quiz
/// score, overdue assignments and certificates expiring within 30 days — each narrowed to a department when asked.
/// </summary>
internal sealed class LearningAssignmentMetrics(InwardDbContext db, PeopleQueries people, TimeProvider clock) : IMetricProvider
{
    public const string CompletionRate = "learning.completion-rate";
    public const string AverageScore = "learning.average-score";
    public const string Overdue = "learning.overdue";
    public const string Expiring30 = "learning.certificates-expiring-30d";
    private const string CoursePrefix = "learning.course.";
    private const string PathPrefix = "learning.path.";
    private const string RateSuffix = ".completion-rate";

    public IEnumerable<MetricDefinition> Definitions
    {
        get
        {
            yield return new(CompletionRate, "Training completion rate", "Of the training assigned (cancelled assignments left out), the share completed.",
                MetricUnit.Percent, true, "Learning");
            yield return new(AverageScore, "Average quiz score", "The average passing score of course completions with a quiz, in percent.",
                MetricUnit.Percent, true, "Learning");
            yield return new(Overdue, "Overdue training", "Open assignments past their due date.", MetricUnit.Count, true, "Learning");
            yield return new(Expiring30, "Certificates expiring within 30 days", "Valid certificates that expire in the next 30 days.",
                MetricUnit.Count, true, "Learning");
            // One completion rate per course and per path: a KPI can follow "everyone knows the brand" exactly.
            foreach (var c in db.Set<Course>().AsNoTracking().Where(c => c.Status != CourseStatus.Archived).OrderBy(c => c.Id).Select(c => new { c.Id, c.Title }).ToList())
            {
                yield return new(CoursePrefix + Id(c.Id) + RateSuffix, "Completion: " + c.Title, "Of the people assigned this course, the share who completed it.",
                    MetricUnit.Percent, true, "Learning");
            }
            foreach (var p in db.Set<LearningPath>().AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToList())
            {
                yield return new(PathPrefix + Id(p.Id) + RateSuffix, "Completion: " + p.Title, "Of the courses assigned through this path, the share completed.",
                    MetricUnit.Percent, true, "Learning");
            }
        }
    }

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        List<int>? departments = scope.DepartmentId is { } d ? await people.DepartmentAndDescendantsAsync(d) : null;
        var assignments = db.Set<LearningAssignment>().AsNoTracking().Where(a => a.Status != AssignmentStatus.Cancelled);
        if (departments is not null)
        {
            assignments = assignments.Where(a => db.Employees.Any(e => e.Id == a.EmployeeId && e.DepartmentId != null && departments.Contains(e.DepartmentId.Value)));
        }
        switch (key)
        {
            case CompletionRate:
                return await RateAsync(assignments, ct);
            case Overdue:
                return MetricValue.Of(await assignments.CountAsync(a => a.Status == AssignmentStatus.Open && a.DueDate != null && a.DueDate < today, ct));
            case AverageScore:
            {
                var completions = db.Set<CourseCompletion>().AsNoTracking().Where(c => c.ScorePercent != null);
                if (departments is not null)
                {
                    completions = completions.Where(c => db.Employees.Any(e => e.Id == c.EmployeeId && e.DepartmentId != null && departments.Contains(e.DepartmentId.Value)));
                }
                var average = await completions.AverageAsync(c => (double?)c.ScorePercent, ct);
                return average is { } a ? MetricValue.Of((decimal)a) : MetricValue.Unavailable("Nobody to measure yet.");
            }
            case Expiring30:
            {
                var horizon = now.AddDays(30);
                var certificates = db.Set<Certificate>().AsNoTracking().Where(c => c.RevokedUtc == null && c.ExpiresUtc != null && c.ExpiresUtc > now && c.ExpiresUtc <= horizon);
                if (departments is not null)
                {
                    certificates = certificates.Where(c => db.Employees.Any(e => e.Id == c.EmployeeId && e.DepartmentId != null && departments.Contains(e.DepartmentId.Value)));
                }
                return MetricValue.Of(await certificates.CountAsync(ct));
            }
        }
        if (key.EndsWith(RateSuffix, StringComparison.Ordinal) && int.TryParse(key.Split('.')[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return key.StartsWith(CoursePrefix, StringComparison.Ordinal)
                ? await RateAsync(assignments.Where(a => a.CourseId == id), ct)
                : await RateAsync(assignments.Where(a => a.PathId == id), ct);
        }
        throw new ArgumentOutOfRangeException(nameof(key), key, "Not a learning metric.");
    }

    private static async Task<MetricValue> RateAsync(IQueryable<LearningAssignment> assignments, CancellationToken ct) =>
        MetricValue.Share(await assignments.CountAsync(a => a.Status == AssignmentStatus.Completed, ct), await assignments.CountAsync(ct));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
