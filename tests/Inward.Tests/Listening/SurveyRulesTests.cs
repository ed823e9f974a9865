using System.Globalization;
using Inward.Features.Listening;

namespace Inward.Tests.Listening;

/// <summary>The pure survey rules: answer checking, question checking, the answering window, translations and the templates.</summary>
public sealed class SurveyRulesTests
{
    private static readonly SurveyQuestion Likert = new() { Id = 1, Kind = QuestionKind.Likert5, Text = "Agree?", Required = true };
    private static readonly SurveyQuestion Seven = new() { Id = 2, Kind = QuestionKind.Likert7, Text = "Seven?", Required = false };
    private static readonly SurveyQuestion Nps = new() { Id = 3, Kind = QuestionKind.Scale0To10, Text = "Recommend?", Required = true };
    private static readonly SurveyQuestion Single = new() { Id = 4, Kind = QuestionKind.SingleChoice, Text = "One", Options = "a\nb\nc", Required = false };
    private static readonly SurveyQuestion Multiple = new() { Id = 5, Kind = QuestionKind.MultipleChoice, Text = "Many", Options = "a\nb\nc", Required = false };
    private static readonly SurveyQuestion Rank = new() { Id = 6, Kind = QuestionKind.Ranking, Text = "Rank", Options = "a\nb\nc", Required = false };
    private static readonly SurveyQuestion Free = new() { Id = 7, Kind = QuestionKind.FreeText, Text = "Why?", Required = false };
    private static readonly SurveyQuestion[] All = [Likert, Seven, Nps, Single, Multiple, Rank, Free];

    private static IReadOnlyList<SurveyError> Errors(bool complete, params AnswerInput[] answers) => SurveyRules.Check(All, answers, complete).Errors;

