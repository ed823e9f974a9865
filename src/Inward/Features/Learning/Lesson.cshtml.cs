using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>/learning/courses/{id}/lessons/{n}: one lesson with its media, attachments and link; "mark done and next"; previous and next.</summary>
[Authorize(Policy = LearningModule.LearnerPolicy)]
public sealed class LessonModel(CourseCatalogue catalogue, LearnerProgress progress, FileStore files, InwardDbContext db, IStringLocalizer<Strings> t)
    : PageModel
{
    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public int Number { get; private set; }
    public int Count { get; private set; }
    public bool Done { get; private set; }
    public bool Preview { get; private set; }
    public bool HasQuiz { get; private set; }
    public StoredFile? Media { get; private set; }
    public IReadOnlyList<StoredFile> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int n, CancellationToken ct)
    {
        if (await catalogue.ViewableCourseAsync(User, id, ct) is not { } course)
        {
            return NotFound();
        }
        var lessons = await catalogue.LessonsAsync(id, ct);
        if (n < 1 || n > lessons.Count)
        {
            return NotFound();
        }
        Course = course;
        Lesson = lessons[n - 1];
        Number = n;
        Count = lessons.Count;
        Preview = await catalogue.VisibleCourseAsync(User, id, ct) is null;
        var userId = CourseCatalogue.UserId(User)!;
        Done = (await catalogue.DoneLessonsAsync(id, userId, await catalogue.RoundAsync(id, userId, ct), ct)).Contains(Lesson.Id);
        HasQuiz = await db.Set<Quiz>().AnyAsync(q => q.CourseId == id, ct);
        Media = Lesson.MediaFileId is { } m ? await files.FindAsync(m, ct) : null;
        Attachments = [.. (await files.OfOwnerAsync(CourseCatalogue.LessonFileKind, Lesson.Id, ct)).Where(f => f.Id != Lesson.MediaFileId)];
        return Page();
    }

    /// <summary>Marks the lesson done and goes on: the next lesson not done, else the quiz, else the course page.</summary>
    public async Task<IActionResult> OnPostAsync(int id, int n, CancellationToken ct)
    {
        var result = await progress.MarkDoneAsync(User, id, n, ct);
        if (result.Outcome == MarkDoneOutcome.NotFound)
        {
            return NotFound();
        }
        var course = id.ToString(CultureInfo.InvariantCulture);
        if (result.Completion is not null)
        {
            TempData["Saved"] = t["Well done: you have completed this course."].Value;
            return Redirect($"/learning/courses/{course}");
        }
        if (result.NextLesson is { } next)
        {
            return Redirect($"/learning/courses/{course}/lessons/{next.ToString(CultureInfo.InvariantCulture)}");
        }
        var (view, _) = await catalogue.ProgressAsync(id, CourseCatalogue.UserId(User)!, ct);
        if (view.NextLesson is { } earlier)
        {
            // A lesson before this one is still open (they skipped ahead): go back to it.
            return Redirect($"/learning/courses/{course}/lessons/{earlier.ToString(CultureInfo.InvariantCulture)}");
        }
        return Redirect(await db.Set<Quiz>().AnyAsync(q => q.CourseId == id, ct) ? $"/learning/courses/{course}/quiz" : $"/learning/courses/{course}");
    }
}
