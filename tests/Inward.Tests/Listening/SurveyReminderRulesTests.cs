using Inward.Features.Listening;

namespace Inward.Tests.Listening;

public sealed class SurveyReminderRulesTests
{
    private static readonly DateTime Closes = new(2026, 12, 20, 17, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-240, null)] // ten days before: nothing yet
    [InlineData(-73, null)] // one hour before the "3 days" mark
    [InlineData(-72, SurveyReminderRules.Before)]
    [InlineData(-25, SurveyReminderRules.Before)]
    [InlineData(-24, SurveyReminderRules.LastDay)]
    [InlineData(-1, SurveyReminderRules.LastDay)]
    [InlineData(0, null)] // closed
    [InlineData(5, null)]
    public void Automatic_rounds_follow_the_closing_time(int hoursFromClose, string? expected) =>
        Assert.Equal(expected, SurveyReminderRules.AutomaticRound(SurveyStatus.Open, null, Closes, Closes.AddHours(hoursFromClose), 3));

    [Fact]
    public void Drafts_closed_not_yet_open_and_open_ended_surveys_get_no_automatic_round()
    {
        var now = Closes.AddHours(-2);
        Assert.Null(SurveyReminderRules.AutomaticRound(SurveyStatus.Draft, null, Closes, now, 3));
        Assert.Null(SurveyReminderRules.AutomaticRound(SurveyStatus.Closed, null, Closes, now, 3));
        Assert.Null(SurveyReminderRules.AutomaticRound(SurveyStatus.Open, now.AddHours(1), Closes, now, 3));
        Assert.Null(SurveyReminderRules.AutomaticRound(SurveyStatus.Open, null, null, now, 3));
    }

    [Fact]
    public void With_one_day_or_less_configured_only_the_last_day_round_goes()
    {
        Assert.Null(SurveyReminderRules.AutomaticRound(SurveyStatus.Open, null, Closes, Closes.AddHours(-30), 1));
        Assert.Equal(SurveyReminderRules.LastDay, SurveyReminderRules.AutomaticRound(SurveyStatus.Open, null, Closes, Closes.AddHours(-3), 0));
    }

    [Fact]
    public void Manual_rounds_are_keyed_by_day()
    {
        var round = SurveyReminderRules.ManualRound(new DateOnly(2026, 1, 5));
        Assert.Equal("manual-2026-01-05", round);
        Assert.True(SurveyReminderRules.IsManual(round));
        Assert.False(SurveyReminderRules.IsManual(SurveyReminderRules.LastDay));
    }

    [Theory]
    [InlineData(10, 20, 5, 10)] // ten reminded, ten answered: both groups large enough
    [InlineData(5, 10, 5, 5)]
    [InlineData(12, 12, 5, 12)] // nobody has answered: the whole audience
    [InlineData(0, 12, 5, 0)] // everyone has answered
    [InlineData(11, 12, 5, null)] // right after one person answered: 12 − 11 would single them out
    [InlineData(1, 12, 5, null)] // one person left: who got the reminder is who has not answered
    [InlineData(4, 12, 5, null)]
    [InlineData(8, 12, 5, null)] // four answered
    [InlineData(2, 2, 5, null)] // a group below k reminded whole
    [InlineData(3, 6, 3, 3)] // k 3
    [InlineData(3, 6, 1, 3)] // k below 3 counts as 3
    [InlineData(2, 6, 1, null)]
    [InlineData(7, 6, 5, null)] // inconsistent input shows nothing
    public void The_reminder_count_shows_only_when_neither_the_reminded_nor_the_rest_fall_below_k(int reminded, int invited, int k, int? expected) =>
        Assert.Equal(expected, SurveyReminderRules.ShownCount(reminded, invited, k));
}
