using Inward.Features.Listening;

namespace Inward.Tests.Listening;

/// <summary>The statistics of MEASUREMENT.md against values computed by hand.</summary>
public sealed class SurveyStatisticsTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Five_point_favourable_is_the_top_two_points_and_unfavourable_the_bottom_two()
    {
        // counts per point 1..5: 1, 1, 1, 3, 2 → mean 28/8
        var s = SurveyStatistics.Likert([5, 4, 4, 3, 2, 1, 5, 4], 5);
        Assert.Equal([1, 1, 1, 3, 2], s.Counts);
        Assert.Equal(8, s.N);
        Assert.Equal(3.5, s.Mean, Tolerance);
        Assert.Equal(0.625, s.Favourable, Tolerance);
        Assert.Equal(0.125, s.Neutral, Tolerance);
        Assert.Equal(0.25, s.Unfavourable, Tolerance);
    }

    [Fact]
    public void Reverse_scored_items_are_flipped_before_they_are_counted()
    {
        var s = SurveyStatistics.Likert([5, 4, 4, 3, 2, 1, 5, 4], 5, reverse: true);
        Assert.Equal([2, 3, 1, 1, 1], s.Counts);
        Assert.Equal(2.5, s.Mean, Tolerance);
        Assert.Equal(0.25, s.Favourable, Tolerance);
        Assert.Equal(0.625, s.Unfavourable, Tolerance);
        Assert.Equal(1, SurveyStatistics.Reverse(7, 7));
        Assert.Equal(4, SurveyStatistics.Reverse(4, 7));
    }

    [Fact]
    public void Seven_point_favourable_is_the_top_three_points_and_neutral_the_fourth()
    {
        var s = SurveyStatistics.Likert([7, 6, 5, 4, 3, 2, 1], 7);
        Assert.Equal(3 / 7.0, s.Favourable, Tolerance);
        Assert.Equal(1 / 7.0, s.Neutral, Tolerance);
        Assert.Equal(3 / 7.0, s.Unfavourable, Tolerance);
        Assert.Equal(4.0, s.Mean, Tolerance);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(8, 7)]
    public void Answers_outside_the_scale_are_refused(int answer, int points) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyStatistics.Likert([answer], points));

    [Fact]
    public void Only_five_and_seven_point_scales_exist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyStatistics.Likert([1], 4));

    [Fact]
    public void No_answers_give_no_numbers_rather_than_zeros()
    {
        var s = SurveyStatistics.Likert([], 5);
        Assert.Equal(0, s.N);
        Assert.True(double.IsNaN(s.Favourable));
    }

    [Fact]
    public void Enps_is_promoters_minus_detractors_with_its_margin_of_error()
    {
        // promoters 10, 9, 9, 10; passives 8, 7; detractors 6, 5, 0, 3
        var e = SurveyStatistics.NetPromoter([10, 9, 9, 8, 7, 6, 5, 0, 10, 3]);
        Assert.Equal(10, e.N);
        Assert.Equal(0.4, e.Promoters, Tolerance);
        Assert.Equal(0.2, e.Passives, Tolerance);
        Assert.Equal(0.4, e.Detractors, Tolerance);
        Assert.Equal(0, e.Score, Tolerance);
        // 1.96 · √((0.4 + 0.4 − 0²) / 10) = 0.554372 → 55.44 points
        Assert.Equal(55.437172, e.MarginOfError, 1e-5);
    }

    [Fact]
    public void Small_teams_get_the_finite_population_correction()
    {
        var e = SurveyStatistics.NetPromoter([10, 9, 9, 8, 7, 6, 5, 0, 10, 3], population: 20);
        // × √((20 − 10) / 19)
        Assert.Equal(40.218351, e.MarginOfError, 1e-5);
        var everyone = SurveyStatistics.NetPromoter([10, 9, 9, 8, 7, 6, 5, 0, 10, 3], population: 10);
        Assert.Equal(0, everyone.MarginOfError, Tolerance);
    }

    [Fact]
    public void Enps_ranges_from_minus_100_to_plus_100()
    {
        Assert.Equal(100, SurveyStatistics.NetPromoter([9, 10, 10]).Score, Tolerance);
        Assert.Equal(-100, SurveyStatistics.NetPromoter([0, 6, 3]).Score, Tolerance);
        Assert.Equal(100 * (2 - 1) / 4.0, SurveyStatistics.NetPromoter([9, 10, 8, 6]).Score, Tolerance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Enps_answers_outside_0_to_10_are_refused(int answer) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyStatistics.NetPromoter([answer]));

    [Fact]
    public void A_population_smaller_than_the_answers_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyStatistics.NetPromoter([9, 9, 9], population: 2));

    [Fact]
    public void Cronbach_alpha_and_item_total_correlations_match_the_hand_computed_values()
    {
        // item variances 5/3, 19/12, 11/12 (sum 25/6); totals 5, 8, 10, 13 with variance 34/3 → α = 1.5 · (1 − 25/68)
        double?[][] rows = [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 4]];
        var r = SurveyStatistics.Cronbach(rows, 3);
        Assert.Equal(4, r.Respondents);
        Assert.Equal(1.5 * (1 - 25.0 / 68), r.Alpha!.Value, Tolerance);
        Assert.Equal(0.992278, r.ItemTotal[0]!.Value, 1e-5);
        Assert.Equal(0.866154, r.ItemTotal[1]!.Value, 1e-5);
        Assert.Equal(0.870388, r.ItemTotal[2]!.Value, 1e-5);
        Assert.False(r.IsLow);
        Assert.False(r.HintsRedundancy);
        Assert.Empty(r.WeakItems);
    }

    [Fact]
    public void Inconsistent_items_are_flagged_low_with_their_weak_items()
    {
        double?[][] rows = [[1, 5, 3], [2, 1, 4], [3, 4, 1], [4, 2, 2], [5, 3, 5]];
        var r = SurveyStatistics.Cronbach(rows, 3);
        Assert.Equal(-0.545455, r.Alpha!.Value, 1e-5);
        Assert.True(r.IsLow);
        Assert.Equal([0, 1, 2], r.WeakItems);
    }

    [Fact]
    public void Respondents_who_skipped_an_item_are_left_out_of_alpha()
    {
        double?[][] rows = [[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 4], [5, null, 1]];
        var r = SurveyStatistics.Cronbach(rows, 3);
        Assert.Equal(4, r.Respondents);
        Assert.Equal(1.5 * (1 - 25.0 / 68), r.Alpha!.Value, Tolerance);
    }

    [Fact]
    public void Alpha_is_undefined_for_one_item_one_respondent_or_no_variance()
    {
        Assert.Null(SurveyStatistics.Cronbach([[1.0], [2.0]], 1).Alpha);
        Assert.Null(SurveyStatistics.Cronbach([[1.0, 2.0]], 2).Alpha);
        Assert.Null(SurveyStatistics.Cronbach([[3.0, 3.0], [3.0, 3.0]], 2).Alpha);
    }

    [Theory]
    [InlineData(59, 100, true)]
    [InlineData(60, 100, false)]
    [InlineData(0, 0, false)]
    public void Participation_below_60_percent_is_flagged(int responded, int invited, bool low) =>
        Assert.Equal(low, SurveyStatistics.Participation(responded, invited).IsLow);

    [Fact]
    public void More_responses_than_invitations_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveyStatistics.Participation(5, 4));

    [Theory]
    [InlineData(75, FavourableBand.High)]
    [InlineData(74.9, FavourableBand.Middle)]
    [InlineData(60, FavourableBand.Middle)]
    [InlineData(59.9, FavourableBand.Low)]
    public void Heatmap_bands_follow_75_and_60(double favourable, FavourableBand band) =>
        Assert.Equal(band, SurveyStatistics.Band(favourable));

    [Fact]
    public void Reward_preferences_count_the_share_placing_each_type_in_the_top_three()
    {
        var shares = SurveyStatistics.TopShare([
            ["day off", "bonus", "flexible hours", "gifts"],
            ["bonus", "day off", "recognition"],
            ["gifts", "recognition", "family", "day off"],
            ["day off", "day off", "bonus"],
        ]);
        Assert.Equal(0.75, shares["day off"], Tolerance);
        Assert.Equal(0.75, shares["bonus"], Tolerance);
        Assert.Equal(0.5, shares["recognition"], Tolerance);
        Assert.Equal(0.25, shares["gifts"], Tolerance);
        Assert.Equal(0.25, shares["family"], Tolerance);
        Assert.Equal(0.25, shares["flexible hours"], Tolerance);
    }
}
