using Inward.Platform.Data;

namespace Inward.Features.Learning;

/// <summary>
/// Completes a course for a person: adds the <see cref="CourseCompletion"/> and lets every registered
/// <see cref="ICourseCompletedHandler"/> add its own rows, without saving — the caller saves the lesson progress or quiz
/// attempt that finished the course, the completion and the handlers' rows in one SaveChanges, so none is stored without
/// the others. The completion also starts the person's next round (<see cref="CourseCatalogue.RoundAsync"/>).
/// </summary>
public sealed class CourseCompletionService(InwardDbContext db, IEnumerable<ICourseCompletedHandler> handlers, TimeProvider clock)
{
    /// <summary>Whether a round is finished: every lesson done, and the quiz (when the course has one) passed.</summary>
    public static bool IsFinished(IReadOnlyCollection<int> lessonIds, IReadOnlySet<int> doneLessonIds, bool hasQuiz, bool quizPassed) =>
        lessonIds.Count > 0 && lessonIds.All(doneLessonIds.Contains) && (!hasQuiz || quizPassed);

    /// <summary>Adds the completion (unsaved) and calls the handlers; returns it.</summary>
    public async Task<CourseCompletion> AddAsync(Course course, string userId, int? employeeId, int? scorePercent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        var completion = new CourseCompletion
        {
            CourseId = course.Id,
            UserId = userId,
            EmployeeId = employeeId,
            CompletedUtc = clock.GetUtcNow().UtcDateTime,
            ScorePercent = scorePercent,
        };
        db.Add(completion);
        foreach (var handler in handlers)
        {
            await handler.OnCompletedAsync(db, completion, course, ct);
        }
        return completion;
    }
}
