namespace Inward.Features.Listening.Pulses;

/// <summary>A cycle as the schedule sees it.</summary>
public sealed record CycleState(int SurveyId, int Number, SurveyStatus Status, DateTime? OpensUtc, DateTime? ClosesUtc);

/// <summary>Close an open cycle; <see cref="ClosesUtc"/> is the closing time to record (its own, or the series' default when it had none).</summary>
public sealed record CycleClosing(int SurveyId, DateTime ClosesUtc);

/// <summary>Open cycle <see cref="Number"/> for the period from <see cref="OpensUtc"/> to <see cref="ClosesUtc"/>.</summary>
public sealed record CycleLaunch(int Number, DateTime OpensUtc, DateTime ClosesUtc);

/// <summary>
/// A change of cadence or days open of a running series: from it on, periods are counted from <see cref="AnchorUtc"/> (the
/// latest cycle's opening when HR made the change) and no cycle opens before <see cref="NotBeforeUtc"/> (the change itself,
/// or the closing of the cycle that was open then, whichever is later), so the open cycle runs on as it was and a period
/// that began before the change is not launched late.
/// </summary>
public sealed record ScheduleChange(DateTime AnchorUtc, DateTime NotBeforeUtc);

/// <summary>What a series needs now: cycles to close and at most one cycle to launch.</summary>
public sealed record PulsePlan(IReadOnlyList<CycleClosing> Close, CycleLaunch? Launch)
{
    public static readonly PulsePlan Nothing = new([], null);
}

/// <summary>
/// The arithmetic of recurring pulses, pure so it can be tested with any clock. Cycle periods start at the first
/// cycle's opening plus whole weeks, months or quarters, always counted from that anchor (a series started on 31 January
/// runs on 28 February, then 31 March, not drifting to the 28th). Each cycle stays open <c>OpenDays</c>, at most the
/// shortest period, so cycles never overlap. A period missed while no instance ran is skipped, not made up: the next
/// cycle opens for the current period if its window is still ahead, otherwise for the next one.
/// </summary>
public static class PulseSchedule
{
    public const int MinOpenDays = 1;

    /// <summary>The longest a cycle may stay open: the shortest period of the cadence (28-day February, 89-day quarter).</summary>
    public static int MaxOpenDays(PulseCadence cadence) => cadence switch
    {
        PulseCadence.Weekly => 7,
        PulseCadence.Monthly => 28,
        _ => 89,
    };

    /// <summary>The start of period <paramref name="index"/> (0: the anchor itself).</summary>
    public static DateTime PeriodStart(DateTime anchorUtc, PulseCadence cadence, int index) => cadence switch
    {
        PulseCadence.Weekly => anchorUtc.AddDays(7.0 * index),
        PulseCadence.Monthly => anchorUtc.AddMonths(index),
        _ => anchorUtc.AddMonths(3 * index),
    };

    /// <summary>The index of the last period that starts at or before <paramref name="utc"/>; −1 before the anchor.</summary>
    public static int PeriodAt(DateTime anchorUtc, PulseCadence cadence, DateTime utc)
    {
        if (utc < anchorUtc)
        {
            return -1;
        }
        // An estimate from the average period length, then corrected: months differ in length.
        var days = cadence switch { PulseCadence.Weekly => 7.0, PulseCadence.Monthly => 365.2425 / 12, _ => 365.2425 / 4 };
        var index = Math.Max(0, (int)((utc - anchorUtc).TotalDays / days) - 1);
        while (index > 0 && PeriodStart(anchorUtc, cadence, index) > utc)
        {
            index--;
        }
        while (PeriodStart(anchorUtc, cadence, index + 1) <= utc)
        {
            index++;
        }
        return index;
    }

    /// <summary>When a cycle closes: its own closing time, else <paramref name="openDays"/> after it opened; null before it opens.</summary>
    public static DateTime? ClosingOf(CycleState cycle, int openDays) => cycle.ClosesUtc ?? cycle.OpensUtc?.AddDays(openDays);

