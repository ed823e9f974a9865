using Inward.Features.Listening;
using Inward.Features.Listening.Pulses;

namespace Inward.Tests.Listening.Pulses;

/// <summary>The scheduling arithmetic of recurring pulses, with hand-picked clocks.</summary>
public sealed class PulseScheduleTests
{
    private static readonly DateTime Anchor = new(2027, 1, 31, 8, 0, 0, DateTimeKind.Utc);

    private static CycleState Cycle(int number, SurveyStatus status, DateTime? opens, DateTime? closes = null, int id = 0) =>
        new(id == 0 ? 100 + number : id, number, status, opens, closes);

    [Fact]
    public void Monthly_periods_are_counted_from_the_anchor_so_a_31st_does_not_drift_to_the_28th()
    {
        Assert.Equal(new DateTime(2027, 2, 28, 8, 0, 0, DateTimeKind.Utc), PulseSchedule.PeriodStart(Anchor, PulseCadence.Monthly, 1));
        Assert.Equal(new DateTime(2027, 3, 31, 8, 0, 0, DateTimeKind.Utc), PulseSchedule.PeriodStart(Anchor, PulseCadence.Monthly, 2));
        Assert.Equal(new DateTime(2027, 4, 30, 8, 0, 0, DateTimeKind.Utc), PulseSchedule.PeriodStart(Anchor, PulseCadence.Monthly, 3));
        Assert.Equal(new DateTime(2027, 4, 30, 8, 0, 0, DateTimeKind.Utc), PulseSchedule.PeriodStart(Anchor, PulseCadence.Quarterly, 1));
        Assert.Equal(new DateTime(2027, 2, 14, 8, 0, 0, DateTimeKind.Utc), PulseSchedule.PeriodStart(Anchor, PulseCadence.Weekly, 2));
    }

    [Theory]
    [InlineData(PulseCadence.Monthly, "2027-01-31T07:59:59", -1)]
    [InlineData(PulseCadence.Monthly, "2027-01-31T08:00:00", 0)]
    [InlineData(PulseCadence.Monthly, "2027-02-28T07:59:59", 0)]
    [InlineData(PulseCadence.Monthly, "2027-02-28T08:00:00", 1)]
    [InlineData(PulseCadence.Monthly, "2029-01-31T08:00:00", 24)]
    [InlineData(PulseCadence.Weekly, "2027-02-07T08:00:00", 1)]
    [InlineData(PulseCadence.Weekly, "2027-02-07T07:00:00", 0)]
    [InlineData(PulseCadence.Quarterly, "2028-01-31T08:00:00", 4)]
    [InlineData(PulseCadence.Quarterly, "2028-01-30T08:00:00", 3)]
    public void The_period_at_a_moment_is_the_last_one_that_has_started(PulseCadence cadence, string at, int expected) =>
        Assert.Equal(expected, PulseSchedule.PeriodAt(Anchor, cadence, DateTime.SpecifyKind(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)));

    [Theory]
    [InlineData(PulseCadence.Weekly, 7)]
    [InlineData(PulseCadence.Monthly, 28)]
    [InlineData(PulseCadence.Quarterly, 89)]
    public void A_cycle_stays_open_at_most_the_shortest_period_so_cycles_never_overlap(PulseCadence cadence, int max)
    {
        Assert.Equal(max, PulseSchedule.MaxOpenDays(cadence));
        Assert.Empty(PulseCycles.Check(cadence.ToString(), max, out var parsed));
        Assert.Equal(cadence, parsed);
        Assert.Equal("openDays", Assert.Single(PulseCycles.Check(cadence.ToString(), max + 1, out _)).Field);
        Assert.Equal("openDays", Assert.Single(PulseCycles.Check(cadence.ToString(), 0, out _)).Field);
        Assert.Equal("openDays", Assert.Single(PulseCycles.Check(cadence.ToString(), null, out _)).Field);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("1")]
    [InlineData("fortnightly")]
    public void An_unknown_cadence_is_refused_and_none_means_a_one_off(string cadence)
    {
        Assert.Equal("cadence", Assert.Single(PulseCycles.Check(cadence, 7, out _)).Field);
        Assert.Empty(PulseCycles.Check("none", null, out var none));
        Assert.Null(none);
        Assert.Empty(PulseCycles.Check(null, null, out _));
    }

    [Fact]
    public void Nothing_happens_before_the_first_cycle_is_launched()
    {
        Assert.Same(PulsePlan.Nothing, PulseSchedule.Plan(Anchor.AddYears(1), PulseCadence.Monthly, 7, false, [Cycle(1, SurveyStatus.Draft, null)]));
        Assert.Same(PulsePlan.Nothing, PulseSchedule.Plan(Anchor, PulseCadence.Monthly, 7, false, []));
        Assert.Null(PulseSchedule.NextOpening(PulseCadence.Monthly, false, [Cycle(1, SurveyStatus.Draft, Anchor)]));
    }

