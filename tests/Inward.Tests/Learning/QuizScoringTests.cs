using Inward.Features.Learning;

namespace Inward.Tests.Learning;

/// <summary>The pure quiz rules: per-question verdicts, the score rounded down, the pass mark, feedback, draws and authoring checks.</summary>
public sealed class QuizScoringTests
{
    private static ScoredQuestion Single(int id = 1) => new(id, QuestionKind.SingleChoice,
        [new(10, "Right", true, "Yes."), new(11, "Wrong", false, "No."), new(12, "Also wrong", false)], "Think again.");

    private static ScoredQuestion Multiple(int id = 2) => new(id, QuestionKind.MultipleChoice,
        [new(20, "A", true, "A is in."), new(21, "B", true), new(22, "C", false, "C is out.")], "Pick A and B.");

    private static ScoredQuestion TrueFalse(int id = 3, bool isTrue = true) => new(id, QuestionKind.TrueFalse,
        [new(30, "True", isTrue), new(31, "False", !isTrue)]);

    private static ScoredQuestion Short(int id = 4) => new(id, QuestionKind.ShortAnswer,
        [new(40, "Four", true, "Yes, four."), new(41, "4", true)], "It is four.");

    private static QuizAnswer Options(params int[] ids) => new(ids);

    private static QuizAnswer Typed(string? text) => new([], text);

    [Fact]
    public void Single_choice_is_right_only_with_exactly_the_correct_option()
    {
        Assert.True(QuizScoring.Judge(Single(), Options(10)).Correct);
        Assert.False(QuizScoring.Judge(Single(), Options(11)).Correct);
        Assert.False(QuizScoring.Judge(Single(), Options(10, 11)).Correct);
        Assert.False(QuizScoring.Judge(Single(), Options()).Correct);
        Assert.False(QuizScoring.Judge(Single(), Options(999)).Correct);
    }

    [Fact]
    public void Multiple_choice_is_right_only_with_exactly_the_set_of_correct_options()
    {
        Assert.True(QuizScoring.Judge(Multiple(), Options(20, 21)).Correct);
        Assert.True(QuizScoring.Judge(Multiple(), Options(21, 20)).Correct);
        Assert.True(QuizScoring.Judge(Multiple(), Options(20, 21, 21)).Correct);
        Assert.False(QuizScoring.Judge(Multiple(), Options(20)).Correct);
        Assert.False(QuizScoring.Judge(Multiple(), Options(20, 21, 22)).Correct);
        Assert.False(QuizScoring.Judge(Multiple(), Options(22)).Correct);
        Assert.False(QuizScoring.Judge(Multiple(), Options()).Correct);
    }

    [Fact]
    public void Multiple_choice_without_any_correct_option_is_never_right()
    {
        var broken = new ScoredQuestion(9, QuestionKind.MultipleChoice, [new(1, "A", false), new(2, "B", false)]);
        Assert.False(QuizScoring.Judge(broken, Options()).Correct);
    }

    [Theory]
    [InlineData(true, 30, true)]
    [InlineData(true, 31, false)]
    [InlineData(false, 31, true)]
    [InlineData(false, 30, false)]
    public void True_false_is_right_with_the_true_statement(bool isTrue, int chosen, bool right) =>
        Assert.Equal(right, QuizScoring.Judge(TrueFalse(isTrue: isTrue), Options(chosen)).Correct);

