using System.ComponentModel;
using System.Globalization;
using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Text;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

public sealed record ProgressResponse(int LessonsDone, int LessonCount, DateTime? LastCompletedUtc, int? NextLesson, int Round);

public sealed record CourseResponse(int Id, string Title, string DescriptionMarkdown, string DescriptionHtml, string? CoverUrl, string OwnerUserId,
    int EstimatedMinutes, string Languages, int? RecertifyMonths, string Status, AudienceRule? Audience, bool HasQuiz,
    IReadOnlyList<LessonListItem> Lessons, ProgressResponse? Progress);

public sealed record LessonListItem(int Number, string Title, bool Done);

public sealed record AttachmentResponse(string Name, string Url, long Size);

public sealed record LessonResponse(int Number, string Title, string BodyMarkdown, string BodyHtml, string? MediaUrl, string? MediaType,
    string? LinkPath, string? LinkLabel, IReadOnlyList<AttachmentResponse> Attachments, bool Done, int LessonCount);

public sealed record CourseRequest(
    [property: Description("1 to 200 characters.")] string? Title,
    [property: Description("Markdown.")] string? Description,
    [property: Description("The owning account's id; default: you.")] string? OwnerUserId,
    int? EstimatedMinutes,
    [property: Description("Comma-separated codes among en, ar, pl.")] string? Languages,
    [property: Description("Who may take the course.")] AudienceRule? Audience,
    [property: Description("1 to 120, or null for never.")] int? RecertifyMonths,
    [property: Description("Draft, Published or Archived.")] string? Status);

public sealed record LessonRequest(string? Title, [property: Description("Markdown.")] string? Body,
    [property: Description("An https link to a video or audio.")] string? MediaUrl,
    [property: Description("A local path: /brand, /plan, /touchpoints/{id}, /expectations, /role-cards/{id}, /internal-customers.")] string? LinkPath,
    string? LinkLabel);

public sealed record MarkDoneResponse(bool CourseCompleted, int? NextLesson, ProgressResponse Progress);

public sealed record QuizRequest([property: Description("0 to 100.")] int? PassMarkPercent,
    [property: Description("1 to 100, or null for unlimited.")] int? MaxAttempts,
    [property: Description("Questions drawn per attempt, or null for all.")] int? DrawCount);

public sealed record OptionResponse(int Id, string Text, bool Correct, string? Feedback);

public sealed record QuestionResponse(int Id, string Kind, string Text, string? IncorrectFeedback, IReadOnlyList<OptionResponse> Options);

public sealed record QuizResponse(int PassMarkPercent, int? MaxAttempts, int? DrawCount, IReadOnlyList<QuestionResponse> Questions);

public sealed record OptionRequest(string? Text, bool Correct, string? Feedback);

public sealed record QuestionRequest([property: Description("SingleChoice, MultipleChoice, TrueFalse or ShortAnswer.")] string? Kind, string? Text,
    string? IncorrectFeedback, IReadOnlyList<OptionRequest>? Options,
    [property: Description("TrueFalse only: whether the statement is true.")] bool? IsTrue);

public sealed record AttemptQuestion(int Id, string Kind, string Text, IReadOnlyList<DrawnOption> Options);

public sealed record AttemptResponse(int AttemptId, int Number, IReadOnlyList<AttemptQuestion> Questions);

public sealed record AnswerRequest(int QuestionId, IReadOnlyList<int>? OptionIds, string? Text);

public sealed record SubmitRequest(IReadOnlyList<AnswerRequest>? Answers);

public sealed record AnswerResult(int QuestionId, bool Correct, IReadOnlyList<string> Feedback);

public sealed record SubmitResponse(int ScorePercent, bool Passed, int CorrectCount, int Total, int? AttemptsLeft, bool CourseCompleted,
    IReadOnlyList<AnswerResult> Answers);