    [Fact]
    public void A_cycle_closes_when_its_time_is_up_and_one_without_a_date_closes_open_days_after_opening()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Open, Anchor) };
        Assert.Empty(PulseSchedule.Plan(Anchor.AddDays(7).AddSeconds(-1), PulseCadence.Monthly, 7, false, cycles).Close);

        var plan = PulseSchedule.Plan(Anchor.AddDays(7), PulseCadence.Monthly, 7, false, cycles);

        Assert.Equal([new CycleClosing(101, Anchor.AddDays(7))], plan.Close);
        Assert.Null(plan.Launch);
        var dated = PulseSchedule.Plan(Anchor.AddDays(3), PulseCadence.Monthly, 7, false, [Cycle(1, SurveyStatus.Open, Anchor, Anchor.AddDays(3))]);
        Assert.Equal([new CycleClosing(101, Anchor.AddDays(3))], dated.Close);
    }

    [Fact]
    public void The_next_cycle_launches_when_its_period_starts_and_not_a_second_earlier()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Closed, Anchor, Anchor.AddDays(7)) };
        var next = new DateTime(2027, 2, 28, 8, 0, 0, DateTimeKind.Utc);
        Assert.Null(PulseSchedule.Plan(next.AddSeconds(-1), PulseCadence.Monthly, 7, false, cycles).Launch);
        Assert.Equal(next, PulseSchedule.NextOpening(PulseCadence.Monthly, false, cycles));

        var plan = PulseSchedule.Plan(next.AddMinutes(3), PulseCadence.Monthly, 7, false, cycles);

        Assert.Equal(new CycleLaunch(2, next, next.AddDays(7)), plan.Launch);
        Assert.Empty(plan.Close);
    }

    [Fact]
    public void Once_launched_the_same_period_never_launches_again()
    {
        var feb = new DateTime(2027, 2, 28, 8, 0, 0, DateTimeKind.Utc);
        var cycles = new[] { Cycle(1, SurveyStatus.Closed, Anchor, Anchor.AddDays(7)), Cycle(2, SurveyStatus.Open, feb, feb.AddDays(7)) };

        Assert.Null(PulseSchedule.Plan(feb.AddDays(1), PulseCadence.Monthly, 7, false, cycles).Launch);
        Assert.Null(PulseSchedule.Plan(feb.AddDays(20), PulseCadence.Monthly, 7, false, cycles).Launch);
        Assert.Equal(3, PulseSchedule.Plan(new DateTime(2027, 3, 31, 8, 0, 0, DateTimeKind.Utc), PulseCadence.Monthly, 7, false, cycles).Launch!.Number);
    }

    [Fact]
    public void A_stopped_series_launches_nothing_but_still_closes_its_open_cycle()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Open, Anchor, Anchor.AddDays(7)) };

        var plan = PulseSchedule.Plan(Anchor.AddMonths(2), PulseCadence.Monthly, 7, true, cycles);

        Assert.Null(plan.Launch);
        Assert.Single(plan.Close);
        Assert.Null(PulseSchedule.NextOpening(PulseCadence.Monthly, true, cycles));
    }

    [Fact]
    public void Missed_periods_are_skipped_not_made_up_and_a_window_already_over_waits_for_the_next_period()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Closed, Anchor, Anchor.AddDays(7)) };
        // Every instance was down from February to 2 May: March and April are not made up, May's window is still ahead.
        var may = new DateTime(2027, 5, 31, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new CycleLaunch(2, may, may.AddDays(7)), PulseSchedule.Plan(may.AddDays(2), PulseCadence.Monthly, 7, false, cycles).Launch);
        // Back on 10 May, April's window (30 April + 7 days) is over: nothing until 31 May.
        Assert.Null(PulseSchedule.Plan(new DateTime(2027, 5, 10, 0, 0, 0, DateTimeKind.Utc), PulseCadence.Monthly, 7, false, cycles).Launch);
    }

    [Fact]
    public void A_first_cycle_left_open_past_the_next_period_is_closed_when_the_next_one_launches()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Open, Anchor, Anchor.AddDays(60)) };
        var now = new DateTime(2027, 2, 28, 9, 0, 0, DateTimeKind.Utc);

        var plan = PulseSchedule.Plan(now, PulseCadence.Monthly, 7, false, cycles);

        Assert.Equal(2, plan.Launch!.Number);
        Assert.Equal([new CycleClosing(101, now)], plan.Close);
    }

    [Fact]
    public void A_first_cycle_that_opens_in_the_future_anchors_the_series_there()
    {
        var cycles = new[] { Cycle(1, SurveyStatus.Open, Anchor.AddDays(10)) };
        Assert.Null(PulseSchedule.Plan(Anchor, PulseCadence.Weekly, 3, false, cycles).Launch);
        Assert.Empty(PulseSchedule.Plan(Anchor, PulseCadence.Weekly, 3, false, cycles).Close);
        Assert.Equal(Anchor.AddDays(17), PulseSchedule.NextOpening(PulseCadence.Weekly, false, cycles));
        Assert.Equal(new CycleLaunch(2, Anchor.AddDays(17), Anchor.AddDays(20)),
            PulseSchedule.Plan(Anchor.AddDays(17), PulseCadence.Weekly, 3, false, [Cycle(1, SurveyStatus.Closed, Anchor.AddDays(10), Anchor.AddDays(13))]).Launch);
    }
}