    [Theory]
    [InlineData("four", true)]
    [InlineData("FOUR", true)]
    [InlineData("  Four  ", true)]
    [InlineData("4", true)]
    [InlineData("fo ur", false)]
    [InlineData("five", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Short_answers_match_an_accepted_answer_ignoring_case_and_spacing(string? typed, bool right) =>
        Assert.Equal(right, QuizScoring.Judge(Short(), Typed(typed)).Correct);

    [Fact]
    public void Short_answers_collapse_inner_whitespace()
    {
        var q = new ScoredQuestion(5, QuestionKind.ShortAnswer, [new(50, "Every ride  starts", true)]);
        Assert.True(QuizScoring.Judge(q, Typed("every\tride starts")).Correct);
        Assert.True(QuizScoring.Judge(q, Typed("EVERY RIDE\n STARTS ")).Correct);
        Assert.False(QuizScoring.Judge(q, Typed("everyride starts")).Correct);
    }

    [Fact]
    public void Short_answers_ignore_options_that_are_not_accepted_answers()
    {
        var q = new ScoredQuestion(6, QuestionKind.ShortAnswer, [new(60, "yes", true), new(61, "no", false)]);
        Assert.False(QuizScoring.Judge(q, Typed("no")).Correct);
    }

    [Fact]
    public void Feedback_is_that_of_each_chosen_option_then_the_wrong_answer_feedback()
    {
        Assert.Equal(["Yes."], QuizScoring.Judge(Single(), Options(10)).Feedback);
        Assert.Equal(["No.", "Think again."], QuizScoring.Judge(Single(), Options(11)).Feedback);
        Assert.Equal(["Think again."], QuizScoring.Judge(Single(), Options(12)).Feedback);
        Assert.Equal(["A is in."], QuizScoring.Judge(Multiple(), Options(20, 21)).Feedback);
        Assert.Equal(["A is in.", "C is out.", "Pick A and B."], QuizScoring.Judge(Multiple(), Options(20, 22)).Feedback);
        Assert.Equal(["Yes, four."], QuizScoring.Judge(Short(), Typed("four")).Feedback);
        Assert.Empty(QuizScoring.Judge(Short(), Typed("4")).Feedback);
        Assert.Equal(["It is four."], QuizScoring.Judge(Short(), Typed("three")).Feedback);
        Assert.Empty(QuizScoring.Judge(TrueFalse(), Options(31)).Feedback);
    }

    [Fact]
    public void Score_counts_right_answers_and_unanswered_questions_are_wrong()
    {
        var result = QuizScoring.Score([Single(), Multiple(), TrueFalse(), Short()],
            new Dictionary<int, QuizAnswer> { [1] = Options(10), [2] = Options(20), [4] = Typed("four") }, passMarkPercent: 50);

        Assert.Equal(2, result.CorrectCount);
        Assert.Equal(4, result.Total);
        Assert.Equal(50, result.ScorePercent);
        Assert.True(result.Passed);
        Assert.Equal([true, false, false, true], result.Questions.Select(q => q.Correct));
        Assert.Equal([1, 2, 3, 4], result.Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public void Answers_to_questions_not_scored_are_ignored()
    {
        var result = QuizScoring.Score([Single()], new Dictionary<int, QuizAnswer> { [1] = Options(10), [99] = Options(1) }, 100);
        Assert.Equal(100, result.ScorePercent);
        Assert.Single(result.Questions);
    }

    [Theory]
    [InlineData(0, 6, 0)]
    [InlineData(1, 6, 16)]
    [InlineData(2, 3, 66)]
    [InlineData(4, 6, 66)]
    [InlineData(5, 6, 83)]
    [InlineData(6, 6, 100)]
    [InlineData(1, 3, 33)]
    [InlineData(7, 8, 87)]
    public void The_score_is_rounded_down(int right, int total, int percent)
    {
        var questions = Enumerable.Range(1, total).Select(i => Single(i)).ToList();
        var answers = Enumerable.Range(1, right).ToDictionary(i => i, _ => Options(10));
        Assert.Equal(percent, QuizScoring.Score(questions, answers, 0).ScorePercent);
    }

    [Theory]
    [InlineData(4, 5, 80, true)]
    [InlineData(3, 5, 80, false)]
    [InlineData(5, 6, 83, true)]
    [InlineData(5, 6, 84, false)]
    [InlineData(2, 3, 67, false)]
    [InlineData(2, 3, 66, true)]
    [InlineData(0, 3, 0, true)]
    [InlineData(3, 3, 100, true)]
    [InlineData(2, 3, 100, false)]
    public void Passing_means_the_score_reaches_the_pass_mark(int right, int total, int passMark, bool passed)
    {
        var questions = Enumerable.Range(1, total).Select(i => Single(i)).ToList();
        var answers = Enumerable.Range(1, right).ToDictionary(i => i, _ => Options(10));
        Assert.Equal(passed, QuizScoring.Score(questions, answers, passMark).Passed);
    }

    [Fact]
    public void Scoring_refuses_an_empty_attempt_and_a_pass_mark_out_of_range()
    {
        Assert.Throws<ArgumentException>(() => QuizScoring.Score([], new Dictionary<int, QuizAnswer>(), 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuizScoring.Score([Single()], new Dictionary<int, QuizAnswer>(), 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuizScoring.Score([Single()], new Dictionary<int, QuizAnswer>(), -1));
    }

    [Fact]
    public void A_draw_without_a_count_is_the_whole_bank_in_order()
    {
        Assert.Equal([5, 3, 9], QuizDraw.Draw([5, 3, 9], null, new Random(1)));
    }

    [Fact]
    public void A_draw_takes_distinct_questions_from_the_bank_and_varies_with_the_seed()
    {
        int[] bank = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var draws = Enumerable.Range(0, 20).Select(seed => QuizDraw.Draw(bank, 4, new Random(seed))).ToList();
        Assert.All(draws, d =>
        {
            Assert.Equal(4, d.Count);
            Assert.Equal(4, d.Distinct().Count());
            Assert.All(d, id => Assert.Contains(id, bank));
        });
        Assert.True(draws.Select(d => string.Join(',', d)).Distinct().Count() > 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuizDraw.Draw(bank, 11, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuizDraw.Draw(bank, 0, new Random(1)));
    }

    [Theory]
    [InlineData(-1, null, null, 3, "PassMarkPercent")]
    [InlineData(101, null, null, 3, "PassMarkPercent")]
    [InlineData(80, 0, null, 3, "MaxAttempts")]
    [InlineData(80, 101, null, 3, "MaxAttempts")]
    [InlineData(80, null, 4, 3, "DrawCount")]
    [InlineData(80, null, 0, 3, "DrawCount")]
    public void Quiz_settings_out_of_range_are_refused(int passMark, int? attempts, int? draw, int bank, string field) =>
        Assert.Contains(QuizRules.CheckQuiz(passMark, attempts, draw, bank), p => p.Field == field);

    [Theory]
    [InlineData(0, null, null, 0)]
    [InlineData(100, 1, 3, 3)]
    [InlineData(80, 100, 1, 5)]
    public void Quiz_settings_in_range_are_accepted(int passMark, int? attempts, int? draw, int bank) =>
        Assert.Empty(QuizRules.CheckQuiz(passMark, attempts, draw, bank));

    [Fact]
    public void Questions_without_a_correct_answer_or_with_too_few_options_are_refused()
    {
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.SingleChoice, "Q?", [("A", false), ("B", false)]),
            p => p.Message == "Mark at least one option as correct.");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.MultipleChoice, "Q?", [("A", true)]),
            p => p.Message == "A choice question needs at least 2 options.");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.SingleChoice, "Q?", [("A", true), ("B", true)]),
            p => p.Message == "A single-choice question has exactly one correct option.");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.ShortAnswer, "Q?", []), p => p.Message == "List at least one accepted answer.");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.TrueFalse, "Q?", [("True", false), ("False", false)]), p => p.Field == "Options");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.SingleChoice, " ", [("A", true), ("B", false)]), p => p.Field == "Text");
        Assert.Contains(QuizRules.CheckQuestion(QuestionKind.SingleChoice, "Q?", [("Same", true), (" same ", false)]),
            p => p.Message == "Two options have the same text.");
        Assert.Empty(QuizRules.CheckQuestion(QuestionKind.MultipleChoice, "Q?", [("A", true), ("B", true), ("C", false)]));
        Assert.Empty(QuizRules.CheckQuestion(QuestionKind.ShortAnswer, "Q?", [("four", true)]));
        Assert.Empty(QuizRules.CheckQuestion(QuestionKind.TrueFalse, "Q?", [("True", false), ("False", true)]));
    }

    [Fact]
    public void Completion_needs_every_lesson_and_a_passed_quiz_when_there_is_one()
    {
        Assert.True(CourseCompletionService.IsFinished([1, 2], new HashSet<int> { 1, 2 }, hasQuiz: false, quizPassed: false));
        Assert.False(CourseCompletionService.IsFinished([1, 2], new HashSet<int> { 1 }, hasQuiz: false, quizPassed: false));
        Assert.False(CourseCompletionService.IsFinished([1, 2], new HashSet<int> { 1, 2 }, hasQuiz: true, quizPassed: false));
        Assert.True(CourseCompletionService.IsFinished([1, 2], new HashSet<int> { 1, 2, 7 }, hasQuiz: true, quizPassed: true));
        Assert.False(CourseCompletionService.IsFinished([], new HashSet<int>(), hasQuiz: false, quizPassed: false));
    }

    [Theory]
    [InlineData("/brand", true)]
    [InlineData("/brand#brand-promise-heading", true)]
    [InlineData("/plan", true)]
    [InlineData("/touchpoints/3", true)]
    [InlineData("/expectations", true)]
    [InlineData("/role-cards/2", true)]
    [InlineData("/internal-customers", true)]
    [InlineData("//evil.example/brand", false)]
    [InlineData("https://evil.example/brand", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/brandnew", false)]
    [InlineData("/people/1", false)]
    [InlineData("/brand x", false)]
    [InlineData("", false)]
    public void Lesson_links_are_local_paths_into_the_taught_features(string path, bool ok) =>
        Assert.Equal(ok, LessonRules.IsLocalLink(path));

    [Theory]
    [InlineData("https://video.example/watch?v=1", true)]
    [InlineData("http://video.example/watch", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://user:pw@video.example/", false)]
    [InlineData("/files/1", false)]
    public void Media_links_are_https_only(string url, bool ok) => Assert.Equal(ok, LessonRules.IsHttpsUrl(url));
}
