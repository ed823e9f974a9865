using System.Globalization;
using System.Text;

namespace Inward.Features.Learning;

/// <summary>A question as scoring sees it: its kind, options (or accepted answers) and the feedback for a wrong answer.</summary>
public sealed record ScoredQuestion(int Id, QuestionKind Kind, IReadOnlyList<ScoredOption> Options, string? IncorrectFeedback = null);

public sealed record ScoredOption(int Id, string Text, bool IsCorrect, string? Feedback = null);

/// <summary>What a person answered to one question: the chosen option ids (choice questions) or the typed text (short answer).</summary>
public sealed record QuizAnswer(IReadOnlyList<int> OptionIds, string? Text = null)
{
    public static readonly QuizAnswer None = new([], null);
}

/// <summary>The verdict on one question, with the feedback to show: that of each chosen option (or the matched accepted answer), then the wrong-answer feedback.</summary>
public sealed record QuestionResult(int QuestionId, bool Correct, IReadOnlyList<string> Feedback);

/// <summary>The verdict on an attempt: right answers, the score in whole percent (rounded down) and whether it reaches the pass mark.</summary>
public sealed record QuizResult(IReadOnlyList<QuestionResult> Questions, int CorrectCount, int Total, int ScorePercent, bool Passed);

/// <summary>
/// Scores a quiz attempt. Pure: no I/O, no clock. Each question is right or wrong (no partial credit): a single choice or
/// true/false question is right when exactly the correct option is chosen, a multiple-choice question when exactly the set
/// of correct options is chosen, a short answer when it equals an accepted answer ignoring case and spacing. The score
/// is rounded down, so "score ≥ pass mark" on the shown whole number is the same decision as on the exact fraction.
/// </summary>
public static class QuizScoring
{
    public static QuizResult Score(IReadOnlyList<ScoredQuestion> questions, IReadOnlyDictionary<int, QuizAnswer> answers, int passMarkPercent)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answers);
        if (questions.Count == 0)
        {
            throw new ArgumentException("A quiz attempt has at least one question.", nameof(questions));
        }
        if (passMarkPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(passMarkPercent), passMarkPercent, "The pass mark is 0 to 100.");
        }
        var results = questions.Select(q => Judge(q, answers.GetValueOrDefault(q.Id) ?? QuizAnswer.None)).ToList();
        var correct = results.Count(r => r.Correct);
        var percent = correct * 100 / questions.Count;
        return new QuizResult(results, correct, questions.Count, percent, percent >= passMarkPercent);
    }

    public static QuestionResult Judge(ScoredQuestion question, QuizAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        bool correct;
        var feedback = new List<string>();
        if (question.Kind == QuestionKind.ShortAnswer)
        {
            var typed = Normalise(answer.Text);
            var match = typed.Length == 0 ? null : question.Options.FirstOrDefault(o => o.IsCorrect && Normalise(o.Text) == typed);
            correct = match is not null;
            AddFeedback(feedback, match?.Feedback);
        }
        else
        {
            var chosen = answer.OptionIds.ToHashSet();
            var right = question.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet();
            correct = question.Kind == QuestionKind.MultipleChoice
                ? right.Count > 0 && chosen.SetEquals(right)
                : chosen.Count == 1 && right.Count > 0 && right.Contains(chosen.First());
            foreach (var option in question.Options.Where(o => chosen.Contains(o.Id)))
            {
                AddFeedback(feedback, option.Feedback);
            }
        }
        if (!correct)
        {
            AddFeedback(feedback, question.IncorrectFeedback);
        }
        return new QuestionResult(question.Id, correct, feedback);
    }

    /// <summary>Case-insensitive (invariant) text with spaces trimmed and runs of whitespace made one space.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                result.Append(' ');
                space = false;
            }
            result.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    private static void AddFeedback(List<string> feedback, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            feedback.Add(text.Trim());
        }
    }
}

/// <summary>The pure checks of an authored quiz and question (the author sees them as page errors or 400 problem details).</summary>
public static class QuizRules
{
    public const int MaxOptions = 12;

    /// <summary>The English label (a localisation key) of a kind of question.</summary>
    public static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.MultipleChoice => "Multiple choice",
        QuestionKind.TrueFalse => "True or false",
        QuestionKind.ShortAnswer => "Short answer",
        _ => "Single choice",
    };
    public const int MaxAttemptsLimit = 100;

    /// <summary>An English message (a localisation key) and its arguments, for one field.</summary>
    public sealed record Problem(string Field, string Message, params object[] Arguments);

    public static IReadOnlyList<Problem> CheckQuiz(int passMarkPercent, int? maxAttempts, int? drawCount, int bankSize)
    {
        var problems = new List<Problem>();
        if (passMarkPercent is < 0 or > 100)
        {
            problems.Add(new("PassMarkPercent", "The pass mark must be between 0 and 100 %."));
        }
        if (maxAttempts is { } a && (a < 1 || a > MaxAttemptsLimit))
        {
            problems.Add(new("MaxAttempts", "The attempt limit must be between 1 and {0}, or empty for unlimited.", MaxAttemptsLimit));
        }
        if (drawCount is { } d && d < 1)
        {
            problems.Add(new("DrawCount", "Draw at least one question, or leave it empty to use all."));
        }
        else if (drawCount is { } n && n > bankSize)
        {
            problems.Add(new("DrawCount", "The quiz cannot draw {0} questions: the question bank has {1}.", n, bankSize));
        }
        return problems;
    }

    /// <summary>Options are (text, correct); blank rows are ignored by the caller before this check.</summary>
    public static IReadOnlyList<Problem> CheckQuestion(QuestionKind kind, string? text, IReadOnlyList<(string Text, bool Correct)> options)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("Text", "Write the question."));
        }
        else if (text.Length > QuizQuestion.TextMax)
        {
            problems.Add(new("Text", "The question is too long (at most {0} characters).", QuizQuestion.TextMax));
        }
        if (options.Any(o => o.Text.Length > QuizOption.TextMax))
        {
            problems.Add(new("Options", "An option is too long (at most {0} characters).", QuizOption.TextMax));
        }
        if (options.Count > MaxOptions)
        {
            problems.Add(new("Options", "A question has at most {0} options.", MaxOptions));
        }
        var correct = options.Count(o => o.Correct);
        switch (kind)
        {
            case QuestionKind.ShortAnswer:
                if (options.Count == 0)
                {
                    problems.Add(new("Options", "List at least one accepted answer."));
                }
                break;
            case QuestionKind.TrueFalse:
                if (correct != 1)
                {
                    problems.Add(new("Options", "Say whether the statement is true or false."));
                }
                break;
            default:
                if (options.Count < 2)
                {
                    problems.Add(new("Options", "A choice question needs at least 2 options."));
                }
                if (correct == 0)
                {
                    problems.Add(new("Options", "Mark at least one option as correct."));
                }
                else if (kind == QuestionKind.SingleChoice && correct > 1)
                {
                    problems.Add(new("Options", "A single-choice question has exactly one correct option."));
                }
                if (options.Select(o => QuizScoring.Normalise(o.Text)).Distinct(StringComparer.Ordinal).Count() < options.Count)
                {
                    problems.Add(new("Options", "Two options have the same text."));
                }
                break;
        }
        return problems;
    }
}
