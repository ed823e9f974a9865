using Inward.Features.Audiences;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

public sealed record CourseInput(string? Title, string? Description, string? OwnerUserId, int EstimatedMinutes, string? Languages,
    AudienceRule? Audience, int? RecertifyMonths, CourseStatus Status);

public sealed record LessonInput(string? Title, string? Body, string? MediaUrl, string? LinkPath, string? LinkLabel);

public sealed record QuizInput(int PassMarkPercent, int? MaxAttempts, int? DrawCount);

public sealed record OptionInput(string? Text, bool Correct, string? Feedback);

public sealed record QuestionInput(QuestionKind Kind, string? Text, string? IncorrectFeedback, IReadOnlyList<OptionInput> Options, bool TrueIsCorrect = true);

/// <summary>The pure checks of lesson fields: https media links and local links into the brand book, plan, touchpoints and role cards.</summary>
public static class LessonRules
{
    /// <summary>Paths a lesson may link to: pages of the features a course teaches.</summary>
    public static readonly IReadOnlyList<string> LinkPrefixes = ["/brand", "/plan", "/touchpoints", "/expectations", "/role-cards", "/internal-customers"];

    public static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>A path on this site under one of <see cref="LinkPrefixes"/>: no scheme, no host ("//x"), no backslashes or control characters.</summary>
    public static bool IsLocalLink(string path)
    {
        if (path.Length == 0 || path.Length > Lesson.UrlMax || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }
        var end = path.IndexOfAny(['?', '#']);
        var bare = end < 0 ? path : path[..end];
        return LinkPrefixes.Any(p => bare.Equals(p, StringComparison.Ordinal) || bare.StartsWith(p + "/", StringComparison.Ordinal))
            && Uri.TryCreate(path, UriKind.Relative, out _);
    }

    public static IReadOnlyList<QuizRules.Problem> Check(LessonInput input)
    {
        var problems = new List<QuizRules.Problem>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("Title", "Give the lesson a title."));
        }
        else if (title.Length > Lesson.TitleMax)
        {
            problems.Add(new("Title", "The title is too long (at most {0} characters).", Lesson.TitleMax));
        }
        if ((input.Body ?? "").Length > Lesson.BodyMax)
        {
            problems.Add(new("Body", "The text is too long (at most {0} characters).", Lesson.BodyMax));
        }
        if (!string.IsNullOrWhiteSpace(input.MediaUrl) && !IsHttpsUrl(input.MediaUrl.Trim()))
        {
            problems.Add(new("MediaUrl", "A video or audio link must be a full https:// address."));
        }
        if (!string.IsNullOrWhiteSpace(input.LinkPath) && !IsLocalLink(input.LinkPath.Trim()))
        {
            problems.Add(new("LinkPath", "Link to a page of the brand book, the plan, a touchpoint or a role card (a path such as /brand or /touchpoints/3)."));
        }
        if ((input.LinkLabel ?? "").Trim().Length > Lesson.LinkLabelMax)
        {
            problems.Add(new("LinkLabel", "The link text is too long (at most {0} characters).", Lesson.LinkLabelMax));
        }
        return problems;
    }
}

