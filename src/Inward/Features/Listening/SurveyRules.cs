using System.Globalization;

namespace Inward.Features.Listening;

/// <summary>
/// A validation problem: <paramref name="Field"/> names the input ("answers[12]", "title"); <paramref name="Message"/> is
/// an English localiser key with {0} placeholders filled by <paramref name="Arguments"/>.
/// </summary>
public sealed record SurveyError(string Field, string Message, params object[] Arguments)
{
    public string Format() => string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>One answer as a respondent gives it; empty (no value, choices or text) means "not answered".</summary>
public sealed record AnswerInput(int QuestionId, int? Value = null, IReadOnlyList<int>? Choices = null, string? Text = null)
{
    public bool IsEmpty => Value is null && (Choices is null || Choices.Count == 0) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A set of answers (the shape of drafts and of the responses API).</summary>
public sealed record SurveyAnswers(IReadOnlyList<AnswerInput> Answers);

/// <summary>A question as authored (pages, API and templates), before it is stored.</summary>
public sealed record QuestionInput(QuestionKind Kind, string Text, string? TextAr = null, string? TextPl = null, string? Dimension = null,
    bool Reverse = false, bool Required = true, IReadOnlyList<string>? Options = null, IReadOnlyList<string>? OptionsAr = null,
    IReadOnlyList<string>? OptionsPl = null, int? AboutDepartmentId = null, bool IsExpectation = false);

/// <summary>Whether a survey takes answers now.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SurveyWindow>))]
public enum SurveyWindow
{
    NotLaunched,
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>Survey rules as pure functions: answer checking, question checking, the answering window, localised texts.</summary>
public static class SurveyRules
{
    /// <summary>The answering window of a survey at <paramref name="now"/>.</summary>
    public static SurveyWindow Window(SurveyStatus status, DateTime? opensUtc, DateTime? closesUtc, DateTime now) => status switch
    {
        SurveyStatus.Draft => SurveyWindow.NotLaunched,
        SurveyStatus.Closed => SurveyWindow.Closed,
        _ when opensUtc is { } o && now < o => SurveyWindow.NotYetOpen,
        _ when closesUtc is { } c && now >= c => SurveyWindow.Closed,
        _ => SurveyWindow.Open,
    };

    /// <summary>The point range of a scale question; null for choice and text questions.</summary>
    public static (int Min, int Max)? Range(QuestionKind kind) => kind switch
    {
        QuestionKind.Likert5 => (1, 5),
        QuestionKind.Likert7 => (1, 7),
        QuestionKind.Scale0To10 => (0, 10),
        _ => null,
    };

    public static bool IsLikert(QuestionKind kind) => kind is QuestionKind.Likert5 or QuestionKind.Likert7;

    public static bool HasOptions(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking;

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Checks answers against the questions. Unknown or repeated questions, values out of range and malformed choices are
    /// errors; with <paramref name="complete"/> (a submission, not a draft) every required question must be answered.
    /// Returns the answers worth storing (empty ones dropped, text trimmed).
    /// </summary>
    public static (IReadOnlyList<AnswerInput> Answers, IReadOnlyList<SurveyError> Errors) Check(
        IReadOnlyList<SurveyQuestion> questions, IEnumerable<AnswerInput> answers, bool complete)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var errors = new List<SurveyError>();
        var kept = new List<AnswerInput>();
        var seen = new HashSet<int>();
        foreach (var answer in answers)
        {
            var field = $"answers[{answer.QuestionId.ToString(CultureInfo.InvariantCulture)}]";
            if (!byId.TryGetValue(answer.QuestionId, out var question))
            {
                errors.Add(new(field, "There is no question {0} in this survey.", answer.QuestionId));
                continue;
            }
            if (!seen.Add(answer.QuestionId))
            {
                errors.Add(new(field, "Question {0} is answered twice.", answer.QuestionId));
                continue;
            }
            if (answer.IsEmpty)
            {
                continue;
            }
            if (CheckOne(question, answer, field) is { } error)
            {
                errors.Add(error);
                continue;
            }
            kept.Add(answer with { Text = answer.Text?.Trim() });
        }
        if (complete)
        {
            var answered = kept.Select(a => a.QuestionId).ToHashSet();
            errors.AddRange(questions.Where(q => q.Required && !answered.Contains(q.Id) && !errors.Any(e => e.Field == $"answers[{q.Id.ToString(CultureInfo.InvariantCulture)}]"))
                .Select(q => new SurveyError($"answers[{q.Id.ToString(CultureInfo.InvariantCulture)}]", "Please answer this question: {0}", q.Text)));
        }
        return (kept, errors);
    }

