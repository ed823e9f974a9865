using System.Globalization;

namespace Inward.Platform.Jobs;

/// <summary>
/// When a recurring job runs: every day at a time, every week on a day at a time (both in a time zone, e.g. the
/// company's), or at a fixed interval counted from the Unix epoch (so every instance computes the same occurrences).
/// Pure: <see cref="NextAfter"/> depends on its argument only.
/// </summary>
public abstract record JobSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="utc"/> (UTC in, UTC out).</summary>
    public abstract DateTime NextAfter(DateTime utc);

    public static JobSchedule Daily(TimeOnly at, TimeZoneInfo? zone = null) => new DailySchedule(null, at, zone ?? TimeZoneInfo.Utc);

    public static JobSchedule Weekly(DayOfWeek day, TimeOnly at, TimeZoneInfo? zone = null) => new DailySchedule(day, at, zone ?? TimeZoneInfo.Utc);

    public static JobSchedule Every(TimeSpan interval) =>
        interval >= TimeSpan.FromSeconds(1) ? new IntervalSchedule(interval) : throw new ArgumentOutOfRangeException(nameof(interval), "At least one second.");

    /// <summary>
    /// Parses "daily 07:00", "weekly monday 07:00" or "every 15m" / "every 2h" / "every 30s" / "every 1d".
    /// Returns null for anything else.
    /// </summary>
    public static JobSchedule? Parse(string? spec, TimeZoneInfo? zone = null)
    {
        var parts = (spec ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        static TimeOnly? Time(string s) =>
            TimeOnly.TryParseExact(s, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        switch (parts)
        {
            case [var d, var t] when d.Equals("daily", StringComparison.OrdinalIgnoreCase) && Time(t) is { } at:
                return Daily(at, zone);
            case [var w, var day, var t] when w.Equals("weekly", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var dow) && Enum.IsDefined(dow) && !int.TryParse(day, CultureInfo.InvariantCulture, out _)
                && Time(t) is { } at:
                return Weekly(dow, at, zone);
            case [var e, var n] when e.Equals("every", StringComparison.OrdinalIgnoreCase) && n.Length >= 2
                && int.TryParse(n[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                TimeSpan? interval = char.ToLowerInvariant(n[^1]) switch
                {
                    's' => TimeSpan.FromSeconds(count),
                    'm' => TimeSpan.FromMinutes(count),
                    'h' => TimeSpan.FromHours(count),
                    'd' => TimeSpan.FromDays(count),
                    _ => null,
                };
                return interval is { } i ? Every(i) : null;
            default:
                return null;
        }
    }
}

/// <summary>Daily (Day null) or weekly at a local time of a zone.</summary>
public sealed record DailySchedule(DayOfWeek? Day, TimeOnly At, TimeZoneInfo Zone) : JobSchedule
{
    public override DateTime NextAfter(DateTime utc)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        // Yesterday's date as a start covers zones where the conversion lands on the previous local day.
        for (var date = DateOnly.FromDateTime(localNow).AddDays(-1); ; date = date.AddDays(1))
        {
            if (Day is { } d && date.DayOfWeek != d)
            {
                continue;
            }
            var candidate = ToUtc(date.ToDateTime(At));
            if (candidate > utc)
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// A local time skipped by a daylight-saving change runs at the first valid minute after it; a repeated one runs
    /// once, at its first (daylight) occurrence.
    /// </summary>
    private DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}

public sealed record IntervalSchedule(TimeSpan Interval) : JobSchedule
{
    public override DateTime NextAfter(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var steps = ticks / Interval.Ticks;
        if (ticks < 0 && ticks % Interval.Ticks != 0)
        {
            steps--;
        }
        var next = DateTime.UnixEpoch.Ticks + (steps + 1) * Interval.Ticks;
        return new DateTime(next, DateTimeKind.Utc);
    }
}

/// <summary>Exponential backoff: base, 2×base, 4×base, ... capped. Deterministic, so tests can predict it.</summary>
public static class JobBackoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan max)
    {
        if (attempt < 1 || baseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var exponent = Math.Min(attempt - 1, 30);
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
