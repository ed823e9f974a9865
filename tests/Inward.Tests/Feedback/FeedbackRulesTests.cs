using Inward.Features.Feedback;

namespace Inward.Tests.Feedback;

public sealed class FeedbackRulesTests
{
    private static readonly DateOnly Day0 = new(2026, 3, 1);

    [Theory]
    [InlineData("MyJob", true, FeedbackCategory.MyJob)]
    [InlineData("companypolicies", true, FeedbackCategory.CompanyPolicies)]
    [InlineData(" Other ", true, FeedbackCategory.Other)]
    [InlineData("3", false, FeedbackCategory.CompanyPolicies)]
    [InlineData("-1", false, FeedbackCategory.CompanyPolicies)]
    [InlineData("Salary", false, FeedbackCategory.CompanyPolicies)]
    [InlineData("", false, FeedbackCategory.CompanyPolicies)]
    [InlineData(null, false, FeedbackCategory.CompanyPolicies)]
    public void Categories_parse_by_name_only(string? value, bool ok, FeedbackCategory expected)
    {
        Assert.Equal(ok, FeedbackRules.TryParse<FeedbackCategory>(value, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(FeedbackStatus.Received, FeedbackStatus.UnderReview, null, null)]
    [InlineData(FeedbackStatus.Received, FeedbackStatus.Planned, "", null)]
    [InlineData(FeedbackStatus.Planned, FeedbackStatus.UnderReview, null, null)]
    [InlineData(FeedbackStatus.UnderReview, FeedbackStatus.Done, "We did it.", null)]
    [InlineData(FeedbackStatus.Received, FeedbackStatus.Declined, "Not possible because...", null)]
    [InlineData(FeedbackStatus.UnderReview, FeedbackStatus.Done, null, "Answer")]
    [InlineData(FeedbackStatus.UnderReview, FeedbackStatus.Declined, "   ", "Answer")]
    [InlineData(FeedbackStatus.Done, FeedbackStatus.Planned, "Reopen", "Status")]
    [InlineData(FeedbackStatus.Declined, FeedbackStatus.Done, "Changed our mind", "Status")]
    [InlineData(FeedbackStatus.Planned, FeedbackStatus.Planned, null, "Status")]
    [InlineData(FeedbackStatus.UnderReview, FeedbackStatus.Received, null, "Status")]
    public void Status_moves_follow_the_rules_and_closing_needs_an_answer(FeedbackStatus from, FeedbackStatus to, string? answer, string? errorField) =>
        Assert.Equal(errorField, FeedbackRules.CheckStatusChange(from, to, answer)?.Field);

    [Fact]
    public void A_too_long_answer_is_refused()
    {
        Assert.Equal("Answer", FeedbackRules.CheckStatusChange(FeedbackStatus.Received, FeedbackStatus.Done, new string('a', FeedbackCard.TextMax + 1))?.Field);
        Assert.Null(FeedbackRules.CheckStatusChange(FeedbackStatus.Received, FeedbackStatus.Done, new string('a', FeedbackCard.TextMax)));
    }

    [Theory]
    [InlineData(null, "Write something first.")]
    [InlineData("  \n ", "Write something first.")]
    [InlineData("ok", null)]
    public void Texts_are_required(string? text, string? message) => Assert.Equal(message, FeedbackRules.CheckText(text, "Text")?.Message);

    [Fact]
    public void Texts_longer_than_the_limit_are_refused() =>
        Assert.Equal("At most {0} characters.", FeedbackRules.CheckText(new string('x', FeedbackCard.TextMax + 1), "Text")?.Message);

    [Theory]
    [InlineData(0, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void Ten_cards_a_day_is_the_limit(int today, bool over) => Assert.Equal(over, FeedbackRules.OverDailyLimit(today));

    [Fact]
    public void Median_closure_days_counts_closed_cards_only()
    {
        CardDates[] cards =
        [
            new(Day0, Day0.AddDays(1), Day0.AddDays(2)),
            new(Day0, null, Day0.AddDays(10)),
            new(Day0, Day0.AddDays(3), Day0.AddDays(4)),
            new(Day0, null, null),
        ];
        Assert.Equal(4m, FeedbackRules.MedianClosureDays(cards));
        Assert.Equal(3m, FeedbackRules.MedianClosureDays(cards.Take(3).Where(c => c.ClosedOn != Day0.AddDays(10)).Append(new(Day0, null, Day0))
            .Append(new(Day0, null, Day0.AddDays(20)))));
        Assert.Null(FeedbackRules.MedianClosureDays([new(Day0, null, null)]));
    }

    [Fact]
    public void Answered_within_14_days_judges_answered_cards_and_those_old_enough()
    {
        var today = Day0.AddDays(30);
        CardDates[] cards =
        [
            new(Day0, Day0.AddDays(14), null),            // in time, exactly 14 days
            new(Day0, Day0.AddDays(15), null),            // late
            new(Day0, null, null),                        // 30 days, never answered: late
            new(today.AddDays(-3), null, null),           // too young to judge
            new(today.AddDays(-3), today.AddDays(-2), null), // young but answered in time
            new(today.AddDays(-14), null, null),          // 14 days old, unanswered: late
        ];
        Assert.Equal((2, 5), FeedbackRules.AnsweredWithin14Days(cards, today));
        Assert.Equal((0, 0), FeedbackRules.AnsweredWithin14Days([], today));
    }

    [Fact]
    public void Tags_depend_on_both_the_secret_and_the_salt()
    {
        var secret = new byte[32];
        var other = new byte[32];
        other[0] = 1;
        var salt = FeedbackInboxKeys.NewSalt();
        var tag = FeedbackInboxKeys.Tag(secret, salt);
        Assert.True(FeedbackInboxKeys.IsTagOf(secret, salt, tag));
        Assert.False(FeedbackInboxKeys.IsTagOf(other, salt, tag));
        Assert.False(FeedbackInboxKeys.IsTagOf(secret, FeedbackInboxKeys.NewSalt(), tag));
        Assert.NotEqual(tag, FeedbackInboxKeys.Tag(secret, FeedbackInboxKeys.NewSalt()));
    }
}