    /// <summary>When the cycle after <paramref name="cycles"/>' latest opens (null: the series has not started, or it is stopped).</summary>
    public static DateTime? NextOpening(PulseCadence cadence, bool stopped, IReadOnlyList<CycleState> cycles, ScheduleChange? change = null)
    {
        if (stopped || Anchor(cycles, change) is not { } anchor)
        {
            return null;
        }
        var last = cycles.MaxBy(c => c.Number)!;
        return PeriodStart(anchor, cadence, FirstLaunchable(anchor, cadence, last.OpensUtc ?? anchor, change));
    }

    /// <summary>
    /// Pure: the change HR makes to a running series at <paramref name="now"/>, given the days open until then. Null while
    /// the first cycle is still a draft (nothing runs yet: the new values simply apply from its launch).
    /// </summary>
    public static ScheduleChange? Change(DateTime now, int openDaysBefore, IReadOnlyList<CycleState> cycles)
    {
        if (Anchor(cycles, null) is null)
        {
            return null;
        }
        var last = cycles.MaxBy(c => c.Number)!;
        var opens = last.OpensUtc!.Value;
        var closes = last.Status == SurveyStatus.Open ? ClosingOf(last, openDaysBefore)!.Value : now;
        return new ScheduleChange(opens, closes > now ? closes : now);
    }

    /// <summary>
    /// The first period after the one the latest cycle opened in that may be launched: after a change, the first that
    /// starts at or after its <see cref="ScheduleChange.NotBeforeUtc"/>.
    /// </summary>
    private static int FirstLaunchable(DateTime anchor, PulseCadence cadence, DateTime lastOpens, ScheduleChange? change)
    {
        var next = PeriodAt(anchor, cadence, lastOpens) + 1;
        if (change is { NotBeforeUtc: var notBefore })
        {
            var at = PeriodAt(anchor, cadence, notBefore);
            next = Math.Max(next, PeriodStart(anchor, cadence, at) == notBefore ? at : at + 1);
        }
        return next;
    }

    /// <summary>
    /// What to do at <paramref name="now"/>: close every open cycle whose closing time has passed, and launch the next cycle
    /// when its period has begun and its window is still ahead (unless the series is stopped or has not started). A cycle
    /// still open when the next one launches is closed then, so one series never has two open cycles. After HR changed the
    /// series (<paramref name="change"/>), periods count from the change's anchor and none that starts before its
    /// <see cref="ScheduleChange.NotBeforeUtc"/> is launched.
    /// </summary>
    public static PulsePlan Plan(DateTime now, PulseCadence cadence, int openDays, bool stopped, IReadOnlyList<CycleState> cycles,
        ScheduleChange? change = null)
    {
        if (Anchor(cycles, change) is not { } anchor)
        {
            return PulsePlan.Nothing;
        }
        var close = cycles.Where(c => c.Status == SurveyStatus.Open && ClosingOf(c, openDays) <= now)
            .Select(c => new CycleClosing(c.SurveyId, ClosingOf(c, openDays)!.Value)).ToList();
        var last = cycles.MaxBy(c => c.Number)!;
        CycleLaunch? launch = null;
        if (!stopped && last.Status != SurveyStatus.Draft && last.OpensUtc is { } lastOpens)
        {
            var current = PeriodAt(anchor, cadence, now);
            if (current >= FirstLaunchable(anchor, cadence, lastOpens, change))
            {
                var opens = PeriodStart(anchor, cadence, current);
                var closes = opens.AddDays(openDays);
                if (closes > now)
                {
                    launch = new CycleLaunch(last.Number + 1, opens, closes);
                    close.AddRange(cycles.Where(c => c.Status == SurveyStatus.Open && close.All(x => x.SurveyId != c.SurveyId))
                        .Select(c => new CycleClosing(c.SurveyId, now)));
                }
            }
        }
        return new PulsePlan(close, launch);
    }

    /// <summary>The first cycle's opening, once it has been launched; after a change, the change's anchor.</summary>
    private static DateTime? Anchor(IReadOnlyList<CycleState> cycles, ScheduleChange? change) =>
        cycles.Count > 0 && cycles.MinBy(c => c.Number) is { Status: not SurveyStatus.Draft, OpensUtc: { } opens } ? change?.AnchorUtc ?? opens : null;
}
