using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

public sealed record ManagedCourse(int Id, string Title, CourseStatus Status, int Lessons, bool HasQuiz, int Completions, DateTime UpdatedUtc);

/// <summary>/learning/manage: every course, drafts and archived ones included, for authors.</summary>
[RequireCapability(Capability.ManageLearning)]
public sealed class LearningManageModel(InwardDbContext db) : PageModel
{
    public IReadOnlyList<ManagedCourse> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Courses = await db.Set<Course>().AsNoTracking().OrderBy(c => c.Status).ThenBy(c => c.Title)
            .Select(c => new ManagedCourse(c.Id, c.Title, c.Status,
                db.Set<Lesson>().Count(l => l.CourseId == c.Id),
                db.Set<Quiz>().Any(q => q.CourseId == c.Id),
                db.Set<CourseCompletion>().Count(x => x.CourseId == c.Id), c.UpdatedUtc))
            .ToListAsync(ct);
}
