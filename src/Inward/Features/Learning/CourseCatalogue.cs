using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Files;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>Where a person stands in a course: lessons done in the current round, the last completion, and the lesson to resume at.</summary>
public sealed record CourseProgressView(int LessonsDone, int LessonCount, DateTime? LastCompletedUtc, int? NextLesson, int Round)
{
    public bool Started => LessonsDone > 0;
    public bool Completed => LastCompletedUtc is not null;
}

public sealed record CourseCard(int Id, string Title, string Description, Guid? CoverFileId, int EstimatedMinutes, string Languages,
    int? RecertifyMonths, CourseProgressView Progress);

public sealed record LessonSummary(int Id, int Number, string Title, bool Done);

/// <summary>
/// What a person may learn: published courses whose audience includes them now (the rule is evaluated at read time with the
/// pure <see cref="AudienceRules.Matches"/>; partner users match only clauses naming their organisation), and their progress.
/// Authors (ManageLearning) may open any course, drafts included, to preview it.
/// </summary>
public sealed class CourseCatalogue(InwardDbContext db, AudienceResolver resolver)
{
    public const string CourseFileKind = "course";
    public const string LessonFileKind = "lesson";

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool MayManage(ClaimsPrincipal user) => user.Has(Capability.ManageLearning);

    /// <summary>Published courses this person is in the audience of, by title.</summary>
    public async Task<IReadOnlyList<Course>> VisibleCoursesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await resolver.FactsOfAsync(user, ct) is not { IsActive: true } facts)
        {
            return [];
        }
        var tree = await resolver.TreeAsync(ct);
        var published = await db.Set<Course>().AsNoTracking().Where(c => c.Status == CourseStatus.Published)
            .OrderBy(c => c.Title).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. published.Where(c => Includes(c.AudienceJson, facts, tree))];
    }

    /// <summary>A course this person may take (published, in its audience); null otherwise (callers answer 404).</summary>
    public async Task<Course?> VisibleCourseAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var course = await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CourseStatus.Published, ct);
        if (course is null || await resolver.FactsOfAsync(user, ct) is not { IsActive: true } facts)
        {
            return null;
        }
        return Includes(course.AudienceJson, facts, await resolver.TreeAsync(ct)) ? course : null;
    }

    /// <summary>A course to show: one the person may take, or any course for an author (a preview). Null: 404.</summary>
    public async Task<Course?> ViewableCourseAsync(ClaimsPrincipal user, int id, CancellationToken ct = default) =>
        MayManage(user)
            ? await db.Set<Course>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            : await VisibleCourseAsync(user, id, ct);

    private bool Includes(string json, MemberFacts facts, DepartmentTree tree)
    {
        try
        {
            return AudienceRule.FromJson(json) is { } rule && AudienceRules.Matches(rule, facts, tree, resolver.Today);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public Task<List<Lesson>> LessonsAsync(int courseId, CancellationToken ct = default) =>
        db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == courseId).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(ct);

    /// <summary>The person's current round of a course: how many times they completed it.</summary>
    public Task<int> RoundAsync(int courseId, string userId, CancellationToken ct = default) =>
        db.Set<CourseCompletion>().CountAsync(c => c.CourseId == courseId && c.UserId == userId, ct);

    /// <summary>Lesson ids done by the person in the current round.</summary>
    public async Task<HashSet<int>> DoneLessonsAsync(int courseId, string userId, int round, CancellationToken ct = default) =>
        (await db.Set<LessonProgress>().AsNoTracking().Where(p => p.CourseId == courseId && p.UserId == userId && p.Round == round)
            .Select(p => p.LessonId).ToListAsync(ct)).ToHashSet();

    public async Task<(CourseProgressView Progress, IReadOnlyList<LessonSummary> Lessons)> ProgressAsync(int courseId, string userId,
        CancellationToken ct = default)
    {
        var lessons = await LessonsAsync(courseId, ct);
        var completions = await db.Set<CourseCompletion>().AsNoTracking().Where(c => c.CourseId == courseId && c.UserId == userId)
            .Select(c => c.CompletedUtc).ToListAsync(ct);
        var round = completions.Count;
        var done = await DoneLessonsAsync(courseId, userId, round, ct);
        var summaries = lessons.Select((l, i) => new LessonSummary(l.Id, i + 1, l.Title, done.Contains(l.Id))).ToList();
        return (Summarise(summaries, completions.Count == 0 ? null : completions.Max(), round), summaries);
    }

    private static CourseProgressView Summarise(List<LessonSummary> lessons, DateTime? lastCompleted, int round) =>
        new(lessons.Count(l => l.Done), lessons.Count, lastCompleted, lessons.FirstOrDefault(l => !l.Done)?.Number, round);

    /// <summary>The catalogue: the courses this person may take with their progress, in three queries whatever the number of courses.</summary>
    public async Task<IReadOnlyList<CourseCard>> CatalogueAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var courses = await VisibleCoursesAsync(user, ct);
        if (courses.Count == 0 || UserId(user) is not { } userId)
        {
            return [];
        }
        var ids = courses.Select(c => c.Id).ToList();
        var lessons = (await db.Set<Lesson>().AsNoTracking().Where(l => ids.Contains(l.CourseId))
            .Select(l => new { l.Id, l.CourseId, l.SortOrder, l.Title }).ToListAsync(ct)).ToLookup(l => l.CourseId);
        var completions = (await db.Set<CourseCompletion>().AsNoTracking().Where(c => c.UserId == userId && ids.Contains(c.CourseId))
            .Select(c => new { c.CourseId, c.CompletedUtc }).ToListAsync(ct)).ToLookup(c => c.CourseId);
        var progress = (await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && ids.Contains(p.CourseId))
            .Select(p => new { p.CourseId, p.LessonId, p.Round }).ToListAsync(ct)).ToLookup(p => p.CourseId);
        return [.. courses.Select(c =>
        {
            var round = completions[c.Id].Count();
            var done = progress[c.Id].Where(p => p.Round == round).Select(p => p.LessonId).ToHashSet();
            var summaries = lessons[c.Id].OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
                .Select((l, i) => new LessonSummary(l.Id, i + 1, l.Title, done.Contains(l.Id))).ToList();
            var last = completions[c.Id].Select(x => (DateTime?)x.CompletedUtc).Max();
            return new CourseCard(c.Id, c.Title, c.Description, c.CoverFileId, c.EstimatedMinutes, c.Languages, c.RecertifyMonths,
                Summarise(summaries, last, round));
        })];
    }

    /// <summary>Published courses for pickers elsewhere (the role-card editor), by title.</summary>
    public Task<List<(int Id, string Title)>> PublishedTitlesAsync(CancellationToken ct = default) =>
        db.Set<Course>().AsNoTracking().Where(c => c.Status == CourseStatus.Published).OrderBy(c => c.Title)
            .Select(c => new ValueTuple<int, string>(c.Id, c.Title)).ToListAsync(ct);

    public static int? EmployeeIdOf(ClaimsPrincipal user) => PeopleQueries.EmployeeIdOf(user);
}

/// <summary>Course covers and lesson media/attachments are served to whoever may open the course, and to authors.</summary>
internal sealed class CourseFileOwner(CourseCatalogue catalogue) : IFileOwner
{
    public string Kind => CourseCatalogue.CourseFileKind;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int ownerId, CancellationToken ct) =>
        await catalogue.ViewableCourseAsync(user, ownerId, ct) is not null;
}

internal sealed class LessonFileOwner(CourseCatalogue catalogue, InwardDbContext db) : IFileOwner
{
    public string Kind => CourseCatalogue.LessonFileKind;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, int ownerId, CancellationToken ct) =>
        await db.Set<Lesson>().AsNoTracking().Where(l => l.Id == ownerId).Select(l => (int?)l.CourseId).SingleOrDefaultAsync(ct) is { } courseId
        && await catalogue.ViewableCourseAsync(user, courseId, ct) is not null;
}
