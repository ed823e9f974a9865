using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Learning;

/// <summary>
/// /learning/courses/{id}/quiz: start an attempt (a POST: it uses up one), answer the drawn questions in one form, then the
/// result — score, pass or fail, feedback per answer and attempts left. Refusals (no attempts left, submitted already) are
/// page messages; nothing is stored for a refused submission.
/// </summary>
[Authorize(Policy = LearningModule.LearnerPolicy)]
public sealed class QuizModel(CourseCatalogue catalogue, QuizTaking quizzes, IStringLocalizer<Strings> t) : PageModel
{
    public Course Course { get; private set; } = null!;
    public QuizState State { get; private set; } = null!;
    public AttemptView? Attempt { get; private set; }
    public SubmitResult? Result { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<int, DrawnQuestion> Shown { get; private set; } = new Dictionary<int, DrawnQuestion>();
    public IReadOnlyDictionary<int, QuizAnswer> Given { get; private set; } = new Dictionary<int, QuizAnswer>();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await catalogue.VisibleCourseAsync(User, id, ct) is not { } course || await quizzes.StateAsync(User, id, ct) is not { } state)
        {
            return false;
        }
        Course = course;
        State = state;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Attempt = await quizzes.OpenAttemptAsync(User, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var started = await quizzes.StartAsync(User, id, ct);
        switch (started.Outcome)
        {
            case QuizOutcome.Ok:
                return Redirect($"/learning/courses/{id.ToString(CultureInfo.InvariantCulture)}/quiz");
            case QuizOutcome.NoAttemptsLeft:
                Error = t["You have used every attempt at this quiz."];
                break;
            case QuizOutcome.AlreadyPassed:
                Error = t["You have passed this quiz already."];
                break;
            case QuizOutcome.NoQuestions:
                Error = t["This quiz has no questions yet."];
                break;
            default:
                return NotFound();
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int attemptId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var attempt = await quizzes.OpenAttemptAsync(User, id, ct);
        var answers = new Dictionary<int, QuizAnswer>();
        foreach (var (key, values) in Request.Form)
        {
            if (key.Length > 1 && key[0] is 'q' or 't' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var questionId))
            {
                var existing = answers.GetValueOrDefault(questionId) ?? QuizAnswer.None;
                answers[questionId] = key[0] == 't'
                    ? existing with { Text = values.ToString() }
                    : existing with { OptionIds = [.. values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1)] };
            }
        }
        var result = await quizzes.SubmitAsync(User, id, attemptId, answers, ct);
        switch (result.Outcome)
        {
            case QuizOutcome.Ok:
                Result = result;
                Shown = attempt?.AttemptId == attemptId ? attempt.Questions.ToDictionary(q => q.Id) : new Dictionary<int, DrawnQuestion>();
                Given = answers;
                State = (await quizzes.StateAsync(User, id, ct))!;
                return Page();
            case QuizOutcome.AlreadySubmitted:
                Error = t["This attempt was submitted already."];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case QuizOutcome.InvalidAnswers:
                Error = t["Some answers do not belong to this attempt. Reload the quiz and try again."];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                Attempt = attempt;
                break;
            case QuizOutcome.NoQuestions:
                Error = t["The questions of this attempt no longer exist: start a new attempt."];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                return NotFound();
        }
        return Page();
    }
}
