using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>/learning/courses/{id}: the course, its lessons with my done marks, start or continue. 404 for a course not open to me.</summary>
[Authorize(Policy = LearningModule.LearnerPolicy)]
public sealed class CourseModel(CourseCatalogue catalogue, QuizTaking quizzes, Platform.Data.InwardDbContext db) : PageModel
{
    public Course Course { get; private set; } = null!;
    public CourseProgressView Progress { get; private set; } = null!;
    public IReadOnlyList<LessonSummary> Lessons { get; private set; } = [];
    public QuizState? Quiz { get; private set; }
    public bool HasQuiz { get; private set; }
    /// <summary>An author previewing a course that is not open to them as a learner (a draft, or outside its audience).</summary>
    public bool Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await catalogue.ViewableCourseAsync(User, id, ct) is not { } course)
        {
            return NotFound();
        }
        Course = course;
        Preview = await catalogue.VisibleCourseAsync(User, id, ct) is null;
        (Progress, Lessons) = await catalogue.ProgressAsync(id, CourseCatalogue.UserId(User)!, ct);
        Quiz = Preview ? null : await quizzes.StateAsync(User, id, ct);
        HasQuiz = await db.Set<Quiz>().AnyAsync(q => q.CourseId == id, ct);
        return Page();
    }
}
