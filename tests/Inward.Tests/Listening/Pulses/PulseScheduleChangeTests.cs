using Inward.Features.Listening;
using Inward.Features.Listening.Pulses;

namespace Inward.Tests.Listening.Pulses;

/// <summary>Changing the cadence or days open of a running series: the open cycle runs on, the next follows the new schedule.</summary>
public sealed class PulseScheduleChangeTests
{
    private static readonly DateTime Anchor = new(2027, 1, 31, 8, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int month, int day, int hour = 8) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Weekly_to_monthly_while_a_cycle_is_open_keeps_it_and_opens_the_next_a_month_after_it_opened()
    {
        // Weekly, 3 days open: cycle 2 opened on 7 February and closes on the 10th; HR switches to monthly on the 8th.
        List<CycleState> cycles = [new(101, 1, SurveyStatus.Closed, Anchor, At(2, 3)), new(102, 2, SurveyStatus.Open, At(2, 7), At(2, 10))];
        var change = PulseSchedule.Change(At(2, 8), 3, cycles)!;
        Assert.Equal(new ScheduleChange(At(2, 7), At(2, 10)), change);
        Assert.Equal(At(3, 7), PulseSchedule.NextOpening(PulseCadence.Monthly, false, cycles, change));

        // The old weekly date passes with nothing launched; the open cycle closes on its own date.
        var weekLater = PulseSchedule.Plan(At(2, 14, 9), PulseCadence.Monthly, 5, false, cycles, change);
        Assert.Null(weekLater.Launch);
        Assert.Equal([new CycleClosing(102, At(2, 10))], weekLater.Close);

        cycles[1] = cycles[1] with { Status = SurveyStatus.Closed };
        Assert.Null(PulseSchedule.Plan(At(3, 7, 7), PulseCadence.Monthly, 5, false, cycles, change).Launch);
        Assert.Equal(new CycleLaunch(3, At(3, 7), At(3, 12)), PulseSchedule.Plan(At(3, 7, 9), PulseCadence.Monthly, 5, false, cycles, change).Launch);
    }

    [Fact]
    public void A_shorter_cadence_whose_next_dates_are_already_past_skips_them_instead_of_launching_late()
    {
        // Quarterly: cycle 1 opened 31 January, closed 14 February. On 10 April HR switches to monthly, 14 days open.
        List<CycleState> cycles = [new(101, 1, SurveyStatus.Closed, Anchor, At(2, 14))];
        var change = PulseSchedule.Change(At(4, 10), 14, cycles)!;
        Assert.Equal(new ScheduleChange(Anchor, At(4, 10)), change);

        // Without the change the monthly arithmetic would open the 31 March period now (its window runs to 14 April).
        Assert.Equal(2, PulseSchedule.Plan(At(4, 10), PulseCadence.Monthly, 14, false, cycles).Launch?.Number);
        Assert.Equal(At(3, 31), PulseSchedule.Plan(At(4, 10), PulseCadence.Monthly, 14, false, cycles).Launch?.OpensUtc);
        // With it, 28 February and 31 March began before the change: the next cycle opens on 30 April.
        Assert.Null(PulseSchedule.Plan(At(4, 10), PulseCadence.Monthly, 14, false, cycles, change).Launch);
        Assert.Equal(At(4, 30), PulseSchedule.NextOpening(PulseCadence.Monthly, false, cycles, change));
        Assert.Equal(new CycleLaunch(2, At(4, 30), At(5, 14)), PulseSchedule.Plan(At(4, 30, 9), PulseCadence.Monthly, 14, false, cycles, change).Launch);
    }

    [Fact]
    public void A_shorter_cadence_never_opens_a_cycle_before_the_long_open_one_has_closed()
    {
        // Monthly, 28 days open (no closing of its own: it takes the series' days). On 2 February HR switches to weekly, 3 days.
        List<CycleState> cycles = [new(101, 1, SurveyStatus.Open, Anchor, null)];
        var change = PulseSchedule.Change(At(2, 2), 28, cycles)!;
        Assert.Equal(new ScheduleChange(Anchor, At(2, 28)), change);
        // The open cycle keeps its 28 days (the service records them as its closing): the weekly dates before then pass by.
        cycles[0] = cycles[0] with { ClosesUtc = PulseSchedule.ClosingOf(cycles[0], 28) };
        var plan = PulseSchedule.Plan(At(2, 14, 9), PulseCadence.Weekly, 3, false, cycles, change);
        Assert.Empty(plan.Close);
        Assert.Null(plan.Launch);
        // A period starting exactly when the open cycle closes may open then (28 days are four whole weeks).
        Assert.Equal(At(2, 28), PulseSchedule.NextOpening(PulseCadence.Weekly, false, cycles, change));
        var due = PulseSchedule.Plan(At(2, 28, 8), PulseCadence.Weekly, 3, false, cycles, change);
        Assert.Equal(new CycleLaunch(2, At(2, 28), At(3, 3)), due.Launch);
        Assert.Equal([new CycleClosing(101, At(2, 28))], due.Close);
    }

    [Fact]
    public void Periods_missed_after_a_change_are_caught_up_like_any_other_while_their_window_is_ahead()
    {
        List<CycleState> cycles = [new(101, 1, SurveyStatus.Closed, Anchor, At(2, 3))];
        var change = PulseSchedule.Change(At(2, 5), 3, cycles)!;
        // Monthly from 31 January, 5 days open: no instance ran on 28 February, one runs on 2 March, inside the window.
        Assert.Equal(new CycleLaunch(2, At(2, 28), At(3, 5)), PulseSchedule.Plan(At(3, 2), PulseCadence.Monthly, 5, false, cycles, change).Launch);
        // After the window, that period is skipped and 31 March is next.
        Assert.Null(PulseSchedule.Plan(At(3, 6), PulseCadence.Monthly, 5, false, cycles, change).Launch);
    }

    [Fact]
    public void A_series_not_yet_started_has_no_change_and_a_stopped_one_no_next_opening()
    {
        Assert.Null(PulseSchedule.Change(At(2, 2), 3, [new(101, 1, SurveyStatus.Draft, Anchor, null)]));
        Assert.Null(PulseSchedule.Change(At(2, 2), 3, []));
        List<CycleState> cycles = [new(101, 1, SurveyStatus.Closed, Anchor, At(2, 3))];
        Assert.Null(PulseSchedule.NextOpening(PulseCadence.Weekly, true, cycles, new ScheduleChange(Anchor, At(2, 5))));
        // A change after the latest cycle closed counts from now.
        Assert.Equal(new ScheduleChange(Anchor, At(2, 5)), PulseSchedule.Change(At(2, 5), 3, cycles));
        Assert.Equal(At(2, 7), PulseSchedule.NextOpening(PulseCadence.Weekly, false, cycles, PulseSchedule.Change(At(2, 5), 3, cycles)));
    }
}