    private static SurveyError? CheckOne(SurveyQuestion question, AnswerInput answer, string field)
    {
        var options = Lines(question.Options).Count;
        switch (question.Kind)
        {
            case QuestionKind.Likert5 or QuestionKind.Likert7 or QuestionKind.Scale0To10:
                var (min, max) = Range(question.Kind)!.Value;
                return answer.Value is { } v && v >= min && v <= max && answer.Choices is not { Count: > 0 } && string.IsNullOrEmpty(answer.Text)
                    ? null
                    : new(field, "The answer to “{0}” must be a whole number from {1} to {2}.", question.Text, min, max);
            case QuestionKind.SingleChoice:
                return answer.Value is { } c && c >= 0 && c < options && answer.Choices is not { Count: > 0 } && string.IsNullOrEmpty(answer.Text)
                    ? null
                    : new(field, "Choose one of the options of “{0}”.", question.Text);
            case QuestionKind.MultipleChoice:
                return answer.Value is null && answer.Choices is { Count: > 0 } m && m.All(i => i >= 0 && i < options) && m.Distinct().Count() == m.Count
                    && string.IsNullOrEmpty(answer.Text)
                    ? null
                    : new(field, "Choose one or more of the options of “{0}”, each once.", question.Text);
            case QuestionKind.Ranking:
                return answer.Value is null && answer.Choices is { } r && r.Count == options && r.OrderBy(i => i).SequenceEqual(Enumerable.Range(0, options))
                    && string.IsNullOrEmpty(answer.Text)
                    ? null
                    : new(field, "Put every option of “{0}” in order, each once.", question.Text);
            default:
                if (answer.Value is not null || answer.Choices is { Count: > 0 })
                {
                    return new(field, "“{0}” takes a written answer.", question.Text);
                }
                return answer.Text!.Trim().Length > SurveyAnswer.TextMax
                    ? new(field, "The answer to “{0}” is too long (at most {1} characters).", question.Text, SurveyAnswer.TextMax)
                    : null;
        }
    }

    /// <summary>Checks an authored question; <paramref name="field"/> prefixes the field names.</summary>
    public static IReadOnlyList<SurveyError> CheckQuestion(QuestionInput q, string field)
    {
        var errors = new List<SurveyError>();
        void Text(string? value, string name, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new($"{field}.{name}", "Write the question."));
            }
            else if ((value ?? "").Trim().Length > SurveyQuestion.TextMax)
            {
                errors.Add(new($"{field}.{name}", "A question can be at most {0} characters long.", SurveyQuestion.TextMax));
            }
        }
        Text(q.Text, "text", true);
        Text(q.TextAr, "textAr", false);
        Text(q.TextPl, "textPl", false);
        if ((q.Dimension ?? "").Trim().Length > SurveyQuestion.DimensionMax)
        {
            errors.Add(new($"{field}.dimension", "A dimension name can be at most {0} characters long.", SurveyQuestion.DimensionMax));
        }
        if (q.Reverse && !IsLikert(q.Kind))
        {
            errors.Add(new($"{field}.reverse", "Only agreement (Likert) questions can be reverse-scored."));
        }
        var options = Clean(q.Options);
        if (HasOptions(q.Kind))
        {
            if (options.Count < 2 || options.Count > SurveyQuestion.MaxOptions)
            {
                errors.Add(new($"{field}.options", "A choice or ranking question needs 2 to {0} options, one per line.", SurveyQuestion.MaxOptions));
            }
            else if (string.Join('\n', options).Length > SurveyQuestion.OptionsMax)
            {
                errors.Add(new($"{field}.options", "The options are too long (at most {0} characters together).", SurveyQuestion.OptionsMax));
            }
            foreach (var (translation, name) in new[] { (q.OptionsAr, "optionsAr"), (q.OptionsPl, "optionsPl") })
            {
                var t = Clean(translation);
                if (t.Count > 0 && t.Count != options.Count)
                {
                    errors.Add(new($"{field}.{name}", "A translation needs as many options as the English ones ({0}).", options.Count));
                }
            }
        }
        else if (options.Count > 0)
        {
            errors.Add(new($"{field}.options", "Only choice and ranking questions have options."));
        }
        // An expectation flag without a department is the template's block before it is repeated; it is stored only with one.
        if (q.AboutDepartmentId is not null && !IsLikert(q.Kind))
        {
            errors.Add(new($"{field}.aboutDepartmentId", "Only agreement (Likert) questions can rate a serving department."));
        }
        return errors;
    }

    public static IReadOnlyList<string> Clean(IReadOnlyList<string>? lines) =>
        [.. (lines ?? []).SelectMany(l => (l ?? "").Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Text in the reader's language (ar, pl), English when there is no translation.</summary>
    public static string Localised(string english, string? arabic, string? polish, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName switch
        {
            "ar" when !string.IsNullOrWhiteSpace(arabic) => arabic,
            "pl" when !string.IsNullOrWhiteSpace(polish) => polish,
            _ => english,
        };

    /// <summary>Options in the reader's language; English when the translation is missing or does not match in count.</summary>
    public static IReadOnlyList<string> LocalisedOptions(SurveyQuestion q, CultureInfo culture)
    {
        var english = Lines(q.Options);
        var translated = Lines(culture.TwoLetterISOLanguageName switch { "ar" => q.OptionsAr, "pl" => q.OptionsPl, _ => null });
        return translated.Count == english.Count ? translated : english;
    }

    /// <summary>Stored choices "2,0,1" back to indexes.</summary>
    public static IReadOnlyList<int> ParseChoices(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static string FormatChoices(IEnumerable<int> choices) =>
        string.Join(',', choices.Select(c => c.ToString(CultureInfo.InvariantCulture)));
}