    [Fact]
    public void A_complete_valid_set_of_answers_passes_and_keeps_only_answered_questions()
    {
        var (kept, errors) = SurveyRules.Check(All,
            [new(1, Value: 5), new(2), new(3, Value: 0), new(4, Value: 2), new(5, Choices: [0, 2]), new(6, Choices: [2, 0, 1]), new(7, Text: "  ok  ")],
            complete: true);

        Assert.Empty(errors);
        Assert.Equal([1, 3, 4, 5, 6, 7], kept.Select(a => a.QuestionId));
        Assert.Equal("ok", kept.Single(a => a.QuestionId == 7).Text);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 6)]
    [InlineData(2, 8)]
    [InlineData(3, 11)]
    [InlineData(3, -1)]
    [InlineData(4, 3)]
    [InlineData(4, -1)]
    public void Values_out_of_range_are_refused(int question, int value) =>
        Assert.Contains(Errors(false, new AnswerInput(question, Value: value)), e => e.Field == $"answers[{question}]");

    [Fact]
    public void Malformed_choices_rankings_and_texts_are_refused()
    {
        Assert.NotEmpty(Errors(false, new AnswerInput(5, Choices: [0, 0])));
        Assert.NotEmpty(Errors(false, new AnswerInput(5, Choices: [3])));
        Assert.NotEmpty(Errors(false, new AnswerInput(6, Choices: [0, 1])));
        Assert.NotEmpty(Errors(false, new AnswerInput(6, Choices: [0, 1, 1])));
        Assert.NotEmpty(Errors(false, new AnswerInput(7, Value: 3)));
        Assert.NotEmpty(Errors(false, new AnswerInput(7, Text: new string('x', SurveyAnswer.TextMax + 1))));
        Assert.NotEmpty(Errors(false, new AnswerInput(1, Value: 3, Text: "sneaky")));
    }

    [Fact]
    public void Unknown_and_repeated_questions_are_refused()
    {
        var errors = Errors(false, new AnswerInput(99, Value: 1), new AnswerInput(1, Value: 2), new AnswerInput(1, Value: 3));

        Assert.Contains(errors, e => e.Field == "answers[99]" && e.Format() == "There is no question 99 in this survey.");
        Assert.Contains(errors, e => e.Field == "answers[1]" && e.Format() == "Question 1 is answered twice.");
    }

    [Fact]
    public void Required_questions_are_needed_only_when_submitting()
    {
        Assert.Empty(Errors(false, new AnswerInput(1, Value: 3)));

        var errors = Errors(true, new AnswerInput(1, Value: 3));

        Assert.Equal(["answers[3]"], errors.Select(e => e.Field));
        Assert.Equal("Please answer this question: Recommend?", errors[0].Format());
    }

    [Theory]
    [InlineData(SurveyStatus.Draft, null, null, SurveyWindow.NotLaunched)]
    [InlineData(SurveyStatus.Open, null, null, SurveyWindow.Open)]
    [InlineData(SurveyStatus.Open, 1, null, SurveyWindow.NotYetOpen)]
    [InlineData(SurveyStatus.Open, -2, -1, SurveyWindow.Closed)]
    [InlineData(SurveyStatus.Open, -2, 0, SurveyWindow.Closed)]
    [InlineData(SurveyStatus.Open, -2, 1, SurveyWindow.Open)]
    [InlineData(SurveyStatus.Closed, -2, 5, SurveyWindow.Closed)]
    public void The_window_follows_status_and_dates(SurveyStatus status, int? opensInDays, int? closesInDays, SurveyWindow expected)
    {
        var now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, SurveyRules.Window(status, opensInDays is { } o ? now.AddDays(o) : null, closesInDays is { } c ? now.AddDays(c) : null, now));
    }

    [Fact]
    public void Authored_questions_are_checked()
    {
        Assert.Empty(SurveyRules.CheckQuestion(new(QuestionKind.Likert5, "Fine?", Dimension: "Vision", Reverse: true), "q"));
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.Likert5, " "), "q"), e => e.Field == "q.text");
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.FreeText, "Why?", Reverse: true), "q"), e => e.Field == "q.reverse");
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.SingleChoice, "Pick", Options: ["only"]), "q"), e => e.Field == "q.options");
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.Likert5, "Pick", Options: ["a", "b"]), "q"), e => e.Field == "q.options");
        Assert.Contains(SurveyRules.CheckQuestion(new(QuestionKind.Ranking, "Rank", Options: ["a", "b"], OptionsPl: ["a"]), "q"), e => e.Field == "q.optionsPl");
    }

    [Fact]
    public void Texts_fall_back_to_english_when_a_translation_is_missing()
    {
        var q = new SurveyQuestion { Kind = QuestionKind.SingleChoice, Text = "Hello", TextPl = "Cześć", Options = "a\nb", OptionsAr = "أ" };

        Assert.Equal("Cześć", SurveyRules.Localised(q.Text, q.TextAr, q.TextPl, CultureInfo.GetCultureInfo("pl")));
        Assert.Equal("Hello", SurveyRules.Localised(q.Text, q.TextAr, q.TextPl, CultureInfo.GetCultureInfo("ar")));
        Assert.Equal(["a", "b"], SurveyRules.LocalisedOptions(q, CultureInfo.GetCultureInfo("ar")));
    }

    [Fact]
    public void Every_template_is_valid_translated_and_cites_its_source()
    {
        foreach (var template in SurveyTemplates.All)
        {
            var questions = template.Sections.SelectMany(s => s.Questions).ToList();
            Assert.All(questions, q => Assert.Empty(SurveyRules.CheckQuestion(q, template.Key)));
            Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q.TextAr) || string.IsNullOrWhiteSpace(q.TextPl), $"{template.Key}: {q.Text}"));
            Assert.False(string.IsNullOrWhiteSpace(template.Description));
        }
        Assert.Equal(12, SurveyTemplates.Find("internal-marketing")!.QuestionCount);
        Assert.Contains("Foreman", SurveyTemplates.Find("internal-marketing")!.Description, StringComparison.Ordinal);
        Assert.Equal(10, SurveyTemplates.Find("market-orientation-pulse")!.QuestionCount);
        Assert.Contains("Lings", SurveyTemplates.Find("market-orientation-pulse")!.Description, StringComparison.Ordinal);
        Assert.Contains(SurveyTemplates.NetPromoterNotice, SurveyTemplates.Find("enps")!.Description, StringComparison.Ordinal);
        Assert.Equal(3, SurveyTemplates.Find("job-satisfaction")!.Sections.SelectMany(s => s.Questions).Count(q => q.Kind == QuestionKind.Likert7));
        Assert.Contains("Bauer", SurveyTemplates.Find("onboarding")!.Description, StringComparison.Ordinal);
        var ranking = Assert.Single(SurveyTemplates.Find("reward-preferences")!.Sections.SelectMany(s => s.Questions), q => q.Kind == QuestionKind.Ranking);
        Assert.Equal(["Paid day off", "Bonus", "Flexible hours", "Family benefits", "Recognition", "Gifts"], ranking.Options);
        Assert.DoesNotContain(SurveyTemplates.All, t => t.Title.Contains("Q12", StringComparison.Ordinal) || t.Title.Contains("UWES", StringComparison.Ordinal));
    }
}