/// <summary>Writes courses, lessons, quizzes and questions for authors (pages and API share it). Each method checks everything before it saves anything.</summary>
public sealed class CourseAuthoring(InwardDbContext db, AudienceResolver resolver, TimeProvider clock)
{
    public const int MaxMinutes = 10_000;
    public const int MaxRecertifyMonths = 120;
    public static readonly IReadOnlyList<string> KnownLanguages = ["en", "ar", "pl"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<QuizRules.Problem>> CheckCourseAsync(CourseInput input, int? courseId, CancellationToken ct = default)
    {
        var problems = new List<QuizRules.Problem>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new("Title", "Give the course a title."));
        }
        else if (title.Length > Course.TitleMax)
        {
            problems.Add(new("Title", "The title is too long (at most {0} characters).", Course.TitleMax));
        }
        if ((input.Description ?? "").Length > Course.DescriptionMax)
        {
            problems.Add(new("Description", "The description is too long (at most {0} characters).", Course.DescriptionMax));
        }
        if (input.EstimatedMinutes is < 0 or > MaxMinutes)
        {
            problems.Add(new("EstimatedMinutes", "The estimated time must be between 0 and {0} minutes.", MaxMinutes));
        }
        if (input.RecertifyMonths is { } m && (m < 1 || m > MaxRecertifyMonths))
        {
            problems.Add(new("RecertifyMonths", "Re-certification must be every 1 to {0} months, or empty for never.", MaxRecertifyMonths));
        }
        if (ParseLanguages(input.Languages) is null)
        {
            problems.Add(new("Languages", "List the course's languages as codes among {0}, separated by commas.", string.Join(", ", KnownLanguages)));
        }
        if (string.IsNullOrWhiteSpace(input.OwnerUserId) || !await db.Users.AnyAsync(u => u.Id == input.OwnerUserId && u.IsActive, ct))
        {
            problems.Add(new("OwnerUserId", "Choose the course's owner among active accounts."));
        }
        if (input.Audience is null)
        {
            problems.Add(new("Audience", "Say who the course is for."));
        }
        else
        {
            foreach (var e in await resolver.ValidateAsync(input.Audience, ct))
            {
                problems.Add(new("Audience", e.Message, [.. e.Arguments]));
            }
        }
        if (input.Status == CourseStatus.Published)
        {
            var lessons = courseId is { } id ? await db.Set<Lesson>().CountAsync(l => l.CourseId == id, ct) : 0;
            if (lessons == 0)
            {
                problems.Add(new("Status", "Add at least one lesson before publishing the course."));
            }
            var quiz = courseId is { } cid ? await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == cid, ct) : null;
            if (quiz is not null && !await db.Set<QuizQuestion>().AnyAsync(q => q.QuizId == quiz.Id, ct))
            {
                problems.Add(new("Status", "The course's quiz has no questions: add some or remove the quiz before publishing."));
            }
        }
        return problems;
    }

    /// <summary>"en, PL" → "en,pl"; null when empty or a code is unknown.</summary>
    public static string? ParseLanguages(string? languages)
    {
        var codes = (languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 0 || codes.Any(c => !KnownLanguages.Contains(c, StringComparer.Ordinal)) ? null : string.Join(',', codes);
    }

    /// <summary>Creates or updates a course after <see cref="CheckCourseAsync"/> found nothing wrong.</summary>
    public async Task<Course> SaveCourseAsync(CourseInput input, Course? course, CancellationToken ct = default)
    {
        var now = Now;
        if (course is null)
        {
            course = new Course { Title = "", OwnerUserId = "", AudienceJson = "", CreatedUtc = now };
            db.Add(course);
        }
        course.Title = input.Title!.Trim();
        course.Description = input.Description ?? "";
        course.OwnerUserId = input.OwnerUserId!;
        course.EstimatedMinutes = input.EstimatedMinutes;
        course.Languages = ParseLanguages(input.Languages)!;
        course.AudienceJson = input.Audience!.ToJson();
        course.RecertifyMonths = input.RecertifyMonths;
        course.Status = input.Status;
        course.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        return course;
    }

    public Task<Lesson> AddLessonAsync(int courseId, LessonInput input, CancellationToken ct = default) => SaveLessonAsync(courseId, null, input, ct);

    public async Task<Lesson> SaveLessonAsync(int courseId, Lesson? lesson, LessonInput input, CancellationToken ct = default)
    {
        var now = Now;
        if (lesson is null)
        {
            var last = await db.Set<Lesson>().Where(l => l.CourseId == courseId).MaxAsync(l => (int?)l.SortOrder, ct) ?? 0;
            lesson = new Lesson { CourseId = courseId, SortOrder = last + 1, Title = "", CreatedUtc = now };
            db.Add(lesson);
        }
        lesson.Title = input.Title!.Trim();
        lesson.Body = input.Body ?? "";
        lesson.MediaUrl = string.IsNullOrWhiteSpace(input.MediaUrl) ? null : input.MediaUrl.Trim();
        lesson.LinkPath = string.IsNullOrWhiteSpace(input.LinkPath) ? null : input.LinkPath.Trim();
        lesson.LinkLabel = string.IsNullOrWhiteSpace(input.LinkLabel) ? null : input.LinkLabel.Trim();
        lesson.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        return lesson;
    }

    /// <summary>Moves a lesson one place up (-1) or down (+1) and renumbers the course's lessons 1..n.</summary>
    public async Task MoveLessonAsync(int courseId, int lessonId, int direction, CancellationToken ct = default)
    {
        var lessons = await db.Set<Lesson>().Where(l => l.CourseId == courseId).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(ct);
        var index = lessons.FindIndex(l => l.Id == lessonId);
        var target = index + Math.Sign(direction);
        if (index >= 0 && target >= 0 && target < lessons.Count)
        {
            (lessons[index], lessons[target]) = (lessons[target], lessons[index]);
        }
        for (var i = 0; i < lessons.Count; i++)
        {
            lessons[i].SortOrder = i + 1;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a lesson (its progress rows go with it) and renumbers the rest.</summary>
    public async Task DeleteLessonAsync(Lesson lesson, CancellationToken ct = default)
    {
        db.Remove(lesson);
        await db.SaveChangesAsync(ct);
        await MoveLessonAsync(lesson.CourseId, 0, 0, ct);
    }

    public async Task<List<QuizRules.Problem>> CheckQuizAsync(int? quizId, QuizInput input, CancellationToken ct = default)
    {
        var bank = quizId is { } id ? await db.Set<QuizQuestion>().CountAsync(q => q.QuizId == id, ct) : 0;
        return [.. QuizRules.CheckQuiz(input.PassMarkPercent, input.MaxAttempts, input.DrawCount, bank)];
    }

    public async Task<Quiz> SaveQuizAsync(int courseId, QuizInput input, CancellationToken ct = default)
    {
        var quiz = await db.Set<Quiz>().SingleOrDefaultAsync(q => q.CourseId == courseId, ct);
        if (quiz is null)
        {
            quiz = new Quiz { CourseId = courseId };
            db.Add(quiz);
        }
        quiz.PassMarkPercent = input.PassMarkPercent;
        quiz.MaxAttempts = input.MaxAttempts;
        quiz.DrawCount = input.DrawCount;
        quiz.UpdatedUtc = Now;
        await db.SaveChangesAsync(ct);
        return quiz;
    }

    /// <summary>The options a question is stored with: blank rows dropped; true/false always "True" and "False".</summary>
    public static List<OptionInput> Options(QuestionInput input) => input.Kind switch
    {
        QuestionKind.TrueFalse => [new("True", input.TrueIsCorrect, null), new("False", !input.TrueIsCorrect, null)],
        QuestionKind.ShortAnswer => [.. input.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => o with { Text = o.Text!.Trim(), Correct = true })],
        _ => [.. input.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => o with { Text = o.Text!.Trim() })],
    };

    public static IReadOnlyList<QuizRules.Problem> CheckQuestion(QuestionInput input)
    {
        var problems = QuizRules.CheckQuestion(input.Kind, input.Text?.Trim(), [.. Options(input).Select(o => (o.Text!, o.Correct))]).ToList();
        if ((input.IncorrectFeedback ?? "").Length > QuizQuestion.FeedbackMax
            || input.Options.Any(o => (o.Feedback ?? "").Length > QuizQuestion.FeedbackMax))
        {
            problems.Add(new("IncorrectFeedback", "Feedback is too long (at most {0} characters).", QuizQuestion.FeedbackMax));
        }
        return problems;
    }

    public async Task<QuizQuestion> SaveQuestionAsync(int quizId, QuizQuestion? question, QuestionInput input, CancellationToken ct = default)
    {
        if (question is null)
        {
            var last = await db.Set<QuizQuestion>().Where(q => q.QuizId == quizId).MaxAsync(q => (int?)q.SortOrder, ct) ?? 0;
            question = new QuizQuestion { QuizId = quizId, SortOrder = last + 1, Text = "" };
            db.Add(question);
        }
        else
        {
            db.RemoveRange(question.Options);
        }
        question.Kind = input.Kind;
        question.Text = input.Text!.Trim();
        question.IncorrectFeedback = string.IsNullOrWhiteSpace(input.IncorrectFeedback) ? null : input.IncorrectFeedback.Trim();
        question.Options = [.. Options(input).Select((o, i) => new QuizOption
        {
            SortOrder = i + 1, Text = o.Text!, IsCorrect = o.Correct, Feedback = string.IsNullOrWhiteSpace(o.Feedback) ? null : o.Feedback.Trim(),
        })];
        await db.SaveChangesAsync(ct);
        return question;
    }
}
