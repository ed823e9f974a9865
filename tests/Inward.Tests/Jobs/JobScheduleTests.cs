using Inward.Platform.Jobs;

namespace Inward.Tests.Jobs;

public sealed class JobScheduleTests
{
    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public void Daily_runs_later_the_same_day_before_its_time_and_the_next_day_at_or_after_it()
    {
        var daily = JobSchedule.Daily(new TimeOnly(7, 0));
        Assert.Equal(Utc(2031, 3, 4, 7), daily.NextAfter(Utc(2031, 3, 4, 6, 59, 59)));
        Assert.Equal(Utc(2031, 3, 5, 7), daily.NextAfter(Utc(2031, 3, 4, 7)));
        Assert.Equal(Utc(2031, 3, 5, 7), daily.NextAfter(Utc(2031, 3, 4, 23, 30)));
        Assert.Equal(Utc(2032, 1, 1, 7), daily.NextAfter(Utc(2031, 12, 31, 8)));
    }

    [Fact]
    public void Daily_in_a_company_time_zone_follows_its_offset_through_the_year()
    {
        var daily = JobSchedule.Daily(new TimeOnly(7, 0), Warsaw);
        Assert.Equal(Utc(2031, 1, 15, 6), daily.NextAfter(Utc(2031, 1, 15, 0)));   // winter: UTC+1
        Assert.Equal(Utc(2031, 7, 15, 5), daily.NextAfter(Utc(2031, 7, 15, 0)));   // summer: UTC+2
        Assert.Equal(Utc(2031, 7, 16, 5), daily.NextAfter(Utc(2031, 7, 15, 5)));
    }

    [Fact]
    public void A_local_time_skipped_by_the_clock_change_runs_at_the_first_valid_minute_after_it()
    {
        // 30 March 2031: Warsaw jumps from 02:00 to 03:00.
        var daily = JobSchedule.Daily(new TimeOnly(2, 30), Warsaw);
        Assert.Equal(Utc(2031, 3, 30, 1), daily.NextAfter(Utc(2031, 3, 29, 12)));
        Assert.Equal(Utc(2031, 3, 31, 0, 30), daily.NextAfter(Utc(2031, 3, 30, 1)));
    }

    [Fact]
    public void A_local_time_repeated_by_the_clock_change_runs_once()
    {
        // 26 October 2031: Warsaw goes back from 03:00 to 02:00, so 02:30 happens twice; the first is 00:30 UTC.
        var daily = JobSchedule.Daily(new TimeOnly(2, 30), Warsaw);
        var first = daily.NextAfter(Utc(2031, 10, 25, 12));
        Assert.Equal(Utc(2031, 10, 26, 0, 30), first);
        Assert.Equal(Utc(2031, 10, 27, 1, 30), daily.NextAfter(first));
    }

    [Fact]
    public void Weekly_runs_on_its_day_only()
    {
        var weekly = JobSchedule.Weekly(DayOfWeek.Monday, new TimeOnly(7, 0));
        // 2031-03-05 is a Wednesday; the next Monday is the 10th.
        Assert.Equal(Utc(2031, 3, 10, 7), weekly.NextAfter(Utc(2031, 3, 5, 12)));
        Assert.Equal(Utc(2031, 3, 10, 7), weekly.NextAfter(Utc(2031, 3, 10, 6)));
        Assert.Equal(Utc(2031, 3, 17, 7), weekly.NextAfter(Utc(2031, 3, 10, 7)));
    }

    [Fact]
    public void Interval_occurrences_are_aligned_to_the_epoch_so_every_instance_agrees()
    {
        var every = JobSchedule.Every(TimeSpan.FromMinutes(15));
        Assert.Equal(Utc(2031, 3, 4, 10, 15), every.NextAfter(Utc(2031, 3, 4, 10, 0)));
        Assert.Equal(Utc(2031, 3, 4, 10, 15), every.NextAfter(Utc(2031, 3, 4, 10, 14, 59)));
        Assert.Equal(Utc(2031, 3, 4, 10, 30), every.NextAfter(Utc(2031, 3, 4, 10, 15)));
        Assert.Equal(new DateTime(1969, 12, 31, 23, 45, 0, DateTimeKind.Utc), every.NextAfter(new DateTime(1969, 12, 31, 23, 40, 0, DateTimeKind.Utc)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JobSchedule.Every(TimeSpan.FromMilliseconds(10)));
    }

    [Theory]
    [InlineData("daily 07:00", "2031-03-04T06:00:00Z", "2031-03-04T07:00:00Z")]
    [InlineData("DAILY 7:30", "2031-03-04T08:00:00Z", "2031-03-05T07:30:00Z")]
    [InlineData("weekly monday 07:00", "2031-03-05T00:00:00Z", "2031-03-10T07:00:00Z")]
    [InlineData("weekly Fri 07:00", null, null)]
    [InlineData("every 30s", "2031-03-04T06:00:10Z", "2031-03-04T06:00:30Z")]
    [InlineData("every 15m", "2031-03-04T06:00:00Z", "2031-03-04T06:15:00Z")]
    [InlineData("every 2h", "2031-03-04T05:00:00Z", "2031-03-04T06:00:00Z")]
    [InlineData("every 1d", "2031-03-04T05:00:00Z", "2031-03-05T00:00:00Z")]
    [InlineData("every 0m", null, null)]
    [InlineData("every -5m", null, null)]
    [InlineData("every 5x", null, null)]
    [InlineData("every m", null, null)]
    [InlineData("daily 25:00", null, null)]
    [InlineData("daily", null, null)]
    [InlineData("weekly 3 07:00", null, null)]
    [InlineData("hourly", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void Parse_understands_daily_weekly_and_every_and_refuses_anything_else(string? spec, string? after, string? expected)
    {
        var schedule = JobSchedule.Parse(spec);
        if (expected is null)
        {
            Assert.Null(schedule);
            return;
        }
        Assert.NotNull(schedule);
        var at = DateTime.Parse(after!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var want = DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(want, schedule.NextAfter(at));
    }

    [Fact]
    public void Backoff_doubles_from_the_base_and_stops_at_the_cap()
    {
        var b = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromMinutes(10);
        Assert.Equal(TimeSpan.FromSeconds(30), JobBackoff.Delay(1, b, cap));
        Assert.Equal(TimeSpan.FromSeconds(60), JobBackoff.Delay(2, b, cap));
        Assert.Equal(TimeSpan.FromSeconds(120), JobBackoff.Delay(3, b, cap));
        Assert.Equal(TimeSpan.FromSeconds(480), JobBackoff.Delay(5, b, cap));
        Assert.Equal(cap, JobBackoff.Delay(6, b, cap));
        Assert.Equal(cap, JobBackoff.Delay(1000, b, cap));
        Assert.Equal(TimeSpan.Zero, JobBackoff.Delay(0, b, cap));
        Assert.Equal(TimeSpan.Zero, JobBackoff.Delay(3, TimeSpan.Zero, cap));
    }

    [Fact]
    public void Recurring_keys_name_the_occurrence()
    {
        Assert.Equal("recurring:digest:20310304T070000Z", JobRunner.RecurringKey("digest", Utc(2031, 3, 4, 7)));
    }
}
