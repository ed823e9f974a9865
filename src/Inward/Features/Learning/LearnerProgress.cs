using System.Security.Claims;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

public enum MarkDoneOutcome
{
    Done,
    /// <summary>The course is not one the person may take, or it has no such lesson.</summary>
    NotFound,
}

public sealed record MarkDoneResult(MarkDoneOutcome Outcome, CourseCompletion? Completion = null, int? NextLesson = null);

/// <summary>Marks lessons done for the signed-in person and completes the course when that finishes it (one SaveChanges).</summary>
public sealed class LearnerProgress(InwardDbContext db, CourseCatalogue catalogue, CourseCompletionService completions, TimeProvider clock)
{
    /// <param name="number">The lesson's position in the course, from 1.</param>
    public async Task<MarkDoneResult> MarkDoneAsync(ClaimsPrincipal user, int courseId, int number, CancellationToken ct = default)
    {
        if (CourseCatalogue.UserId(user) is not { } userId || await catalogue.VisibleCourseAsync(user, courseId, ct) is not { } course)
        {
            return new(MarkDoneOutcome.NotFound);
        }
        var lessons = await catalogue.LessonsAsync(courseId, ct);
        if (number < 1 || number > lessons.Count)
        {
            return new(MarkDoneOutcome.NotFound);
        }
        var lesson = lessons[number - 1];
        var round = await catalogue.RoundAsync(courseId, userId, ct);
        var done = await catalogue.DoneLessonsAsync(courseId, userId, round, ct);
        CourseCompletion? completion = null;
        if (done.Add(lesson.Id))
        {
            db.Add(new LessonProgress { CourseId = courseId, LessonId = lesson.Id, UserId = userId, Round = round, DoneUtc = clock.GetUtcNow().UtcDateTime });
            var quiz = await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == courseId, ct);
            var passedScore = quiz is null ? null : await db.Set<QuizAttempt>().AsNoTracking()
                .Where(a => a.QuizId == quiz.Id && a.UserId == userId && a.Round == round && a.Passed == true)
                .MaxAsync(a => a.ScorePercent, ct);
            if (CourseCompletionService.IsFinished([.. lessons.Select(l => l.Id)], done, quiz is not null, passedScore is not null))
            {
                completion = await completions.AddAsync(course, userId, CourseCatalogue.EmployeeIdOf(user), passedScore, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (completion is null)
            {
                // The same lesson marked done by a parallel request (a double tap): the unique index kept one row.
                db.ChangeTracker.Clear();
            }
        }
        var next = completion is null ? lessons.Select((l, i) => (l, i)).FirstOrDefault(x => !done.Contains(x.l.Id) && x.i + 1 > number) : default;
        return new(MarkDoneOutcome.Done, completion, next.l is null ? null : next.i + 1);
    }
}