/// <summary>
/// /api/v1/courses: learners (employees and partner users) list, read and take the courses whose audience includes them
/// (404 for any other id); ManageLearning authors courses, lessons, quizzes and question banks. Correct answers are never
/// part of what a learner receives before submitting.
/// </summary>
public static class LearningApi
{
    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Learning", LearningModule.LearnerPolicy);
        api.MapGet("/courses", ListAsync);
        api.MapGet("/courses/{id:int}", GetAsync);
        api.MapGet("/courses/{id:int}/lessons/{n:int}", LessonAsync);
        api.MapPost("/courses/{id:int}/lessons/{n:int}/progress", MarkDoneAsync);
        api.MapPost("/courses/{id:int}/quiz/attempts", StartAsync);
        api.MapPost("/courses/{id:int}/quiz/attempts/{attemptId:int}/submit", SubmitAsync).AcceptsJson<SubmitRequest>();

        var manage = nameof(Capability.ManageLearning);
        api.MapPost("/courses", CreateAsync).AcceptsJson<CourseRequest>().RequireAuthorization(manage);
        api.MapPut("/courses/{id:int}", UpdateAsync).AcceptsJson<CourseRequest>().RequireAuthorization(manage);
        api.MapDelete("/courses/{id:int}", DeleteAsync).RequireAuthorization(manage);
        api.MapPost("/courses/{id:int}/lessons", AddLessonAsync).AcceptsJson<LessonRequest>().RequireAuthorization(manage);
        api.MapPut("/courses/{id:int}/lessons/{n:int}", UpdateLessonAsync).AcceptsJson<LessonRequest>().RequireAuthorization(manage);
        api.MapDelete("/courses/{id:int}/lessons/{n:int}", DeleteLessonAsync).RequireAuthorization(manage);
        api.MapGet("/courses/{id:int}/quiz", QuizAsync).RequireAuthorization(manage);
        api.MapPut("/courses/{id:int}/quiz", SaveQuizAsync).AcceptsJson<QuizRequest>().RequireAuthorization(manage);
        api.MapDelete("/courses/{id:int}/quiz", DeleteQuizAsync).RequireAuthorization(manage);
        api.MapPost("/courses/{id:int}/quiz/questions", AddQuestionAsync).AcceptsJson<QuestionRequest>().RequireAuthorization(manage);
        api.MapPut("/courses/{id:int}/quiz/questions/{questionId:int}", UpdateQuestionAsync).AcceptsJson<QuestionRequest>().RequireAuthorization(manage);
        api.MapDelete("/courses/{id:int}/quiz/questions/{questionId:int}", DeleteQuestionAsync).RequireAuthorization(manage);
        return app;
    }

    private static ProblemHttpResult NotFound(string what = "No course with this id is open to you.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    private static ValidationProblem Invalid(IEnumerable<QuizRules.Problem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => char.ToLowerInvariant(p.Field[0]) + p.Field[1..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => string.Format(CultureInfo.InvariantCulture, p.Message, p.Arguments)).ToArray(), StringComparer.Ordinal));

    private static ProgressResponse ToResponse(CourseProgressView p) => new(p.LessonsDone, p.LessonCount, p.LastCompletedUtc, p.NextLesson, p.Round);

    [EndpointSummary("Courses open to you, with your progress")]
    public static async Task<Ok<IReadOnlyList<CourseResponse>>> ListAsync(CourseCatalogue catalogue, HttpContext http, CancellationToken ct)
    {
        var cards = await catalogue.CatalogueAsync(http.User, ct);
        return TypedResults.Ok<IReadOnlyList<CourseResponse>>([.. cards.Select(c => new CourseResponse(c.Id, c.Title, c.Description,
            SafeMarkdown.ToHtml(c.Description), CoverUrl(c.CoverFileId), "", c.EstimatedMinutes, c.Languages, c.RecertifyMonths,
            nameof(CourseStatus.Published), null, false, [], ToResponse(c.Progress)))]);
    }

    private static string? CoverUrl(Guid? file) => file is { } f ? $"/files/{f}" : null;

    [EndpointSummary("A course open to you (authors: any course, with its audience)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> GetAsync(CourseCatalogue catalogue, InwardDbContext db, HttpContext http,
        int id, CancellationToken ct)
    {
        if (await catalogue.ViewableCourseAsync(http.User, id, ct) is not { } course)
        {
            return NotFound();
        }
        return TypedResults.Ok(await CourseResponseAsync(catalogue, db, http, course, ct));
    }

    private static async Task<CourseResponse> CourseResponseAsync(CourseCatalogue catalogue, InwardDbContext db, HttpContext http, Course course,
        CancellationToken ct)
    {
        var userId = CourseCatalogue.UserId(http.User)!;
        var (progress, lessons) = await catalogue.ProgressAsync(course.Id, userId, ct);
        var manager = CourseCatalogue.MayManage(http.User);
        return new CourseResponse(course.Id, course.Title, course.Description, SafeMarkdown.ToHtml(course.Description), CoverUrl(course.CoverFileId),
            manager ? course.OwnerUserId : "", course.EstimatedMinutes, course.Languages, course.RecertifyMonths, course.Status.ToString(),
            manager ? AudienceRule.FromJson(course.AudienceJson) : null, await db.Set<Quiz>().AnyAsync(q => q.CourseId == course.Id, ct),
            [.. lessons.Select(l => new LessonListItem(l.Number, l.Title, l.Done))], ToResponse(progress));
    }

    [EndpointSummary("A lesson of a course open to you, by its number (from 1)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<LessonResponse>, ProblemHttpResult>> LessonAsync(CourseCatalogue catalogue, Platform.Files.FileStore files,
        HttpContext http, int id, int n, CancellationToken ct)
    {
        if (await catalogue.ViewableCourseAsync(http.User, id, ct) is not { } course)
        {
            return NotFound();
        }
        var (_, summaries) = await catalogue.ProgressAsync(course.Id, CourseCatalogue.UserId(http.User)!, ct);
        var lessons = await catalogue.LessonsAsync(course.Id, ct);
        if (n < 1 || n > lessons.Count)
        {
            return NotFound("The course has no lesson with this number.");
        }
        var lesson = lessons[n - 1];
        var media = lesson.MediaFileId is { } m ? await files.FindAsync(m, ct) : null;
        var attachments = (await files.OfOwnerAsync(CourseCatalogue.LessonFileKind, lesson.Id, ct)).Where(f => f.Id != lesson.MediaFileId)
            .Select(f => new AttachmentResponse(f.FileName, $"/files/{f.Id}", f.Size)).ToList();
        return TypedResults.Ok(new LessonResponse(n, lesson.Title, lesson.Body, SafeMarkdown.ToHtml(lesson.Body),
            media is not null ? $"/files/{media.Id}" : lesson.MediaUrl, media?.ContentType, lesson.LinkPath, lesson.LinkLabel, attachments,
            summaries[n - 1].Done, lessons.Count));
    }

    [EndpointSummary("Mark a lesson done")]
    [EndpointDescription("Idempotent. When this finishes the course (every lesson done and the quiz, if any, passed) the completion is recorded.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<MarkDoneResponse>, ProblemHttpResult>> MarkDoneAsync(LearnerProgress progress, CourseCatalogue catalogue,
        HttpContext http, int id, int n, CancellationToken ct)
    {
        var result = await progress.MarkDoneAsync(http.User, id, n, ct);
        if (result.Outcome == MarkDoneOutcome.NotFound)
        {
            return NotFound("No such lesson in a course open to you.");
        }
        var (view, _) = await catalogue.ProgressAsync(id, CourseCatalogue.UserId(http.User)!, ct);
        return TypedResults.Ok(new MarkDoneResponse(result.Completion is not null, result.NextLesson, ToResponse(view)));
    }

    [EndpointSummary("Start a quiz attempt (or get your open one)")]
    [EndpointDescription("Returns the drawn questions and their options, without correct answers. 409 when no attempts are left or you passed already.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<AttemptResponse>, ProblemHttpResult>> StartAsync(QuizTaking quizzes, HttpContext http, int id, CancellationToken ct)
    {
        var result = await quizzes.StartAsync(http.User, id, ct);
        return result.Outcome switch
        {
            QuizOutcome.Ok => TypedResults.Ok(new AttemptResponse(result.Attempt!.AttemptId, result.Attempt.Number,
                [.. result.Attempt.Questions.Select(q => new AttemptQuestion(q.Id, q.Kind.ToString(), q.Text, q.Options))])),
            QuizOutcome.NoAttemptsLeft => Conflict("You have used every attempt at this quiz."),
            QuizOutcome.AlreadyPassed => Conflict("You have passed this quiz already."),
            QuizOutcome.NoQuestions => Conflict("This quiz has no questions yet."),
            _ => NotFound("No quiz in a course open to you."),
        };
    }

    [EndpointSummary("Submit the answers of an attempt and get the score")]
    [EndpointDescription("Once per attempt (409 the second time). Answers to questions not drawn for the attempt are 400 and nothing is stored.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<Results<Ok<SubmitResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(QuizTaking quizzes, HttpContext http,
        int id, int attemptId, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<SubmitRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var answers = new Dictionary<int, QuizAnswer>();
        foreach (var a in request!.Answers ?? [])
        {
            if (!answers.TryAdd(a.QuestionId, new QuizAnswer(a.OptionIds ?? [], a.Text)))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = [$"Question {a.QuestionId} is answered twice."] });
            }
        }
        var result = await quizzes.SubmitAsync(http.User, id, attemptId, answers, ct);
        return result.Outcome switch
        {
            QuizOutcome.Ok => TypedResults.Ok(new SubmitResponse(result.Result!.ScorePercent, result.Result.Passed, result.Result.CorrectCount,
                result.Result.Total, result.AttemptsLeft, result.Completion is not null,
                [.. result.Result.Questions.Select(q => new AnswerResult(q.QuestionId, q.Correct, q.Feedback))])),
            QuizOutcome.InvalidAnswers => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = [.. result.Errors!] }),
            QuizOutcome.AlreadySubmitted => Conflict("This attempt was submitted already."),
            QuizOutcome.NoQuestions => Conflict("The questions of this attempt no longer exist: start a new attempt."),
            _ => NotFound("No such attempt of yours."),
        };
    }

    // ---- authoring (ManageLearning) ----

    private static (CourseInput? Input, Dictionary<string, string[]>? Errors) CourseInputOf(CourseRequest r, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = CourseStatus.Draft;
        if (r.Status is { } s && (int.TryParse(s, out _) || !Enum.TryParse(s, ignoreCase: true, out status) || !Enum.IsDefined(status)))
        {
            errors["status"] = ["status must be Draft, Published or Archived."];
        }
        return errors.Count > 0 ? (null, errors) : (new CourseInput(r.Title, r.Description, r.OwnerUserId ?? CourseCatalogue.UserId(http.User),
            r.EstimatedMinutes ?? 0, r.Languages ?? "en", r.Audience ?? new AudienceRule { Include = [new AudienceClause { Everyone = true }] },
            r.RecertifyMonths, status), null);
    }

    /// <summary>
    /// The body of a course create or change, read and checked (<paramref name="id"/>: the course being changed, whose lessons
    /// and quiz decide whether it may be published): the input, or the validation problem, or the unreadable-body problem.
    /// </summary>
    private static async Task<(CourseInput? Input, ValidationProblem? Invalid, ProblemHttpResult? Problem)> CheckedCourseAsync(CourseAuthoring authoring,
        HttpContext http, int? id, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CourseRequest>(http.Request, ct);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        var (input, errors) = CourseInputOf(request!, http);
        if (input is null)
        {
            return (null, TypedResults.ValidationProblem(errors!), null);
        }
        var problems = await authoring.CheckCourseAsync(input, id, ct);
        return problems.Count > 0 ? (null, Invalid(problems), null) : (input, null, null);
    }

    [EndpointSummary("Create a course (ManageLearning)")]
    public static async Task<Results<Created<CourseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(CourseAuthoring authoring,
        CourseCatalogue catalogue, InwardDbContext db, HttpContext http, CancellationToken ct)
    {
        var (input, invalid, problem) = await CheckedCourseAsync(authoring, http, null, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (invalid is not null)
        {
            return invalid;
        }
        var course = await authoring.SaveCourseAsync(input!, null, ct);
        return TypedResults.Created($"/api/v1/courses/{course.Id.ToString(CultureInfo.InvariantCulture)}",
            await CourseResponseAsync(catalogue, db, http, course, ct));
    }

    [EndpointSummary("Change a course (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<CourseResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(CourseAuthoring authoring,
        CourseCatalogue catalogue, InwardDbContext db, HttpContext http, int id, CancellationToken ct)
    {
        if (await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } course)
        {
            return NotFound();
        }
        var (input, invalid, problem) = await CheckedCourseAsync(authoring, http, id, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (invalid is not null)
        {
            return invalid;
        }
        await authoring.SaveCourseAsync(input!, course, ct);
        return TypedResults.Ok(await CourseResponseAsync(catalogue, db, http, course, ct));
    }

    [EndpointSummary("Delete a course with its lessons, quiz and progress (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(InwardDbContext db, int id, CancellationToken ct)
    {
        if (await db.Set<Course>().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } course)
        {
            return NotFound();
        }
        db.Remove(course);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Lesson?> LessonAtAsync(InwardDbContext db, int courseId, int n, CancellationToken ct) =>
        n < 1 ? null : await db.Set<Lesson>().Where(l => l.CourseId == courseId).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Skip(n - 1).FirstOrDefaultAsync(ct);

    [EndpointSummary("Add a lesson at the end of a course (ManageLearning)")]
    public static async Task<Results<Created<LessonListItem>, ValidationProblem, ProblemHttpResult>> AddLessonAsync(CourseAuthoring authoring,
        InwardDbContext db, HttpContext http, int id, CancellationToken ct)
    {
        if (!await db.Set<Course>().AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<LessonRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var input = new LessonInput(request!.Title, request.Body, request.MediaUrl, request.LinkPath, request.LinkLabel);
        if (LessonRules.Check(input) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }
        var lesson = await authoring.AddLessonAsync(id, input, ct);
        var number = await db.Set<Lesson>().CountAsync(l => l.CourseId == id, ct);
        return TypedResults.Created($"/api/v1/courses/{id.ToString(CultureInfo.InvariantCulture)}/lessons/{number.ToString(CultureInfo.InvariantCulture)}",
            new LessonListItem(number, lesson.Title, false));
    }

    [EndpointSummary("Change a lesson (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<LessonListItem>, ValidationProblem, ProblemHttpResult>> UpdateLessonAsync(CourseAuthoring authoring,
        InwardDbContext db, HttpContext http, int id, int n, CancellationToken ct)
    {
        if (await LessonAtAsync(db, id, n, ct) is not { } lesson)
        {
            return NotFound("The course has no lesson with this number.");
        }
        var (request, problem) = await JsonBody.ReadAsync<LessonRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var input = new LessonInput(request!.Title, request.Body, request.MediaUrl, request.LinkPath, request.LinkLabel);
        if (LessonRules.Check(input) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }
        await authoring.SaveLessonAsync(id, lesson, input, ct);
        return TypedResults.Ok(new LessonListItem(n, lesson.Title, false));
    }

    [EndpointSummary("Delete a lesson (ManageLearning); later lessons move up")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLessonAsync(CourseAuthoring authoring, InwardDbContext db, int id, int n,
        CancellationToken ct)
    {
        if (await LessonAtAsync(db, id, n, ct) is not { } lesson)
        {
            return NotFound("The course has no lesson with this number.");
        }
        await authoring.DeleteLessonAsync(lesson, ct);
        return TypedResults.NoContent();
    }

    private static async Task<QuizResponse> QuizResponseAsync(InwardDbContext db, Quiz quiz, CancellationToken ct)
    {
        var questions = await db.Set<QuizQuestion>().AsNoTracking().Include(q => q.Options).Where(q => q.QuizId == quiz.Id)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        return new QuizResponse(quiz.PassMarkPercent, quiz.MaxAttempts, quiz.DrawCount, [.. questions.Select(q => new QuestionResponse(q.Id, q.Kind.ToString(),
            q.Text, q.IncorrectFeedback, [.. q.Options.OrderBy(o => o.SortOrder).Select(o => new OptionResponse(o.Id, o.Text, o.IsCorrect, o.Feedback))]))]);
    }

    [EndpointSummary("A course's quiz with its question bank and correct answers (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<QuizResponse>, ProblemHttpResult>> QuizAsync(InwardDbContext db, int id, CancellationToken ct) =>
        await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == id, ct) is { } quiz
            ? TypedResults.Ok(await QuizResponseAsync(db, quiz, ct))
            : NotFound("No course with this id has a quiz.");

    [EndpointSummary("Create or change a course's quiz settings (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<QuizResponse>, ValidationProblem, ProblemHttpResult>> SaveQuizAsync(CourseAuthoring authoring,
        InwardDbContext db, HttpContext http, int id, CancellationToken ct)
    {
        if (!await db.Set<Course>().AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        var (request, problem) = await JsonBody.ReadAsync<QuizRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var existing = await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == id, ct);
        var input = new QuizInput(request!.PassMarkPercent ?? 80, request.MaxAttempts, request.DrawCount);
        if (await authoring.CheckQuizAsync(existing?.Id, input, ct) is { Count: > 0 } problems)
        {
            return Invalid(problems);
        }
        var quiz = await authoring.SaveQuizAsync(id, input, ct);
        return TypedResults.Ok(await QuizResponseAsync(db, quiz, ct));
    }

    [EndpointSummary("Remove a course's quiz with its questions and attempts (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteQuizAsync(InwardDbContext db, int id, CancellationToken ct)
    {
        if (await db.Set<Quiz>().SingleOrDefaultAsync(q => q.CourseId == id, ct) is not { } quiz)
        {
            return NotFound("No course with this id has a quiz.");
        }
        db.Remove(quiz);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static (QuestionInput? Input, ValidationProblem? Problem) QuestionInputOf(QuestionRequest r)
    {
        if (!Enum.TryParse<QuestionKind>(r.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(r.Kind, out _))
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = ["kind must be SingleChoice, MultipleChoice, TrueFalse or ShortAnswer."],
            }));
        }
        var input = new QuestionInput(kind, r.Text, r.IncorrectFeedback, [.. (r.Options ?? []).Select(o => new OptionInput(o.Text, o.Correct, o.Feedback))],
            r.IsTrue ?? true);
        return CourseAuthoring.CheckQuestion(input) is { Count: > 0 } problems ? (null, Invalid(problems)) : (input, null);
    }

    [EndpointSummary("Add a question to a course's question bank (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Created<QuestionResponse>, ValidationProblem, ProblemHttpResult>> AddQuestionAsync(CourseAuthoring authoring,
        InwardDbContext db, HttpContext http, int id, CancellationToken ct)
    {
        if (await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == id, ct) is not { } quiz)
        {
            return NotFound("No course with this id has a quiz: create it with PUT /api/v1/courses/{id}/quiz first.");
        }
        var (request, problem) = await JsonBody.ReadAsync<QuestionRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (input, invalid) = QuestionInputOf(request!);
        if (invalid is not null)
        {
            return invalid;
        }
        var question = await authoring.SaveQuestionAsync(quiz.Id, null, input!, ct);
        return TypedResults.Created($"/api/v1/courses/{id.ToString(CultureInfo.InvariantCulture)}/quiz", ToResponse(question));
    }

    private static QuestionResponse ToResponse(QuizQuestion q) => new(q.Id, q.Kind.ToString(), q.Text, q.IncorrectFeedback,
        [.. q.Options.OrderBy(o => o.SortOrder).Select(o => new OptionResponse(o.Id, o.Text, o.IsCorrect, o.Feedback))]);

    private static async Task<QuizQuestion?> QuestionAsync(InwardDbContext db, int courseId, int questionId, CancellationToken ct) =>
        await (from q in db.Set<QuizQuestion>().Include(q => q.Options)
               join z in db.Set<Quiz>() on q.QuizId equals z.Id
               where q.Id == questionId && z.CourseId == courseId
               select q).SingleOrDefaultAsync(ct);

    [EndpointSummary("Change a question (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<QuestionResponse>, ValidationProblem, ProblemHttpResult>> UpdateQuestionAsync(CourseAuthoring authoring,
        InwardDbContext db, HttpContext http, int id, int questionId, CancellationToken ct)
    {
        if (await QuestionAsync(db, id, questionId, ct) is not { } question)
        {
            return NotFound("The course's quiz has no question with this id.");
        }
        var (request, problem) = await JsonBody.ReadAsync<QuestionRequest>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var (input, invalid) = QuestionInputOf(request!);
        if (invalid is not null)
        {
            return invalid;
        }
        await authoring.SaveQuestionAsync(question.QuizId, question, input!, ct);
        return TypedResults.Ok(ToResponse(question));
    }

    [EndpointSummary("Delete a question (ManageLearning)")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteQuestionAsync(InwardDbContext db, int id, int questionId, CancellationToken ct)
    {
        if (await QuestionAsync(db, id, questionId, ct) is not { } question)
        {
            return NotFound("The course's quiz has no question with this id.");
        }
        db.Remove(question);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
