using System.Security.Claims;
using System.Text.Json;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Learning;

/// <summary>A question as the learner sees it before submitting: never the correct flags or the feedback.</summary>
public sealed record DrawnQuestion(int Id, QuestionKind Kind, string Text, IReadOnlyList<DrawnOption> Options);

public sealed record DrawnOption(int Id, string Text);

public sealed record QuizState(Quiz Quiz, int AttemptsUsed, int? AttemptsLeft, bool PassedThisRound, int QuestionCount);

public enum QuizOutcome
{
    Ok,
    /// <summary>No such course for this person, no quiz, or no such attempt of theirs.</summary>
    NotFound,
    NoAttemptsLeft,
    AlreadyPassed,
    AlreadySubmitted,
    NoQuestions,
    InvalidAnswers,
}

public sealed record AttemptView(int AttemptId, int Number, IReadOnlyList<DrawnQuestion> Questions);

public sealed record StartResult(QuizOutcome Outcome, AttemptView? Attempt = null);

public sealed record SubmitResult(QuizOutcome Outcome, QuizResult? Result = null, IReadOnlyList<string>? Errors = null, int? AttemptsLeft = null,
    CourseCompletion? Completion = null, IReadOnlyList<ScoredQuestion>? Questions = null);

/// <summary>
/// Taking a course's quiz: starting an attempt draws its questions (at random from the bank when the quiz says so) and
/// stores their ids; submitting scores the answers against exactly those questions with <see cref="QuizScoring"/>, at most
/// once, and completes the course when that finishes it — all in one SaveChanges.
/// </summary>
public sealed class QuizTaking(InwardDbContext db, CourseCatalogue catalogue, CourseCompletionService completions, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(Course Course, Quiz Quiz, string UserId, int Round)?> ContextAsync(ClaimsPrincipal user, int courseId, CancellationToken ct)
    {
        if (CourseCatalogue.UserId(user) is not { } userId || await catalogue.VisibleCourseAsync(user, courseId, ct) is not { } course
            || await db.Set<Quiz>().AsNoTracking().SingleOrDefaultAsync(q => q.CourseId == courseId, ct) is not { } quiz)
        {
            return null;
        }
        return (course, quiz, userId, await catalogue.RoundAsync(courseId, userId, ct));
    }

    /// <summary>The quiz of a course the person may take, with their attempts in the current round; null when there is none.</summary>
    public async Task<QuizState?> StateAsync(ClaimsPrincipal user, int courseId, CancellationToken ct = default)
    {
        if (await ContextAsync(user, courseId, ct) is not { } c)
        {
            return null;
        }
        var attempts = await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.QuizId == c.Quiz.Id && a.UserId == c.UserId && a.Round == c.Round).Select(a => new { a.Passed }).ToListAsync(ct);
        var count = await db.Set<QuizQuestion>().CountAsync(q => q.QuizId == c.Quiz.Id, ct);
        return new QuizState(c.Quiz, attempts.Count, c.Quiz.MaxAttempts is { } max ? Math.Max(0, max - attempts.Count) : null,
            attempts.Any(a => a.Passed == true), count);
    }

    /// <summary>The person's open (started, not submitted) attempt in the current round, if any; never starts one.</summary>
    public async Task<AttemptView?> OpenAttemptAsync(ClaimsPrincipal user, int courseId, CancellationToken ct = default)
    {
        if (await ContextAsync(user, courseId, ct) is not { } c)
        {
            return null;
        }
        var open = await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.QuizId == c.Quiz.Id && a.UserId == c.UserId && a.Round == c.Round && a.SubmittedUtc == null).FirstOrDefaultAsync(ct);
        return open is null ? null : new AttemptView(open.Id, open.Number, await DrawnAsync(Ids(open), ct));
    }

    /// <summary>Starts an attempt, or returns the person's open one (a reload does not use up an attempt).</summary>
    public async Task<StartResult> StartAsync(ClaimsPrincipal user, int courseId, CancellationToken ct = default) =>
        await StartAsync(user, courseId, retry: true, ct);

    private async Task<StartResult> StartAsync(ClaimsPrincipal user, int courseId, bool retry, CancellationToken ct)
    {
        if (await ContextAsync(user, courseId, ct) is not { } c)
        {
            return new(QuizOutcome.NotFound);
        }
        var attempts = await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.QuizId == c.Quiz.Id && a.UserId == c.UserId && a.Round == c.Round).ToListAsync(ct);
        if (attempts.FirstOrDefault(a => a.SubmittedUtc is null) is { } open)
        {
            return new(QuizOutcome.Ok, new AttemptView(open.Id, open.Number, await DrawnAsync(Ids(open), ct)));
        }
        if (attempts.Any(a => a.Passed == true))
        {
            return new(QuizOutcome.AlreadyPassed);
        }
        if (c.Quiz.MaxAttempts is { } max && attempts.Count >= max)
        {
            return new(QuizOutcome.NoAttemptsLeft);
        }
        var bank = await db.Set<QuizQuestion>().AsNoTracking().Where(q => q.QuizId == c.Quiz.Id)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).Select(q => q.Id).ToListAsync(ct);
        if (bank.Count == 0)
        {
            return new(QuizOutcome.NoQuestions);
        }
        // An author may have shrunk the bank below the draw count since saving the quiz: draw what there is.
        var drawn = QuizDraw.Draw(bank, c.Quiz.DrawCount is { } n ? Math.Min(n, bank.Count) : null, Random.Shared);
        var attempt = new QuizAttempt
        {
            QuizId = c.Quiz.Id, CourseId = courseId, UserId = c.UserId, Round = c.Round, Number = attempts.Count + 1,
            QuestionIdsJson = JsonSerializer.Serialize(drawn, Json), StartedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (retry)
        {
            // A parallel start took this attempt number: use the attempt it made (once; a second failure is a real error).
            db.ChangeTracker.Clear();
            return await StartAsync(user, courseId, retry: false, ct);
        }
        return new(QuizOutcome.Ok, new AttemptView(attempt.Id, attempt.Number, await DrawnAsync(drawn, ct)));
    }

    private static List<int> Ids(QuizAttempt attempt) => JsonSerializer.Deserialize<List<int>>(attempt.QuestionIdsJson, Json) ?? [];

    private async Task<List<QuizQuestion>> QuestionsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var loaded = await db.Set<QuizQuestion>().AsNoTracking().Include(q => q.Options).Where(q => ids.Contains(q.Id)).ToListAsync(ct);
        // Keep the order of the draw; a question deleted since the attempt started is left out.
        return [.. ids.Select(id => loaded.FirstOrDefault(q => q.Id == id)).OfType<QuizQuestion>()];
    }

    private async Task<IReadOnlyList<DrawnQuestion>> DrawnAsync(IReadOnlyList<int> ids, CancellationToken ct) =>
        [.. (await QuestionsAsync(ids, ct)).Select(q => new DrawnQuestion(q.Id, q.Kind, q.Text,
            q.Kind == QuestionKind.ShortAnswer ? [] : [.. q.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new DrawnOption(o.Id, o.Text))]))];

    public static ScoredQuestion ToScored(QuizQuestion q) =>
        new(q.Id, q.Kind, [.. q.Options.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new ScoredOption(o.Id, o.Text, o.IsCorrect, o.Feedback))],
            q.IncorrectFeedback);

    /// <summary>
    /// Scores and closes an attempt. Answers to questions that were not drawn, options of another question or several
    /// options for a single-choice question are refused (nothing stored); a second submission is refused.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(ClaimsPrincipal user, int courseId, int attemptId, IReadOnlyDictionary<int, QuizAnswer> answers,
        CancellationToken ct = default)
    {
        if (await ContextAsync(user, courseId, ct) is not { } c)
        {
            return new(QuizOutcome.NotFound);
        }
        var attempt = await db.Set<QuizAttempt>().SingleOrDefaultAsync(a => a.Id == attemptId && a.QuizId == c.Quiz.Id && a.UserId == c.UserId, ct);
        if (attempt is null)
        {
            return new(QuizOutcome.NotFound);
        }
        if (attempt.SubmittedUtc is not null)
        {
            return new(QuizOutcome.AlreadySubmitted);
        }
        var questions = await QuestionsAsync(Ids(attempt), ct);
        var errors = CheckAnswers(questions, answers);
        if (errors.Count > 0)
        {
            return new(QuizOutcome.InvalidAnswers, Errors: errors);
        }
        var scored = questions.Select(ToScored).ToList();
        if (scored.Count == 0)
        {
            return new(QuizOutcome.NoQuestions);
        }
        var result = QuizScoring.Score(scored, answers, c.Quiz.PassMarkPercent);
        attempt.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
        attempt.AnswersJson = JsonSerializer.Serialize(answers.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value), Json);
        attempt.ScorePercent = result.ScorePercent;
        attempt.Passed = result.Passed;
        CourseCompletion? completion = null;
        if (result.Passed && attempt.Round == c.Round)
        {
            var lessons = await catalogue.LessonsAsync(courseId, ct);
            var done = await catalogue.DoneLessonsAsync(courseId, c.UserId, c.Round, ct);
            if (CourseCompletionService.IsFinished([.. lessons.Select(l => l.Id)], done, hasQuiz: true, quizPassed: true))
            {
                completion = await completions.AddAsync(c.Course, c.UserId, CourseCatalogue.EmployeeIdOf(user), result.ScorePercent, ct);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(QuizOutcome.AlreadySubmitted);
        }
        var used = await db.Set<QuizAttempt>().CountAsync(a => a.QuizId == c.Quiz.Id && a.UserId == c.UserId && a.Round == attempt.Round, ct);
        int? left = c.Quiz.MaxAttempts is { } max ? Math.Max(0, max - used) : null;
        return new(QuizOutcome.Ok, result, AttemptsLeft: result.Passed ? null : left, Completion: completion, Questions: scored);
    }

    /// <summary>The pure check of submitted answers against the drawn questions; English messages.</summary>
    public static List<string> CheckAnswers(IReadOnlyList<QuizQuestion> drawn, IReadOnlyDictionary<int, QuizAnswer> answers)
    {
        var errors = new List<string>();
        var byId = drawn.ToDictionary(q => q.Id);
        foreach (var (questionId, answer) in answers)
        {
            if (!byId.TryGetValue(questionId, out var q))
            {
                errors.Add($"Question {questionId} is not part of this attempt.");
                continue;
            }
            var optionIds = q.Options.Select(o => o.Id).ToHashSet();
            if (q.Kind == QuestionKind.ShortAnswer)
            {
                if (answer.OptionIds.Count > 0)
                {
                    errors.Add($"Question {questionId} takes a typed answer, not options.");
                }
                if ((answer.Text ?? "").Length > QuizOption.TextMax)
                {
                    errors.Add($"The answer to question {questionId} is too long.");
                }
                continue;
            }
            if (answer.OptionIds.Any(id => !optionIds.Contains(id)))
            {
                errors.Add($"An option given for question {questionId} does not belong to it.");
            }
            if (q.Kind != QuestionKind.MultipleChoice && answer.OptionIds.Distinct().Count() > 1)
            {
                errors.Add($"Question {questionId} takes one option.");
            }
        }
        return errors;
    }
}
